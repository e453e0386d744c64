#!/usr/bin/env node
// Issue-12 figures from the real server over stdio (no dependencies), as an editor sees them:
//   start:  process spawn -> first non-empty completion in a .tex file (seed catalog, or --library FILE)
//   reload: (--reload) one entry of the library rewritten (title word added, key renamed) ->
//           completion finds the new word, and -> diagnostics of a document citing the new key are clean.
// The first rewrite comes --settle MS (default 4000) after the first completion: a library is rewritten while the server
// is idle, not while it is still writing its cache after a cold start; --rewrites N (default 3) follow 1.5 s apart.
// Warm start: the first run of a --library parses it and writes the cache (give it --linger 8000), later runs read it.
// usage: node bench/lsp-scale.mjs [--dll path] [--library FILE [--seeds]] [--reload [--in-place]] [--settle MS] [--rewrites N] [--runs N] [--linger MS]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect } from './lsp-frames.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : dflt);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dll = opt('--dll', path.join(root, 'server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll'));
const library = opt('--library', null) && path.resolve(opt('--library', null));
const runs = Number(opt('--runs', 5));
const reload = argv.includes('--reload');
const linger = Number(opt('--linger', 0)); // ms to keep each server running at the end (lets it write its cache)
const settle = Number(opt('--settle', 4000)); // ms between the first completion and the first rewrite
const rewrites = Number(opt('--rewrites', 3)); // rewrites per run (1.5 s apart), each changing one more entry
const inPlace = argv.includes('--in-place'); // rewrite the library in place (truncate, then write) instead of renaming

