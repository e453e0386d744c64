// End to end: the server from the built .vsix, installed as VS Code would, driven through
// vscode-languageserver-protocol (the protocol stack under vscode-languageclient, which itself cannot
// run outside VS Code). Completion, hover and diagnostics on a .tex and a .md document.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest,
  type CompletionItem, type CompletionList, type Diagnostic, type Hover, type InitializeResult,
  type ProtocolConnection, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import {
  BibliographiesMethod, type BibliographiesResult, SearchMethod, type SearchResult, StatusNotification, type StatusParams,
} from '../src/protocol';
import { toPickRow } from '../src/searchItems';
import { serverSection } from '../src/settings';
import { clientRoot, extract, readVsix, targetVsixPath, vsixPath } from './helpers';

interface Doc {
  uri: string;
  text: string;
  languageId: string;
}

class Session {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: StatusParams[] = [];
  readonly log: string[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {}

  onChange(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `predicate` holds (re-checked on every diagnostic publish), or fails after `ms`. */
  async until<T>(what: string, ms: number, predicate: () => T | undefined): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0 || this.exit !== undefined) {
        throw new Error(`${what}: not seen within ${ms} ms${this.exit ? ` (server exited ${this.exit.code})` : ''}\n${this.tail()}`);
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  tail(): string {
    return `server stderr:\n${this.stderr.slice(-2000)}\nserver log:\n${this.log.slice(-20).join('\n')}`;
  }
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Position just after the first `find` (or at its start). */
function at(doc: Doc, find: string, atStart = false): { line: number; character: number } {
  const i = doc.text.indexOf(find);
  assert.ok(i >= 0, `${find} in fixture`);
  return position(doc.text, atStart ? i : i + find.length);
}

function labelsOf(result: CompletionItem[] | CompletionList | null): string[] {
  const items = result === null ? [] : Array.isArray(result) ? result : result.items;
  return items.flatMap(i => {
    const edit = i.textEdit?.newText;
    return [i.label, i.filterText, i.insertText, edit].filter((s): s is string => typeof s === 'string');
  });
}

function hoverText(hover: Hover | null): string {
  if (hover === null) return '';
  const c = hover.contents as unknown;
  const part = (x: unknown): string => (typeof x === 'string' ? x : (x as { value?: string }).value ?? '');
  return Array.isArray(c) ? c.map(part).join('\n') : part(c);
}

// Both packages: the universal one (IL) and this platform's (precompiled), as the marketplace serves them.
for (const [kind, vsix] of [['universal', vsixPath()], ['platform', targetVsixPath()]] as const) {
  describe(`packaged server end to end (${kind} .vsix)`, { timeout: 120_000 }, () => {
    let dir: string;
    let session: Session | undefined;
    let init: InitializeResult | undefined;
    let startProblem: string | undefined;
    const docs: Record<'tex' | 'md', Doc> = {} as Record<'tex' | 'md', Doc>;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelsp-e2e-'));
      extract(await readVsix(vsix), 'extension/', path.join(dir, 'extension'));
      const ws = path.join(dir, 'workspace');
      fs.cpSync(path.join(clientRoot, 'test', 'fixtures'), ws, { recursive: true });
      docs.tex = { uri: pathToFileURL(path.join(ws, 'paper.tex')).href, text: fs.readFileSync(path.join(ws, 'paper.tex'), 'utf8'), languageId: 'latex' };
      docs.md = { uri: pathToFileURL(path.join(ws, 'paper.md')).href, text: fs.readFileSync(path.join(ws, 'paper.md'), 'utf8'), languageId: 'markdown' };

      // What the extension does: dotnet <extension>/server/citelsp.dll --stdio.
      const dll = path.join(dir, 'extension', 'server', 'citelsp.dll');
      const child = spawn('dotnet', [dll, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const s = new Session(child, connection);
      session = s;
      child.stderr!.on('data', (d: Buffer) => { s.stderr += d.toString('utf8'); });
      child.on('exit', (code, signal) => { s.exit = { code, signal }; s.onChange(); });
      child.stdin!.on('error', () => undefined); // a server that died: reported by the exit above

      // The client's answers: the `citelsp` section (plus the fixture bibliography, so the test does
      // not depend on discovery), as VS Code's workspace.getConfiguration returns it.
      const settings = serverSection({ bibliography: [path.join(ws, 'refs.bib')] });
      connection.onRequest(ConfigurationRequest.type, params =>
        params.items.map(i => (i.section === 'citelsp' ? settings : i.section?.startsWith('citelsp.')
          ? i.section.split('.').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], settings)
          : null)));
      connection.onRequest(RegistrationRequest.type, () => undefined);
      connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
      connection.onNotification('window/logMessage', (p: { message: string }) => { s.log.push(p.message); });
      connection.onNotification(PublishDiagnosticsNotification.type, p => { s.diagnostics.set(p.uri, p.diagnostics); s.onChange(); });
      connection.onNotification(StatusNotification, (p: StatusParams) => { s.statuses.push(p); s.onChange(); });
      connection.listen();

      const exited = new Promise<never>((_, reject) => child.on('exit', code => reject(new Error(`server exited with ${code} before initialize`))));
      exited.catch(() => undefined);
      try {
        init = await Promise.race([
          connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: pathToFileURL(ws).href,
            workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'workspace' }],
            capabilities: {
              workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
              textDocument: {
                completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                publishDiagnostics: { relatedInformation: true },
              },
            },
          }),
          exited,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no initialize answer within 30 s')), 30_000).unref()),
        ]);
      } catch (error) {
        startProblem = `${(error as Error).message}\n${s.tail()}`;
        return;
      }
      await connection.sendNotification(InitializedNotification.type, {});
      // synchronize.configurationSection: the client pushes the section after start.
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { citelsp: settings } });
      for (const d of Object.values(docs)) {
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { ...d, version: 1 } });
      }
    });

    after(async () => {
      const s = session;
      if (s !== undefined && s.exit === undefined) {
        try {
          await Promise.race([s.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 3000).unref())]);
          await s.connection.sendNotification(ExitNotification.type);
        } catch { /* killed below */ }
        await new Promise(r => setTimeout(r, 300));
        if (s.exit === undefined) s.process.kill();
      }
      s?.connection.dispose();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    /** The session; a server that did not start, or offers no completion, fails the test. */
    function started(): Session {
      if (startProblem !== undefined) assert.fail(`the packaged server did not start:\n${startProblem}`);
      assert.ok(init?.capabilities.completionProvider, `completionProvider in ${JSON.stringify(init?.capabilities)}`);
      return session!;
    }

    // The custom messages the extension's status bar, picker and bibliography list are built on.
    test('citelsp/status, citelsp/search and citelsp/bibliographies answer in the contract shape', async () => {
      const s = started();
      const status = await s.until('a citelsp/status', 20_000, () => s.statuses[0]);
      for (const k of ['entries', 'files', 'errors'] as const) assert.ok(Number.isInteger(status[k]) && status[k] >= 0, JSON.stringify(status));
      assert.ok(status.entries > 0, 'the seed catalog is on by default');

      // The seed catalog (on by default) has machine-learning papers.
      const result = await s.connection.sendRequest<SearchResult>(SearchMethod, { query: 'learning', limit: 3, textDocument: { uri: docs.tex.uri } });
      assert.ok(result.items.length > 0 && result.items.length <= 3, `1..3 items: ${result.items.length}`);
      for (const i of result.items) {
        assert.ok(typeof i.key === 'string' && i.key !== '' && typeof i.title === 'string' && typeof i.score === 'number', JSON.stringify(i));
        assert.ok(Array.isArray(i.authors) && i.authors.every(a => typeof a === 'string'), JSON.stringify(i));
        assert.ok(i.year === null || Number.isInteger(i.year), JSON.stringify(i));
        assert.ok(i.venue === null || typeof i.venue === 'string', JSON.stringify(i));
        assert.ok(i.source === 'bibliography' || i.source === 'library', JSON.stringify(i));
        const shown: Record<string, string> = {
          key: i.key, title: i.title, author: i.authors.join(', '), year: String(i.year ?? ''), venue: i.venue ?? '',
        };
        for (const m of i.matches) {
          assert.ok(m.field in shown, `match field ${m.field}`);
          assert.ok(m.start >= 0 && m.length > 0 && m.start + m.length <= shown[m.field].length, `${JSON.stringify(m)} in ${JSON.stringify(shown[m.field])}`);
        }
        assert.equal(toPickRow(i).key, i.key);
      }

      const bibs = await s.connection.sendRequest<BibliographiesResult>(BibliographiesMethod, { textDocument: { uri: docs.tex.uri } });
      assert.ok(Array.isArray(bibs.files), JSON.stringify(bibs));
      for (const f of bibs.files) {
        assert.ok(typeof f.path === 'string' && typeof f.reason === 'string' && Number.isInteger(f.entries), JSON.stringify(f));
        assert.ok(f.role === 'bibliography' || f.role === 'library', JSON.stringify(f));
        for (const e of f.errors) assert.ok(typeof e.message === 'string' && Number.isInteger(e.line) && Number.isInteger(e.character), JSON.stringify(e));
      }
    });

    test('the fixture .bib is loaded, searchable with highlights and listed', async () => {
      const s = started();
      const status = await s.until('a citelsp/status without errors', 20_000, () => s.statuses.find(p => p.errors === 0 && p.entries >= 2));
      assert.ok(status.files >= 1, JSON.stringify(status));

      const result = await s.connection.sendRequest<SearchResult>(SearchMethod, { query: 'knuth texbook', limit: 5, textDocument: { uri: docs.tex.uri } });
      const hit = result.items.find(i => i.key === 'knuth1984');
      assert.ok(hit, JSON.stringify(result.items.map(i => i.key)));
      assert.match(hit.title, /TeX\s*book/);
      assert.ok(hit.authors.some(a => a.includes('Knuth')), JSON.stringify(hit.authors));
      assert.equal(hit.year, 1984);
      assert.equal(hit.source, 'bibliography');
      assert.ok(hit.matches.some(m => m.field === 'author') && hit.matches.some(m => m.field === 'title'), JSON.stringify(hit.matches));
      assert.match(toPickRow(hit).description, /Knuth.*1984/);

      const bibs = await s.connection.sendRequest<BibliographiesResult>(BibliographiesMethod, { textDocument: { uri: docs.tex.uri } });
      const refs = bibs.files.find(f => path.basename(f.path) === 'refs.bib');
      assert.ok(refs, JSON.stringify(bibs));
      assert.equal(refs.role, 'bibliography');
      assert.equal(refs.entries, 2);
      assert.deepEqual(refs.errors, []);
    });

    for (const kind of ['tex', 'md'] as const) {
      const name = kind === 'tex' ? 'LaTeX' : 'Markdown';
      const open = kind === 'tex' ? '\\cite{' : '[@';

      test(`${name}: completion offers the bibliography key`, async () => {
        const s = started();
        const doc = docs[kind];
        // The server may still be loading the bibliography right after open: ask again for a while.
        const labels = await pollCompletion(s, doc, `${open}knu`, l => l.includes('knuth1984'));
        assert.ok(labels.some(l => l.includes('knuth1984')), `knuth1984 among ${JSON.stringify(labels.slice(0, 20))}`);
      });

      test(`${name}: hover on a key shows the entry`, async () => {
        const s = started();
        assert.ok(init?.capabilities.hoverProvider, 'server reports hoverProvider');
        const doc = docs[kind];
        const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: at(doc, 'knuth1984', true) });
        assert.match(hoverText(hover), /Knuth|TeX\s*book/, s.tail());
      });

      test(`${name}: an unknown key gets a warning, known keys none`, async () => {
        const s = started();
        const doc = docs[kind];
        const unknown = at(doc, 'nosuchkey2000', true);
        const diags = await s.until(`diagnostic on nosuchkey2000 in ${doc.uri}`, 20_000, () => {
          const list = s.diagnostics.get(doc.uri) ?? [];
          return list.some(d => d.range.start.line === unknown.line && d.range.start.character <= unknown.character + 1 && d.range.end.character >= unknown.character + 'nosuchkey2000'.length - 1)
            ? list : undefined;
        });
        const hit = diags.find(d => d.range.start.line === unknown.line)!;
        assert.equal(hit.severity, 2, 'citelsp.diagnostics.severity defaults to warning');
        const known = at(doc, 'knuth1984', true);
        assert.deepEqual(diags.filter(d => d.range.start.line === known.line), [], 'knuth1984 and lamport1994 resolve');
      });
    }

    async function pollCompletion(s: Session, doc: Doc, find: string, want: (label: string) => boolean): Promise<string[]> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const result = await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: at(doc, find) });
        const labels = labelsOf(result);
        if (labels.some(want) || Date.now() > deadline || s.exit !== undefined) return labels;
        await new Promise(r => setTimeout(r, 300));
      }
    }
  });
}
