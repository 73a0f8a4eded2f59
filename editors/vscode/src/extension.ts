// The copydesk extension: starts `copydesk lsp` for Markdown and plain-text drafts and hands
// it VS Code's settings; adds commands for the style sheet, fix-all, restarting and the log.
//
// The server does the work (diagnostics, quick fixes, hover, house names); this file only
// finds the program, starts it, translates settings and shows what the server returns.

import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { bundledCopydesk, findCopydesk } from './binary';
import { RESTART_SETTINGS, serverSettings, SettingsSource } from './settings';
import { StyleSheet, styleSheetMarkdown } from './styleSheet';

const INSTALL_URL = 'https://github.com/copydesk/copydesk#install';
const STYLE_SHEET_SCHEME = 'copydesk-style-sheet';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;
let output: vscode.OutputChannel;
/** The extension's folder, where a platform's .vsix keeps the program (server/copydesk). */
let extensionPath: string | undefined;
/** The last draft that had the focus, for commands run from the style sheet's preview. */
let lastDraft: vscode.Uri | undefined;
/** The missing program is reported once until the settings change or a restart is asked for. */
let reportedMissing = false;

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('copydesk');
}

const settingsSource: SettingsSource = {
  explicit(key: string): unknown {
    const inspected = configuration().inspect(key);
    if (
      inspected === undefined ||
      (inspected.globalValue === undefined &&
        inspected.workspaceValue === undefined &&
        inspected.workspaceFolderValue === undefined)
    ) {
      return undefined;
    }
    return configuration().get(key);
  },
};

function languages(): string[] {
  const configured = configuration().get<string[]>('languages');
  return Array.isArray(configured) && configured.length > 0 ? configured : ['markdown', 'plaintext'];
}

function isDraft(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && languages().includes(document.languageId);
}

function workspaceFolderPath(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
  return folder?.uri.fsPath;
}

async function reportMissing(tried: string[]): Promise<void> {
  if (reportedMissing) {
    return;
  }
  reportedMissing = true;
  const configured = configuration().get<string>('path')?.trim();
  output.appendLine(`copydesk was not found. Looked at:\n  ${tried.join('\n  ')}`);
  // Only this build of the extension (the universal one, or copydesk.path set) can miss the
  // program: a platform's .vsix carries it. Say how a writer gets it without Rust first.
  const where = configured
    ? `The program in the copydesk.path setting (${configured}) does not exist or cannot be run.`
    : 'This copydesk extension has no copydesk program inside, and there is none on PATH.';
  const choice = await vscode.window.showErrorMessage(
    `${where} Install it with "pip install copydesk" (or a binary from the GitHub releases, ` +
      'or "cargo install copydesk"), then restart copydesk; or set copydesk.path to the program.',
    'Open Settings',
    'Installation Guide',
  );
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
  } else if (choice === 'Installation Guide') {
    await vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
  }
}

function createClient(command: string): LanguageClient {
  const serverOptions: ServerOptions = {
    command,
    args: ['lsp'],
    options: {
      env: { ...process.env, COPYDESK_LOG: configuration().get<string>('log') ?? 'warn' },
      cwd: workspaceFolderPath(),
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved buffers only: not the style sheet's preview, not other schemes.
    documentSelector: languages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: () => serverSettings(settingsSource),
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // A fix the writer must complete (", according to [source]") comes with its edit as a
      // snippet: insert it as one, so that the placeholder is selected to type over.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions?.map((action) => withSnippet(action));
      },
      workspace: {
        // The server asks for the `copydesk` section: answer with copydesk.toml's keys, not
        // with VS Code's own (`path`, `languages`, `trace`…), which it would refuse.
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (answer instanceof ResponseError || !Array.isArray(answer)) {
            return answer;
          }
          return params.items.map((item, index) =>
            item.section === 'copydesk' ? serverSettings(settingsSource) : answer[index],
          );
        },
      },
    },
  };
  return new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
}

/** The snippet the server attached to a display-only fix, if this VS Code can insert one. */
interface SnippetData {
  snippet?: {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    text: string;
  };
}

/**
 * A code action whose edit the server also gave as a snippet, with its edit replaced by
 * the snippet (VS Code 1.86 and later have `SnippetTextEdit`; earlier ones keep the plain
 * edit, which inserts the placeholder as text).
 */
export function withSnippet<T extends vscode.Command | vscode.CodeAction>(action: T): T {
  const snippetTextEdit = (vscode as unknown as { SnippetTextEdit?: new (range: vscode.Range, snippet: vscode.SnippetString) => unknown })
    .SnippetTextEdit;
  const snippet = (action as unknown as { data?: SnippetData }).data?.snippet;
  if (!snippetTextEdit || !snippet || !(action instanceof vscode.CodeAction)) {
    return action;
  }
  const { start, end } = snippet.range;
  const edit = new vscode.WorkspaceEdit();
  const snippetEdit = new snippetTextEdit(
    new vscode.Range(start.line, start.character, end.line, end.character),
    new vscode.SnippetString(snippet.text),
  );
  (edit as unknown as { set(uri: vscode.Uri, edits: unknown[]): void }).set(vscode.Uri.parse(snippet.uri), [snippetEdit]);
  action.edit = edit;
  return action;
}

