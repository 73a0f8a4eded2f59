// Finding the `copydesk` program: the `copydesk.path` setting, else `PATH`, else Cargo's
// bin folder (VS Code started from a desktop menu often has a shorter `PATH` than a shell).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Lookup {
  /** The program to run, when one was found. */
  found?: string;
  /** Where it looked, for the message when nothing was found. */
  tried: string[];
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `~` and `${workspaceFolder}` expanded; a relative path is taken from the workspace folder. */
export function expandPath(configured: string, workspaceFolder: string | undefined, home = os.homedir()): string {
  let expanded = configured.trim();
  if (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\')) {
    expanded = path.join(home, expanded.slice(1));
  }
  if (workspaceFolder) {
    expanded = expanded.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
    if (!path.isAbsolute(expanded) && /[\\/]/.test(expanded)) {
      expanded = path.join(workspaceFolder, expanded);
    }
  }
  return expanded;
}

export function findCopydesk(
  configured: string,
  workspaceFolder: string | undefined,
  environmentPath = process.env.PATH ?? '',
  home = os.homedir(),
): Lookup {
  const names = process.platform === 'win32' ? ['copydesk.exe', 'copydesk'] : ['copydesk'];
  if (configured.trim() !== '') {
    const expanded = expandPath(configured, workspaceFolder, home);
    if (path.isAbsolute(expanded)) {
      return isExecutable(expanded) ? { found: expanded, tried: [expanded] } : { tried: [expanded] };
    }
    // A bare name: look it up on PATH like the default.
    names.splice(0, names.length, expanded);
  }
  const tried: string[] = [];
  const folders = environmentPath.split(path.delimiter).filter((folder) => folder !== '');
  folders.push(path.join(home, '.cargo', 'bin'));
  for (const folder of folders) {
    for (const name of names) {
      const candidate = path.join(folder, name);
      tried.push(candidate);
      if (isExecutable(candidate)) {
        return { found: candidate, tried };
      }
    }
  }
  return { tried };
}
