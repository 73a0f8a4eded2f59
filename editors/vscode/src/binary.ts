// Finding the `copydesk` program: the `copydesk.path` setting, else the program bundled in
// the extension (server/copydesk in a platform's .vsix), else `PATH`, else Cargo's bin
// folder (VS Code started from a desktop menu often has a shorter `PATH` than a shell).

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

/**
 * The program a platform's .vsix carries (`server/copydesk`, `server/copydesk.exe`), if this
 * extension has one. A zip tool that dropped the executable bit is forgiven: the bit is set
 * again when the file is there but cannot be run.
 */
export function bundledCopydesk(extensionPath: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const candidate = path.join(extensionPath, 'server', platform === 'win32' ? 'copydesk.exe' : 'copydesk');
  if (!fs.existsSync(candidate)) {
    return undefined;
  }
  if (!isExecutable(candidate) && platform !== 'win32') {
    try {
      fs.chmodSync(candidate, 0o755);
    } catch {
      // Reported as not found below, with the path tried.
    }
  }
  return candidate;
}

export function findCopydesk(
  configured: string,
  workspaceFolder: string | undefined,
  environmentPath = process.env.PATH ?? '',
  home = os.homedir(),
  bundled?: string,
): Lookup {
  const names = process.platform === 'win32' ? ['copydesk.exe', 'copydesk'] : ['copydesk'];
  const tried: string[] = [];
  if (configured.trim() !== '') {
    const expanded = expandPath(configured, workspaceFolder, home);
    if (path.isAbsolute(expanded)) {
      return isExecutable(expanded) ? { found: expanded, tried: [expanded] } : { tried: [expanded] };
    }
    // A bare name: look it up on PATH like the default.
    names.splice(0, names.length, expanded);
  } else if (bundled !== undefined) {
    tried.push(bundled);
    if (isExecutable(bundled)) {
      return { found: bundled, tried };
    }
  }
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
