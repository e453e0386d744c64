// A stand-in CiteLsp server for the UI check of the extension (not of the server): two entries,
// completion, hover (echoing the settings it received), a diagnostic, and the citelsp/* messages.
'use strict';
const p = require('vscode-languageserver-protocol/node');

const bib = {
  knuth1984: { title: 'The TeXbook', authors: ['Donald E. Knuth'], year: 1984 },
  lamport1994: { title: 'LaTeX: A Document Preparation System', authors: ['Leslie Lamport'], year: 1994 },
};
const conn = p.createProtocolConnection(new p.StreamMessageReader(process.stdin), new p.StreamMessageWriter(process.stdout));
const docs = new Map();
let pulled = null;
let pushed = null;

const positionAt = (text, off) => {
  const before = text.slice(0, off);
  return { line: before.split('\n').length - 1, character: off - before.lastIndexOf('\n') - 1 };
};
function publish(uri) {
  const text = docs.get(uri);
  const diagnostics = [...text.matchAll(/nosuchkey\w*/g)].map(m => ({
    severity: 2, message: `Unknown citation key '${m[0]}'`,
    range: { start: positionAt(text, m.index), end: positionAt(text, m.index + m[0].length) },
  }));
  void conn.sendNotification(p.PublishDiagnosticsNotification.type, { uri, diagnostics });
}

conn.onRequest(p.InitializeRequest.type, () => ({
  capabilities: { textDocumentSync: 1, completionProvider: { triggerCharacters: ['{', '@', ','] }, hoverProvider: true },
}));
conn.onNotification(p.InitializedNotification.type, async () => {
  [pulled] = await conn.sendRequest(p.ConfigurationRequest.type, { items: [{ section: 'citelsp' }] });
  void conn.sendNotification('citelsp/status', { entries: 2, files: 1, errors: 0 });
});
conn.onNotification(p.DidChangeConfigurationNotification.type, e => { pushed = e.settings; });
conn.onNotification(p.DidOpenTextDocumentNotification.type, e => { docs.set(e.textDocument.uri, e.textDocument.text); publish(e.textDocument.uri); });
conn.onNotification(p.DidChangeTextDocumentNotification.type, e => {
  docs.set(e.textDocument.uri, e.contentChanges[e.contentChanges.length - 1].text);
  publish(e.textDocument.uri);
});
conn.onRequest(p.CompletionRequest.type, () => Object.keys(bib).map(label => ({ label, kind: 18 })));
conn.onRequest(p.HoverRequest.type, ({ textDocument, position }) => {
  const text = docs.get(textDocument.uri) ?? '';
  const line = text.split('\n')[position.line] ?? '';
  const key = Object.keys(bib).find(k => line.includes(k));
  if (key === undefined) return null;
  return { contents: { kind: 'plaintext', value: `${key} ${bib[key].authors[0]} PULLED=${JSON.stringify(pulled)} PUSHED=${JSON.stringify(pushed)}` } };
});
conn.onRequest('citelsp/search', ({ query }) => ({
  items: Object.entries(bib)
    .filter(([k, e]) => `${k} ${e.title} ${e.authors.join(', ')}`.toLowerCase().includes(query.toLowerCase()))
    .map(([key, e]) => ({ key, title: e.title, authors: e.authors, year: e.year, venue: null, score: 1, source: 'bibliography', matches: [] })),
}));
conn.onRequest('citelsp/bibliographies', () => ({
  files: [{ path: '/tmp/refs.bib', role: 'bibliography', reason: '\\bibliography{refs} in paper.tex', entries: 2,
    errors: [{ message: 'stray @ at top level', line: 3, character: 0 }] }],
}));
conn.onRequest(p.ShutdownRequest.type, () => null);
conn.onNotification(p.ExitNotification.type, () => process.exit(0));
conn.listen();
