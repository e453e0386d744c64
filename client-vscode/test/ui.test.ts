import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bibliographyReport, bibliographyRows } from '../src/bibliographies';
import { checkDotnet, exitDetail, hasRequiredRuntime, OutputTail, parseRuntimes, problemMessage } from '../src/dotnet';
import type { SearchItem } from '../src/protocol';
import { authorsText, mergeRows, sameKeys, toPickRow } from '../src/searchItems';
import { statusView } from '../src/status';

describe('status bar', () => {
  test('entry count when loaded without errors', () => {
    const v = statusView({ kind: 'running', status: { entries: 1234, files: 2, errors: 0 } });
    assert.equal(v.text, '$(book) 1,234');
    assert.equal(v.error, false);
    assert.match(v.tooltip, /1,234 entries from 2 files/);
  });
  test('error state with the message in the tooltip', () => {
    const v = statusView({ kind: 'running', status: { entries: 1, files: 1, errors: 2, message: 'refs.bib: unexpected end of file' } });
    assert.equal(v.error, true);
    assert.match(v.text, /\$\(error\) 1/);
    assert.match(v.tooltip, /1 entry from 1 file; 2 errors\nrefs\.bib: unexpected end of file/);
  });
  test('server failure', () => {
    const v = statusView({ kind: 'failed', message: 'no dotnet' });
    assert.equal(v.error, true);
    assert.match(v.tooltip, /no dotnet/);
  });
  test('starting and stopped are not errors', () => {
    assert.equal(statusView({ kind: 'starting' }).error, false);
    assert.equal(statusView({ kind: 'stopped' }).error, false);
    assert.equal(statusView({ kind: 'running' }).error, false);
  });
});

const item = (over: Partial<SearchItem>): SearchItem => ({
  key: 'vaswani2017', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017,
  venue: 'NeurIPS', score: 1, source: 'bibliography', matches: [], ...over,
});

describe('citation picker rows', () => {
  test('title, authors · year, key · venue', () => {
    assert.deepEqual(toPickRow(item({})), {
      key: 'vaswani2017', label: 'Attention Is All You Need', description: 'Ashish Vaswani, Noam Shazeer · 2017', detail: 'vaswani2017 · NeurIPS',
    });
  });
  test('missing parts are left out; library entries say so', () => {
    const row = toPickRow(item({ title: '', authors: [], year: null, venue: null, source: 'library' }));
    assert.equal(row.label, 'vaswani2017');
    assert.equal(row.description, '');
    assert.match(row.detail, /^vaswani2017 · library/);
  });
  test('long author lists are cut', () => {
    assert.equal(authorsText(['A', 'B', 'C', 'D']), 'A, B, C et al.');
    assert.equal(authorsText(['A', 'B', 'C']), 'A, B, C');
  });
  test('picked rows stay on top across searches, without duplicates', () => {
    const a = { key: 'a' }, b = { key: 'b' }, c = { key: 'c' }, b2 = { key: 'b' };
    const rows = mergeRows([b], [a, b2, c]);
    assert.deepEqual(rows.map(r => r.key), ['b', 'a', 'c']);
    assert.equal(rows[0], b, 'the picked instance is kept (VS Code matches selection by identity)');
  });
  test('same entries in the same order leave the list alone', () => {
    assert.equal(sameKeys([{ key: 'a' }, { key: 'b' }], [{ key: 'a' }, { key: 'b' }]), true);
    assert.equal(sameKeys([{ key: 'a' }, { key: 'b' }], [{ key: 'b' }, { key: 'a' }]), false);
    assert.equal(sameKeys([{ key: 'a' }], [{ key: 'a' }, { key: 'b' }]), false);
  });
});

describe('bibliography list', () => {
  const result = {
    files: [
      { path: '/w/refs.bib', role: 'bibliography' as const, reason: '\\bibliography{refs} in paper.tex', entries: 12, errors: [] },
      { path: '/w/zotero.bib', role: 'library' as const, reason: 'setting citelsp.library', entries: 1, errors: [{ message: 'missing }', line: 4, character: 2 }] },
    ],
  };
  test('one row per file, one per error', () => {
    const rows = bibliographyRows(result);
    assert.equal(rows.length, 3);
    assert.match(rows[0].label, /refs\.bib/);
    assert.equal(rows[0].description, 'bibliography · 12 entries');
    assert.match(rows[0].detail, /\\bibliography\{refs\} in paper\.tex/);
    assert.equal(rows[1].description, 'library · 1 entry · 1 error');
    assert.deepEqual([rows[2].isError, rows[2].line, rows[2].character, rows[2].detail], [true, 4, 2, 'missing }']);
    assert.match(rows[2].label, /zotero\.bib:5:3/);
  });
  test('text report', () => {
    const text = bibliographyReport('/w/paper.tex', result);
    assert.match(text, /\/w\/refs\.bib {2}\[bibliography, 12 entries\] {2}\\bibliography\{refs\} in paper\.tex/);
    assert.match(text, /5:3: missing }/);
    assert.equal(bibliographyReport('/w/a.md', { files: [] }), 'No bibliography applies to /w/a.md.');
  });
});

describe('.NET runtime check', () => {
  const listing = [
    'Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]',
    'Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
    'Microsoft.NETCore.App 10.0.0-rc.2.25502.107 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
  ].join('\n');
  test('parses dotnet --list-runtimes', () => {
    assert.deepEqual(parseRuntimes(listing), ['8.0.11', '10.0.0-rc.2.25502.107']);
    assert.equal(hasRequiredRuntime(parseRuntimes(listing)), true);
    assert.equal(hasRequiredRuntime(['8.0.11', '9.0.1']), false);
    assert.equal(hasRequiredRuntime(['1.0.0', '100.0.0']), false);
  });
  test('a missing dotnet is reported as such', async () => {
    const problem = await checkDotnet('/nonexistent/dotnet-for-test');
    assert.deepEqual(problem, { kind: 'dotnetMissing', command: '/nonexistent/dotnet-for-test' });
    assert.match(problemMessage(problem!), /needs the \.NET 10 runtime.*not found on PATH.*Restart Server/);
  });
  test('the dotnet that builds this repo passes', async () => {
    assert.equal(await checkDotnet('dotnet'), undefined);
  });
  test('messages say what to do', () => {
    assert.match(problemMessage({ kind: 'runtimeMissing', command: 'dotnet', found: ['8.0.1'] }), /has 8\.0\.1\. Install the \.NET 10 runtime/);
    assert.match(problemMessage({ kind: 'serverMissing', path: '/x/citelsp.dll' }), /citelsp\.server\.path/);
    assert.match(problemMessage({ kind: 'crashed', detail: 'exit code 2' }), /exit code 2.*Show Output/);
  });
});

describe('server exit report', () => {
  test('keeps the last stderr lines', () => {
    const tail = new OutputTail(200);
    tail.push('line one\n\nline two\r\n');
    tail.push('citelsp: the language server is not available\n');
    assert.equal(tail.last(1), 'citelsp: the language server is not available');
    assert.equal(new OutputTail().last(), '');
  });
  test('says how it ended', () => {
    assert.equal(exitDetail(2, null, 'citelsp: no server'), 'it exited with code 2: citelsp: no server');
    assert.equal(exitDetail(null, 'SIGKILL', ''), 'it was killed by SIGKILL');
  });
});