/** Starts the server, unless it runs already, or (when not forced) no draft is open. */
async function start(force = false): Promise<LanguageClient | undefined> {
  if (client && client.state !== State.Stopped) {
    return client;
  }
  if (starting) {
    return starting;
  }
  if (!force && !vscode.workspace.textDocuments.some(isDraft)) {
    return undefined;
  }
  starting = (async () => {
    const lookup = findCopydesk(
      configuration().get<string>('path') ?? '',
      workspaceFolderPath(),
      process.env.PATH ?? '',
      undefined,
      extensionPath === undefined ? undefined : bundledCopydesk(extensionPath),
    );
    if (!lookup.found) {
      // Not awaited: the message stays until the writer answers it.
      void reportMissing(lookup.tried);
      return undefined;
    }
    output.appendLine(`Starting ${lookup.found} lsp`);
    const created = createClient(lookup.found);
    client = created;
    try {
      await created.start();
    } catch (error) {
      output.appendLine(`copydesk did not start: ${String(error)}`);
      void vscode.window.showErrorMessage(
        `copydesk did not start (${lookup.found} lsp): ${String(error)}. See "copydesk: Show the Log".`,
      );
      return undefined;
    }
    return created;
  })();
  try {
    return await starting;
  } finally {
    starting = undefined;
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`stopping copydesk: ${String(error)}`);
    }
  }
  await running?.dispose().catch(() => undefined);
}

async function restart(): Promise<void> {
  reportedMissing = false;
  await stop();
  await start(true);
}

/** The draft a command applies to: the active editor's, else the last draft that had it. */
function currentDraft(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDraft(active)) {
    return active.uri;
  }
  return lastDraft;
}

class StyleSheetDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Style sheet\n\nRun "copydesk: Show the Story\'s Style Sheet" again.\n';
  }
}

async function showStyleSheet(documents: StyleSheetDocuments): Promise<void> {
  const draft = currentDraft();
  if (!draft) {
    void vscode.window.showInformationMessage('copydesk: open a Markdown or plain-text draft first.');
    return;
  }
  const running = await start(true);
  if (!running) {
    return;
  }
  let sheet: StyleSheet;
  try {
    sheet = await running.sendRequest(ExecuteCommandRequest.type, {
      command: 'copydesk.styleSheet',
      arguments: [running.code2ProtocolConverter.asUri(draft)],
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`copydesk: no style sheet: ${String((error as Error).message ?? error)}`);
    return;
  }
  const markdown = styleSheetMarkdown(sheet ?? {}, (uri) =>
    vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false),
  );
  const name = draft.path.split('/').pop() ?? 'draft';
  const uri = vscode.Uri.from({
    scheme: STYLE_SHEET_SCHEME,
    path: `/Style sheet — ${name}`,
    query: draft.toString(),
  });
  documents.set(uri, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'markdown') {
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // Without VS Code's Markdown extension, the Markdown itself, beside the draft.
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

async function fixDraft(): Promise<void> {
  const draft = currentDraft();
  if (!draft) {
    void vscode.window.showInformationMessage('copydesk: open a Markdown or plain-text draft first.');
    return;
  }
  const running = await start(true);
  if (!running) {
    return;
  }
  try {
    const answer = await running.sendRequest(ExecuteCommandRequest.type, {
      command: 'copydesk.fixAll',
      arguments: [running.code2ProtocolConverter.asUri(draft)],
    });
    if (!answer?.applied) {
      void vscode.window.showInformationMessage(`copydesk: ${answer?.reason ?? 'nothing was fixed'}.`);
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`copydesk: fix all failed: ${String((error as Error).message ?? error)}`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('copydesk');
  extensionPath = context.extensionPath;
  const styleSheets = new StyleSheetDocuments();
  context.subscriptions.push(
    output,
    vscode.workspace.registerTextDocumentContentProvider(STYLE_SHEET_SCHEME, styleSheets),
    vscode.commands.registerCommand('copydesk.restartServer', restart),
    vscode.commands.registerCommand('copydesk.showLog', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.showStyleSheet', () => showStyleSheet(styleSheets)),
    vscode.commands.registerCommand('copydesk.fixDraft', fixDraft),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isDraft(document)) {
        void start();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isDraft(editor.document)) {
        lastDraft = editor.document.uri;
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('copydesk')) {
        return;
      }
      if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        reportedMissing = false;
        const wasRunning = client !== undefined;
        await stop();
        await start(wasRunning);
        return;
      }
      if (client && client.state === State.Running) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { copydesk: serverSettings(settingsSource) },
        });
      }
    }),
  );
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDraft(active)) {
    lastDraft = active.uri;
  }
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
