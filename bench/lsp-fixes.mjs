#!/usr/bin/env node
// Benchmark of issue 8's features over LSP (stdio, the real server), with a 100k-entry bibliography:
//   diagnostics of a 1000-citation document, code actions (p50/p99), references and rename across a 50-file project.
// usage: node bench/lsp-fixes.mjs [path/to/citelsp.dll] [entries]   (default: the Release build, 100000)
// Needs python3 and ../shared/corpus/make-big-bib.py (the corpus generator). No npm dependencies.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect } from './lsp-frames.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dll = process.argv[2] || path.join(root, 'server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll');
const entries = Number(process.argv[3] ?? 100000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelsp-bench-'));

// --- workspace: big.bib, main.tex (1000 citations), 49 chapters citing one shared key -------------------------
execFileSync('python3', [path.join(root, '../shared/corpus/make-big-bib.py'), String(entries), '-o', path.join(dir, 'big.bib')]);
const bib = fs.readFileSync(path.join(dir, 'big.bib'), 'utf8');
const keys = [...bib.matchAll(/^@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map((m) => m[1]);
const pick = (i) => keys[(i * 7919) % keys.length];
const shared = pick(12345);
let body = '';
for (let i = 0; i < 1000; i++) body += `Claim ${i} \\cite{${i % 50 === 0 ? pick(i) + 'x' : pick(i)}}.\n`;
fs.mkdirSync(path.join(dir, 'chapters'));
const chapters = [];
for (let c = 1; c < 50; c++) {
  const name = `ch${String(c).padStart(2, '0')}`;
  chapters.push(name);
  let text = `\\section{Chapter ${c}}\n`;
  for (let i = 0; i < 20; i++) text += `Point ${i} \\citep{${pick(c * 100 + i)}, ${shared}}.\n`;
  fs.writeFileSync(path.join(dir, 'chapters', name + '.tex'), text);
}
const main = `\\documentclass{article}\n\\begin{document}\n${body}${chapters.map((n) => `\\input{chapters/${n}}`).join('\n')}\n\\bibliography{big}\n\\end{document}\n`;
fs.writeFileSync(path.join(dir, 'main.tex'), main);
const mainUri = pathToFileURL(path.join(dir, 'main.tex')).href;

// --- a minimal LSP client -------------------------------------------------------------------------------------
const child = spawn('dotnet', [dll], { stdio: ['pipe', 'pipe', 'inherit'] });
const { request, notify, onMessage } = connect(child);
const waiters = [];
const waitFor = (predicate) => new Promise((resolve) => waiters.push({ predicate, resolve }));
onMessage((message) => {
  const compute = message.method === 'window/logMessage' && /^diagnostics .*main\.tex: 1\d{3} citations, \d+ diagnostics, ([\d.]+) ms/.exec(message.params.message);
  if (compute) serverTimes.push(Number(compute[1]));
  const action = message.method === 'window/logMessage' && /^codeAction .*: \d+ actions, ([\d.]+) ms/.exec(message.params.message);
  if (action) actionServerTimes.push(Number(action[1]));
  for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i].predicate(message)) waiters.splice(i, 1)[0].resolve(message);
});
const serverTimes = [];
const actionServerTimes = [];
const now = () => Number(process.hrtime.bigint()) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return `p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms (n=${s.length})`;
};
const published = (uri, version) => waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version));