function session() {
  const spawned = process.hrtime.bigint();
  const child = spawn(dll.endsWith('.dll') ? 'dotnet' : dll, dll.endsWith('.dll') ? [dll] : [], { stdio: ['pipe', 'pipe', process.env.BENCH_STDERR ? 'pipe' : 'ignore'] });
  // BENCH_STDERR=1: the server's log, each line stamped with the ms since the spawn.
  child.stderr?.on('data', (d) => d.toString().split('\n').filter(Boolean).forEach((line) =>
    process.stderr.write(`${(Number(process.hrtime.bigint() - spawned) / 1e6).toFixed(0).padStart(6)} ${line}\n`)));
  // null settings for each item asked: the server keeps those of initializationOptions.
  return { child, ...connect(child, { configuration: (params) => (params.items ?? []).map(() => null) }) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelsp-lsp-scale-'));
const doc = path.join(dir, 'paper.tex');
const uri = pathToFileURL(doc).href;
// --seeds keeps the embedded seed catalog in the library too (the default for users).
const settings = { citelsp: library ? { library: [library], seeds: { enabled: argv.includes('--seeds') } } : {} };
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
// With a library, the first completion counts once it offers the library's first entry: the seed catalog (--seeds)
// answers from 5 s on (the first request's longest wait) whether the library is loaded or not.
const probe = library && firstKey(library);

function firstKey(file) {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(1 << 16);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  return head.toString('utf8', 0, read).match(/@(?!string|comment|preamble)\w+\s*\{\s*([^,\s]+)\s*,/i)?.[1];
}

async function completion(s, text, query) {
  const line = text.split('\n').findIndex((l) => l.includes(`\\cite{${query}`));
  const character = text.split('\n')[line].indexOf(`\\cite{${query}`) + 6 + query.length;
  const r = await s.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  return (r && (r.items ?? r)) || [];
}

// Resident memory of the server (dotnet runs the dll in the spawned process itself), in MB.
function rssMB(pid, field) {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : undefined;
}

// CPU time the server has used (user + system), in ms: steadier than wall time on a shared machine.
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

async function once() {
  const t0 = process.hrtime.bigint();
  const ms = (from = t0) => Number(process.hrtime.bigint() - from) / 1e6;
  const s = session();
  const diagnostics = [];
  s.onMessage((m) => { if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) diagnostics.push(m.params.diagnostics); });
  await s.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: settings });
  const result = { initialized: ms() };
  s.notify('initialized', {});
  let text = `Text \\cite{${probe ?? ''}}\nNew \\cite{zzkey}\n`;
  s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'latex', version: 1, text } });
  // The first request waits for the first load, for 5 s at most; after that each answers at once, empty. Asking
  // every 2 ms then competes with the load for the cores: ask at 1% of the time elapsed (at most every 50 ms), closer
  // to an editor asking once per keystroke (1M, interleaved, 3 runs each: 5.86-6.89 s before, 5.94-6.37 s after).
  const ready = (items) => (probe ? items.some((i) => i.label === probe) : items.length > 0);
  while (!ready(await completion(s, text, probe ?? ''))) await sleep(Math.min(50, Math.max(2, ms() / 100)));
  result.firstCompletion = ms();
  result.cpuFirstMs = cpuMs(s.child.pid);
  result.rssFirstMB = rssMB(s.child.pid, 'VmRSS');
  if (reload && library) {
    // Bytes, not a string: a 1M-entry library (594 MB) is longer than node's longest string.
    const original = fs.readFileSync(library);
    let current = original;
    Object.assign(result, { reloadCompletion: [], reloadDiagnostics: [] });
    try {
      for (let r = 0; r < rewrites; r++) {
        await sleep(r === 0 ? settle : 1500);
        // One more entry changed each time (title word added, key renamed), spread over the file.
        const from = Math.floor((current.length * (r + 1)) / (rewrites + 1));
        const m = /\n\s*title\s*=\s*\{/i.exec(current.subarray(from, from + (1 << 20)).toString('latin1'));
        const brace = from + m.index + m[0].length;
        const keyAt = current.lastIndexOf('\n@', brace);
        const keyStart = current.indexOf('{', keyAt) + 1;
        const keyEnd = current.indexOf(',', keyStart);
        const word = 'Zyzzyvaquux' + Math.floor(Math.random() * 1e6);
        const key = 'zzkey' + Math.floor(Math.random() * 1e6);
        text = `Text \\cite{${word.toLowerCase()}}\nNew \\cite{${key}}\n`;
        s.notify('textDocument/didChange', { textDocument: { uri, version: 2 + r }, contentChanges: [{ text }] });
        while (!diagnostics.at(-1)?.some((d) => d.message.includes(key))) await sleep(2); // unresolved before the rewrite
        current = Buffer.concat([current.subarray(0, keyStart), Buffer.from(key), current.subarray(keyEnd, brace), Buffer.from(word + ' '), current.subarray(brace)]);
        // Written beside and renamed over the library, as exporters that write atomically do; or (--in-place)
        // truncated and written in 1 MB pieces, so that the server sees it half-written first.
        let t1;
        if (inPlace) {
          t1 = process.hrtime.bigint();
          const fd = fs.openSync(library, 'w');
          const bytes = current;
          for (let at = 0; at < bytes.length; at += 1 << 20) fs.writeSync(fd, bytes, at, Math.min(1 << 20, bytes.length - at));
          fs.closeSync(fd);
        } else {
          fs.writeFileSync(library + '.tmp', current);
          t1 = process.hrtime.bigint();
          fs.renameSync(library + '.tmp', library);
        }
        // No didChangeWatchedFiles: this client registers no watchers, so the server watches the file itself.
        let searchable, clean;
        while ((searchable === undefined || clean === undefined) && ms(t1) < 60000) {
          if (clean === undefined && diagnostics.length && !diagnostics.at(-1).some((d) => d.message.includes(key))) clean = ms(t1);
          if (searchable === undefined && (await completion(s, text, word.toLowerCase())).some((i) => i.label === key)) searchable = ms(t1);
          await sleep(1);
        }
        result.reloadCompletion.push(searchable);
        result.reloadDiagnostics.push(clean);
      }
    } finally { fs.writeFileSync(library + '.tmp', original); fs.renameSync(library + '.tmp', library); }
  }
  await sleep(linger);
  Object.assign(result, { rssEndMB: rssMB(s.child.pid, 'VmRSS'), peakMB: rssMB(s.child.pid, 'VmHWM') });
  s.child.stdin.end();
  await new Promise((res) => s.child.on('exit', res));
  return result;
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
fs.rmSync(dir, { recursive: true, force: true });
const stat = (k) => { const v = results.flatMap((r) => r[k]).filter((x) => x !== undefined).sort((a, b) => a - b); return v.length ? `${v[v.length >> 1].toFixed(0)} (min ${v[0].toFixed(0)}, max ${v.at(-1).toFixed(0)})` : '-'; };
console.log(`${library ?? 'seed catalog'}: ${runs} runs, ms median (min, max): initialize ${stat('initialized')}, first completion ${stat('firstCompletion')}` +
  (reload ? `; after rewriting one entry: completion updated ${stat('reloadCompletion')}, diagnostics updated ${stat('reloadDiagnostics')}` : ''));
console.log('per run:', JSON.stringify(results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.map(Math.round) : Math.round(v)])))));
