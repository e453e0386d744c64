// VS Code glue: starts the server, forwards settings and file changes, and adds the few things that
// need VS Code UI (citation picker, bibliography list, status bar). Logic lives in the plain modules.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  CloseAction, type CloseHandlerResult, ErrorAction, LanguageClient, type LanguageClientOptions,
  RevealOutputChannelOn, type ServerOptions, State,
} from 'vscode-languageclient/node';
import { bibliographyReport, bibliographyRows, type BibliographyRow } from './bibliographies';
import { Commands } from './commands';
import { checkDotnet, exitDetail, OutputTail, problemMessage, type StartupProblem } from './dotnet';
import { insertCitation } from './insertion';
import { ServedLanguages, syntaxOf } from './languages';
import {
  BibliographiesMethod, type BibliographiesParams, type BibliographiesResult, SearchMethod,
  type SearchParams, type SearchResult, StatusNotification, type StatusParams,
} from './protocol';
import { mergeRows, type PickRow, sameKeys, toPickRow } from './searchItems';
import { resolveServerLaunch, Section } from './settings';
import { type ClientPhase, statusView } from './status';

/** Errors go to the output channel only: the extension shows the one notification that matters. */
class CiteLspClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

/** Crashes of a running server within this window are restarted, up to `maxRestarts` times. */
const crashWindowMs = 3 * 60 * 1000;
const maxRestarts = 3;

let extensionPath = '';
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let client: CiteLspClient | undefined;
let phase: ClientPhase = { kind: 'stopped' };
let crashes: number[] = [];
/** Bumped by every start and stop, so that a start overtaken by a restart gives up. */
let generation = 0;
let watcher: vscode.FileSystemWatcher;
/** How the last server process ended, once it has. */
let lastExit: Promise<string> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('CiteLsp', { log: true });
  statusItem = vscode.window.createStatusBarItem('citelsp.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'CiteLsp';
  statusItem.show();
  // Bibliography and settings-like files the server reloads on change (one watcher for every restart).
  watcher = vscode.workspace.createFileSystemWatcher('**/*.{bib,json,yaml,yml}');
  context.subscriptions.push(
    output,
    statusItem,
    watcher,
    vscode.commands.registerCommand(Commands.insertCitation.id, insertCitationCommand),
    vscode.commands.registerCommand(Commands.showBibliographies.id, showBibliographiesCommand),
    vscode.commands.registerCommand(Commands.restartServer.id, restart),
    vscode.commands.registerCommand(Commands.showOutput.id, () => output.show()),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(`${Section}.server.path`)) void restart();
    }),
  );
  // Not awaited: activation must not wait for the .NET check and the server start.
  void start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

function setPhase(next: ClientPhase): void {
  phase = next;
  const view = statusView(next);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.command = next.kind === 'running' ? Commands.showBibliographies.id : Commands.showOutput.id;
}

