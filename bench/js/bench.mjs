// Side-by-side timing of the JS BibTeX parsers that users' tools run: latex-utensils (LaTeX Workshop) and
// @retorquere/bibtex-parser (Better BibTeX; its full parser and its faster "verbatim" chunker).
// Usage: npm ci && node bench.mjs [--only NAME] FILE|DIR …   (best of several runs, in CPU ms, and the entry count)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as bbt from '@retorquere/bibtex-parser';

const require = createRequire(import.meta.url);
const utensils = require('latex-utensils');
// The verbatim chunker is not in the package's exports map: load its file directly.
const bbtVerbatim = await import(pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules/@retorquere/bibtex-parser/dist/esm/verbatim.js')).href);

const parsers = {
  'latex-utensils': (text) => utensils.bibtexParser.parse(text).content.filter((e) => utensils.bibtexParser.isEntry(e)).length,
  'bbt-parse': (text) => bbt.parse(text).entries.length,
  'bbt-verbatim': (text) => bbtVerbatim.parse(text).entries.length,
};

function files(args) {
  const out = [];
  const walk = (p) => {
    if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    else if (p.endsWith('.bib')) out.push(p);
  };
  args.forEach(walk);
  return out;
}

function measure(fn, text, runs) {
  let best = Infinity, count = null, error = null;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    try { count = fn(text); } catch (e) { error = String(e && e.message || e).split('\n')[0].slice(0, 60); }
    const cpu = process.cpuUsage(c0);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, Math.min(ms, (cpu.user + cpu.system) / 1000 || ms));
    if (error) break;
  }
  return { best, count, error };
}

// --only NAME: time one parser (the full Better BibTeX parser takes minutes on 100k entries).
const argv = process.argv.slice(2);
const only = argv.indexOf('--only') >= 0 ? argv.splice(argv.indexOf('--only'), 2)[1] : null;
if (only) for (const k of Object.keys(parsers)) if (k !== only) delete parsers[k];
const list = files(argv);
console.log(['file', 'MB', ...Object.keys(parsers).flatMap((p) => [p + ' ms', p + ' n'])].join('\t'));
for (const f of list) {
  const text = fs.readFileSync(f, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  const runs = mb > 20 ? 1 : mb > 1 ? 3 : 7;
  const row = [f, mb.toFixed(2)];
  for (const [name, fn] of Object.entries(parsers)) {
    if (mb > 20 || runs > 1) { try { fn(text); } catch { /* warm-up */ } }
    const r = measure(fn, text, runs);
    row.push(r.best.toFixed(1), r.error ? 'ERR: ' + r.error : r.count);
  }
  console.log(row.join('\t'));
}
