// Drives the real citelsp server with vscode-languageserver-protocol / vscode-jsonrpc (the libraries behind
// VS Code's language client), so the wire format is checked by an implementation independent of StreamJsonRpc.
// CITELSP_DLL points at the built server (test.sh builds it and sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  ShutdownRequest, ExitNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  ConfigurationRequest, TextDocumentSyncKind, ResponseError, CancellationTokenSource,
} from 'vscode-languageserver-protocol/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dll = process.env.CITELSP_DLL ?? path.join(here, '../../server/CiteLsp.Server/bin/Release/net10.0/citelsp.dll');

function startServer({ settings } = {}) {
  const started = process.hrtime.bigint();
  const child = spawn('dotnet', [dll], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const statuses = [];
  let statusWaiter = null;
  connection.onNotification('citelsp/status', (p) => { statuses.push(p); statusWaiter?.(); });
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings ?? null));
  connection.listen();
  const nextStatus = (count) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no citelsp/status; stderr: ${stderr}`)), 30000);
    const check = () => { if (statuses.length >= count) { clearTimeout(timer); statusWaiter = null; resolve(statuses[count - 1]); } };
    statusWaiter = check;
    check();
  });
  return { child, connection, exited, started, nextStatus, stderr: () => stderr };
}

async function initialize(server, capabilities = {}) {
  const result = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities, clientInfo: { name: 'node-test' },
  });
  const ms = Number(process.hrtime.bigint() - server.started) / 1e6;
  await server.connection.sendNotification(InitializedNotification.type, {});
  return { result, ms };
}

async function stop(server) {
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  const code = await server.exited;
  server.connection.dispose();
  return code;
}

test('initialize, status, search, unknown method, shutdown and exit over vscode-jsonrpc', async (t) => {
  const server = startServer();
  const { result, ms } = await initialize(server);
  t.diagnostic(`start-up (spawn -> initialize response): ${ms.toFixed(0)} ms`);
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  assert.equal(result.capabilities.textDocumentSync.change, TextDocumentSyncKind.Incremental);
  assert.equal(result.serverInfo.name, 'citelsp');

  const status = await server.nextStatus(1);
  assert.ok(status.entries > 0 && status.files === 2, JSON.stringify(status));

  const search = await server.connection.sendRequest('citelsp/search', { query: 'malach', limit: 2 });
  assert.equal(search.items.length, 2);
  for (const item of search.items) {
    assert.ok(item.authors.some((a) => a.includes('Malach')), JSON.stringify(item));
    assert.equal(item.source, 'library');
    assert.ok('year' in item && 'venue' in item);
  }

  await assert.rejects(server.connection.sendRequest('foo/unknown', {}),
    (e) => e instanceof ResponseError && e.code === -32601);
  assert.equal(await stop(server), 0);
});

test('text sync with an emoji and a library setting pulled through workspace/configuration', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelsp-node-'));
  const lib = path.join(dir, 'lib.txt');
  const abstract = 'we study sparse parities with stochastic gradient descent '.repeat(4).trim() + '.';
  fs.writeFileSync(lib, `Profile\nZebra Learning Parities\nStripe, Ada, Lovelace, Ada\n${abstract}\n`);
  const server = startServer({ settings: { library: [lib], seeds: { enabled: false } } });
  try {
    await initialize(server, { workspace: { configuration: true } });
    const status = await server.nextStatus(1);
    assert.equal(status.entries, 1);
    assert.equal(status.files, 1);

    const uri = pathToFileURL(path.join(dir, 'paper.tex')).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type,
      { textDocument: { uri, languageId: 'latex', version: 1, text: 'a😀 \\cite{}' } });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: 'x' }],
    });
    const files = await server.connection.sendRequest('citelsp/bibliographies', { textDocument: { uri } });
    assert.deepEqual(files.files.map((f) => [f.path, f.role, f.entries]), [[lib, 'library', 1]]);

    const search = await server.connection.sendRequest('citelsp/search', { query: 'zebra', textDocument: { uri } });
    assert.deepEqual(search.items.map((i) => i.authors), [['Ada Stripe', 'Ada Lovelace']]);
    assert.equal(await stop(server), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('negotiates utf-8 when the client prefers it, and a cancelled request settles', async () => {
  const server = startServer();
  const { result } = await initialize(server, { general: { positionEncodings: ['utf-8', 'utf-16'] } });
  assert.equal(result.capabilities.positionEncoding, 'utf-8');
  const source = new CancellationTokenSource();
  const pending = server.connection.sendRequest('citelsp/search', { query: 'learning' }, source.token);
  source.cancel();
  // Either the server answered before the cancel arrived, or it reports RequestCancelled (-32800).
  await pending.then(
    (r) => assert.ok(Array.isArray(r.items)),
    (e) => assert.ok(e instanceof ResponseError && e.code === -32800, String(e)));
  assert.equal(await stop(server), 0);
});