async function start(): Promise<void> {
  const gen = ++generation;
  setPhase({ kind: 'starting' });
  const config = vscode.workspace.getConfiguration(Section);
  const launch = resolveServerLaunch(config.get<string>('server.path'), extensionPath, {
    home: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    isDirectory: p => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false,
  });
  output.info(`Starting ${launch.command} ${launch.args.join(' ')}`);
  if (launch.dll !== undefined && !fs.existsSync(launch.dll)) return fail({ kind: 'serverMissing', path: launch.dll });
  if (launch.command === 'dotnet') {
    const problem = await checkDotnet(launch.command);
    if (gen !== generation) return;
    if (problem !== undefined) return fail(problem);
  }

  // Spawned here rather than by the library, to be able to say why a server stopped.
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? extensionPath;
  const serverOptions: ServerOptions = () => new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(launch.command, launch.args, { cwd, stdio: 'pipe' });
    const tail = new OutputTail();
    child.stderr.on('data', (d: Buffer) => tail.push(d.toString('utf8')));
    lastExit = new Promise(done => child.once('exit', (code, signal) => done(exitDetail(code, signal, tail.last()))));
    child.once('error', reject);
    child.once('spawn', () => resolve(child));
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: ServedLanguages.flatMap(language => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: Section,
      fileEvents: watcher,
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A failed start is reported once by start() below; no retry, no library pop-ups.
    initializationFailedHandler: () => false,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: onServerClosed,
    },
  };
  const c = new CiteLspClient('citelsp', 'CiteLsp', serverOptions, clientOptions);
  client = c;
  c.onNotification(StatusNotification, (status: StatusParams) => {
    if (client === c) setPhase({ kind: 'running', status });
  });
  c.onDidChangeState(e => {
    if (client !== c) return;
    if (e.newState === State.Running && phase.kind !== 'running') setPhase({ kind: 'running' });
    if (e.newState === State.Stopped && phase.kind !== 'failed') setPhase({ kind: 'stopped' });
  });
  try {
    await c.start();
    output.info('Server started');
  } catch (error) {
    if (client !== c) return;
    client = undefined;
    void c.dispose().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      fail({ kind: 'spawnFailed', command: launch.command, detail: 'command not found' });
      return;
    }
    fail({ kind: 'crashed', detail: `it did not start: ${await exitOr(errorText(error))}` });
  }
}

function onServerClosed(): CloseHandlerResult {
  const c = client;
  // Closed while starting: start() reports it.
  if (c === undefined || c.state !== State.Running) return { action: CloseAction.DoNotRestart, handled: true };
  const now = Date.now();
  crashes = [...crashes.filter(t => now - t < crashWindowMs), now];
  if (crashes.length <= maxRestarts) {
    output.warn(`The server stopped unexpectedly; restarting (${crashes.length}/${maxRestarts}).`);
    setPhase({ kind: 'starting' });
    return { action: CloseAction.Restart, handled: true };
  }
  crashes = [];
  void exitOr('no exit status').then(exit =>
    fail({ kind: 'crashed', detail: `it crashed ${maxRestarts + 1} times in 3 minutes (last time ${exit}) and is not restarted again` }));
  return { action: CloseAction.DoNotRestart, handled: true };
}

/** How the server process ended, if it does so within a moment; else `fallback`. */
async function exitOr(fallback: string): Promise<string> {
  const timeout = new Promise<string>(resolve => setTimeout(() => resolve(fallback), 1000));
  return lastExit === undefined ? fallback : Promise.race([lastExit, timeout]);
}

