#!/usr/bin/env node
// An open library's outline over LSP (stdio, the real server): textDocument/documentSymbol on a big .bib open in the
// editor, and a citelsp/search sent 30 ms after it (does the outline hold it up?). Three rounds: the first includes JIT.
// Then an edit, after which the outline and the diagnostics both want the new version's parse.
// usage: node bench/lsp-outline.mjs [path/to/citelsp.dll] path/to/library.bib
//   (python3 ../shared/corpus/make-big-bib.py 20000 -o /tmp/lib20k.bib makes a 12 MB library of 20,000 entries)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect } from './lsp-frames.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dll, bibPath] = process.argv.length > 3 ? process.argv.slice(2) : [path.join(root, 'server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll'), process.argv[2]];
const child = spawn('dotnet', [dll], { stdio: ['pipe', 'pipe', 'ignore'] });
const { request, notify, onMessage } = connect(child);
const published = new Map(); // version → resolve, for the open library's diagnostics
onMessage((message) => {
  if (message.method === 'textDocument/publishDiagnostics' && published.has(message.params.version)) published.get(message.params.version)();
});
await request('initialize', { processId: process.pid, capabilities: {}, rootUri: null });
notify('initialized', {});
await request('citelsp/search', { query: 'deep', limit: 5 });
const uri = pathToFileURL(path.resolve(bibPath)).href;
const text = fs.readFileSync(bibPath, 'utf8');
notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bibtex', version: 1, text } });
for (let round = 1; round <= 3; round++) {
  const started = performance.now();
  const outline = request('textDocument/documentSymbol', { textDocument: { uri } }).then((r) => ({ symbols: r.length, ms: performance.now() - started }));
  await new Promise((resolve) => setTimeout(resolve, 30));
  const sent = performance.now();
  await request('citelsp/search', { query: 'attention', limit: 5 });
  const searchMs = performance.now() - sent;
  const { symbols, ms } = await outline;
  console.log(`round ${round}: outline of ${symbols} symbols in ${ms.toFixed(0)} ms; a search sent 30 ms later answered in ${searchMs.toFixed(0)} ms`);
}
// An edit: the editor then wants the new version's outline, and the server publishes its diagnostics.
const edited = new Promise((resolve) => published.set(2, resolve));
const [started, cpuBefore] = [performance.now(), cpuSeconds(child.pid)];
notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n@misc{added2026, title={Added}}\n` }] });
const symbols = (await request('textDocument/documentSymbol', { textDocument: { uri } })).length;
const outlineMs = performance.now() - started;
await edited;
console.log(`after an edit: outline of ${symbols} symbols in ${outlineMs.toFixed(0)} ms, diagnostics in ${(performance.now() - started).toFixed(0)} ms; server CPU ${(cpuSeconds(child.pid) - cpuBefore).toFixed(2)} s for the edit, ${cpuSeconds(child.pid).toFixed(1)} s in all`);
child.kill();

/** User and system CPU time of a process, from /proc (Linux). */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