// --- run -----------------------------------------------------------------------------------------------------
await request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { workspace: { configuration: false } }, trace: 'verbose' });
notify('initialized', {});
let t = now();
let first = published(mainUri);
notify('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'latex', version: 1, text: main } });
const firstPublish = await first;
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes share the cores: tails are noisy)`);
console.log(`workspace: ${entries} entries in big.bib (${(bib.length / 1e6).toFixed(1)} MB, ${keys.length} keys sampled for citations), main.tex with 1000 citations + 49 chapters (${49 * 40} citations)`);
console.log(`first diagnostics after didOpen (includes parsing the ${entries}-entry bibliography): ${(now() - t).toFixed(0)} ms, ${firstPublish.params.diagnostics.length} diagnostics`);

const openTimes = [];
for (let i = 0; i < 30; i++) {
  const uri = pathToFileURL(path.join(dir, `copy${i}.tex`)).href;
  const wait = published(uri);
  t = now();
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'latex', version: 1, text: main } });
  await wait;
  openTimes.push(now() - t);
  notify('textDocument/didClose', { textDocument: { uri } });
}
console.log(`diagnostics, 1000-citation document, didOpen -> publishDiagnostics (waits for the catalog loop's 150 ms debounce to resolve the new document): ${stats(openTimes)}`);

const changeTimes = [];
let text = main;
for (let v = 2; v < 32; v++) {
  text = text.replace('\\begin{document}\n', `\\begin{document}\n%${v}\n`);
  const wait = published(mainUri, v);
  t = now();
  notify('textDocument/didChange', { textDocument: { uri: mainUri, version: v }, contentChanges: [{ text }] });
  await wait;
  changeTimes.push(now() - t);
}
console.log(`diagnostics, didChange -> publishDiagnostics (includes the 100 ms debounce): ${stats(changeTimes)}`);
console.log(`diagnostics, server-side analysis of the 1000-citation main.tex (scan + resolve + rule, from the server's debug log): ${stats(serverTimes)}`);

notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 32 }, contentChanges: [{ text }] });
const last = await published(mainUri, 32);
const targets = last.params.diagnostics.map((d) => d.range);
const actionTimes = [];
let actions = 0;
for (let i = 0; i < 200; i++) {
  const range = targets[i % targets.length];
  t = now();
  const result = await request('textDocument/codeAction', { textDocument: { uri: mainUri }, range, context: { diagnostics: [] } });
  actionTimes.push(now() - t);
  actions += result.length;
}
console.log(`code actions on unresolved keys (${targets.length} distinct, ${(actions / 200).toFixed(1)} actions each): ${stats(actionTimes)}`);
console.log(`code actions, server-side time in the handler (from the server's debug log): ${stats(actionServerTimes)}`);

const lines = text.split('\n');
const at = { line: lines.findIndex((l) => l.includes(`{${pick(3)}}`)), character: lines.find((l) => l.includes(`{${pick(3)}}`)).indexOf(pick(3)) + 1 };
const chapterUri = pathToFileURL(path.join(dir, 'chapters', 'ch01.tex')).href;
const chapterText = fs.readFileSync(path.join(dir, 'chapters', 'ch01.tex'), 'utf8');
const chapterReady = published(chapterUri);
notify('textDocument/didOpen', { textDocument: { uri: chapterUri, languageId: 'latex', version: 1, text: chapterText } });
await chapterReady;
const sharedAt = { line: 1, character: chapterText.split('\n')[1].indexOf(shared) + 1 };
const refTimes = [];
let refCount = 0;
for (let i = 0; i < 30; i++) {
  t = now();
  const refs = await request('textDocument/references', { textDocument: { uri: chapterUri }, position: sharedAt, context: { includeDeclaration: true } });
  refTimes.push(now() - t);
  refCount = refs.length;
}
console.log(`references of a key cited in all 49 chapters (50-file project): ${refCount} locations, ${stats(refTimes)}`);
const renameTimes = [];
let edits = 0;
for (let i = 0; i < 30; i++) {
  t = now();
  const edit = await request('textDocument/rename', { textDocument: { uri: chapterUri }, position: sharedAt, newName: `renamed${i}` });
  renameTimes.push(now() - t);
  edits = Object.values(edit.changes).reduce((n, e) => n + e.length, 0);
}
console.log(`rename of that key (bib entry + every citation, one WorkspaceEdit): ${edits} edits, ${stats(renameTimes)}`);
const defTimes = [];
for (let i = 0; i < 30; i++) {
  t = now();
  await request('textDocument/definition', { textDocument: { uri: mainUri }, position: at });
  defTimes.push(now() - t);
}
console.log(`definition (key -> entry in the 100k-entry big.bib): ${stats(defTimes)}`);

await request('shutdown');
notify('exit');
child.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