function fail(problem: StartupProblem): void {
  const message = problemMessage(problem);
  output.error(message);
  setPhase({ kind: 'failed', message });
  const settings = problem.kind === 'spawnFailed' || problem.kind === 'serverMissing' ? ['Open Settings'] : [];
  void vscode.window.showErrorMessage(message, 'Show Output', ...settings, 'Restart Server').then(pick => {
    if (pick === 'Show Output') output.show();
    else if (pick === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', `${Section}.server.path`);
    else if (pick === 'Restart Server') void restart();
  });
}

async function stop(): Promise<void> {
  generation++;
  const c = client;
  client = undefined;
  if (c === undefined) return;
  try {
    await c.dispose(2000);
  } catch (error) {
    output.warn(`Stopping the server: ${errorText(error)}`);
  }
}

async function restart(): Promise<void> {
  await stop();
  crashes = [];
  await start();
}

function runningClient(): CiteLspClient | undefined {
  if (client?.state === State.Running) return client;
  void vscode.window.showWarningMessage(
    phase.kind === 'failed' ? statusView(phase).tooltip : 'The CiteLsp server is not running yet.', 'Show Output',
  ).then(pick => { if (pick) output.show(); });
  return undefined;
}

type PickItem = vscode.QuickPickItem & PickRow;

async function insertCitationCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const syntax = editor && syntaxOf(editor.document.languageId, editor.document.fileName);
  if (editor === undefined || syntax === undefined) {
    void vscode.window.showInformationMessage('CiteLsp: Insert Citation works in LaTeX and Markdown documents.');
    return;
  }
  const c = runningClient();
  if (c === undefined) return;
  const config = vscode.workspace.getConfiguration(Section, editor.document);
  const uri = editor.document.uri.toString();

  const pick = vscode.window.createQuickPick<PickItem>();
  pick.title = 'Insert Citation';
  pick.placeholder = 'Search by author, title, year or key; pick one or more';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let picked: PickItem[] = [];
  let pending: vscode.CancellationTokenSource | undefined;
  let timer: NodeJS.Timeout | undefined;

  const search = async (query: string) => {
    pending?.cancel();
    const cts = new vscode.CancellationTokenSource();
    pending = cts;
    pick.busy = true;
    try {
      const params: SearchParams = { query, limit: config.get<number>('completion.limit', 50), textDocument: { uri } };
      const result = await c.sendRequest<SearchResult>(SearchMethod, params, cts.token);
      if (cts.token.isCancellationRequested) return;
      // alwaysShow: the server ranks and filters; VS Code only highlights what it matches itself.
      const rows = result.items.map(item => ({ ...toPickRow(item), alwaysShow: true }));
      // Same entries as shown: leave the list alone, so that a click made meanwhile is not lost.
      const next = mergeRows(picked, rows);
      if (sameKeys(next, pick.items)) return;
      pick.items = next;
      pick.selectedItems = picked;
    } catch (error) {
      if (!cts.token.isCancellationRequested) pick.title = `Insert Citation — search failed: ${errorText(error)}`;
    } finally {
      if (pending === cts) pick.busy = false;
    }
  };
  pick.onDidChangeSelection(items => { picked = [...items]; });
  pick.onDidChangeValue(value => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void search(value), 120);
  });
  const accepted = new Promise<PickItem[] | undefined>(resolve => {
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems.length > 0 ? [...pick.selectedItems] : [...pick.activeItems];
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
  });
  pick.show();
  void search('');
  const chosen = await accepted;
  pending?.cancel();
  if (timer !== undefined) clearTimeout(timer);
  pick.dispose();
  if (chosen === undefined || chosen.length === 0) return;

  const doc = editor.document;
  const result = insertCitation(
    doc.getText(), doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end), syntax,
    chosen.map(r => r.key), { citationCommands: config.get<string[]>('latex.citationCommands', []) },
  );
  if (result.edit !== undefined) {
    const { start, end, text } = result.edit;
    await editor.edit(b => b.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(end)), text));
  }
  if (result.alreadyCited.length > 0) {
    vscode.window.setStatusBarMessage(`CiteLsp: already cited here: ${result.alreadyCited.join(', ')}`, 4000);
  }
}

async function showBibliographiesCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage('CiteLsp: open a LaTeX or Markdown document to see its bibliographies.');
    return;
  }
  const c = runningClient();
  if (c === undefined) return;
  const params: BibliographiesParams = { textDocument: { uri: editor.document.uri.toString() } };
  let result: BibliographiesResult;
  try {
    result = await c.sendRequest<BibliographiesResult>(BibliographiesMethod, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`CiteLsp: could not list the bibliographies: ${errorText(error)}`);
    return;
  }
  output.info(bibliographyReport(editor.document.uri.fsPath, result));
  if (result.files.length === 0) {
    void vscode.window.showInformationMessage('CiteLsp: no bibliography applies to this document.');
    return;
  }
  const rows = bibliographyRows(result);
  const chosen = await vscode.window.showQuickPick<vscode.QuickPickItem & BibliographyRow>(rows, {
    title: 'Loaded Bibliographies',
    placeHolder: 'Files that apply to this document (pick one to open it)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen === undefined) return;
  const position = new vscode.Position(chosen.line ?? 0, chosen.character ?? 0);
  await vscode.window.showTextDocument(vscode.Uri.file(chosen.path), { selection: new vscode.Range(position, position) });
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
