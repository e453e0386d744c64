import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Commands, CommandCategory } from '../src/commands';
import { ServedLanguages, syntaxOf } from '../src/languages';
import { contributedProperties, resolveServerLaunch, serverSection } from '../src/settings';
import { packageJson } from './helpers';

// CONTRACTS.md "Settings": key, type, default (the client-only ones last).
const contract: [string, string, unknown][] = [
  ['citelsp.bibliography', 'array', []],
  ['citelsp.library', 'array', []],
  ['citelsp.seeds.enabled', 'boolean', true],
  ['citelsp.completion.limit', 'integer', 50],
  ['citelsp.completion.addToBibliography', 'boolean', true],
  ['citelsp.diagnostics.enabled', 'boolean', true],
  ['citelsp.diagnostics.severity', 'string', 'warning'],
  ['citelsp.inlayHints.enabled', 'boolean', false],
  ['citelsp.latex.citationCommands', 'array', []],
  ['citelsp.limits.maxCatalogSizeMB', 'number', 1024],
  ['citelsp.limits.fieldsOnDiskAboveMB', 'number', 128],
  ['citelsp.limits.maxDocumentSizeMB', 'number', 16],
  ['citelsp.server.path', 'string', ''],
  ['citelsp.trace.server', 'string', 'off'],
];

type Manifest = {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown; description?: string; enum?: string[] }> };
  };
};

describe('package.json', () => {
  const manifest = packageJson() as unknown as Manifest;
  const properties = manifest.contributes.configuration.properties;

  test('contributes exactly the contract settings, with types, defaults and descriptions', () => {
    assert.deepEqual(Object.keys(properties).sort(), contract.map(c => c[0]).sort());
    for (const [key, type, def] of contract) {
      assert.equal(properties[key].type, type, key);
      assert.deepEqual(properties[key].default, def, key);
      assert.ok((properties[key].description ?? '').length > 10, `${key} has a description`);
    }
    assert.deepEqual(properties['citelsp.diagnostics.severity'].enum, ['error', 'warning', 'information', 'hint']);
    assert.deepEqual(properties['citelsp.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  test('is in sync with the settings module', () => {
    assert.deepEqual(properties, contributedProperties());
  });

  test('activates for the served languages', () => {
    assert.deepEqual(manifest.activationEvents, ServedLanguages.map(l => `onLanguage:${l}`));
    assert.deepEqual([...ServedLanguages].sort(), ['bibtex', 'latex', 'markdown', 'quarto', 'rmd', 'tex']);
  });

  test('contributes the commands the extension registers', () => {
    assert.deepEqual(
      manifest.contributes.commands,
      Object.values(Commands).map(c => ({ command: c.id, title: c.title, category: CommandCategory })),
    );
    assert.deepEqual(manifest.contributes.commands.map(c => `${c.category}: ${c.title}`), [
      'CiteLsp: Insert Citation…', 'CiteLsp: Show Loaded Bibliographies', 'CiteLsp: Restart Server', 'CiteLsp: Show Output',
    ]);
  });

  test('targets VS Code 1.91+ and the bundled entry point', () => {
    assert.equal(manifest.engines.vscode, '^1.91.0');
    assert.equal(manifest.main, './dist/extension.js');
  });
});

describe('server settings section', () => {
  test('defaults arrive nested, as workspace.getConfiguration("citelsp") returns them', () => {
    assert.deepEqual(serverSection(), {
      bibliography: [],
      library: [],
      seeds: { enabled: true },
      completion: { limit: 50, addToBibliography: true },
      diagnostics: { enabled: true, severity: 'warning' },
      inlayHints: { enabled: false },
      latex: { citationCommands: [] },
      limits: { maxCatalogSizeMB: 1024, fieldsOnDiskAboveMB: 128, maxDocumentSizeMB: 16 },
    });
  });

  test('overrides replace defaults and client-only settings stay out', () => {
    const s = serverSection({ 'diagnostics.severity': 'error', bibliography: ['refs.bib'], 'server.path': '/x' }) as Record<string, any>;
    assert.equal(s.diagnostics.severity, 'error');
    assert.equal(s.diagnostics.enabled, true);
    assert.deepEqual(s.bibliography, ['refs.bib']);
    assert.equal(s.server, undefined);
  });
});

describe('server location', () => {
  const ext = path.join(path.sep, 'ext');
  const ws = path.join(path.sep, 'ws');
  test('empty setting: the bundled server through dotnet', () => {
    assert.deepEqual(resolveServerLaunch('', ext), { command: 'dotnet', args: [path.join(ext, 'server', 'citelsp.dll'), '--stdio'], dll: path.join(ext, 'server', 'citelsp.dll') });
    assert.equal(resolveServerLaunch(undefined, ext).dll, path.join(ext, 'server', 'citelsp.dll'));
    assert.equal(resolveServerLaunch('   ', ext).dll, path.join(ext, 'server', 'citelsp.dll'));
  });
  test('a dll path runs through dotnet; relative to the workspace folder', () => {
    assert.deepEqual(resolveServerLaunch('build/citelsp.dll', ext, { workspaceFolder: ws }).args, [path.join(ws, 'build', 'citelsp.dll'), '--stdio']);
    assert.equal(resolveServerLaunch('${workspaceFolder}/s/citelsp.dll', ext, { workspaceFolder: ws }).dll, path.join(ws, 's', 'citelsp.dll'));
    assert.equal(resolveServerLaunch('~/s/CiteLsp.DLL', ext, { home: '/home/u' }).dll, path.join('/home/u', 's', 'CiteLsp.DLL'));
  });
  test('a folder means its citelsp.dll', () => {
    assert.equal(resolveServerLaunch('/opt/citelsp', ext, { isDirectory: p => p === '/opt/citelsp' }).dll, path.join('/opt/citelsp', 'citelsp.dll'));
  });
  test('anything else is an executable', () => {
    assert.deepEqual(resolveServerLaunch('/usr/bin/citelsp', ext, { isDirectory: () => false }), { command: '/usr/bin/citelsp', args: ['--stdio'] });
  });
});

describe('languages', () => {
  test('citation syntax per language id', () => {
    for (const id of ['latex', 'tex', 'plaintex', 'context']) assert.equal(syntaxOf(id), 'latex', id);
    for (const id of ['markdown', 'quarto', 'rmd', 'pandoc']) assert.equal(syntaxOf(id), 'markdown', id);
    assert.equal(syntaxOf('fundamental', '/p/paper.md'), 'markdown');
    assert.equal(syntaxOf('fundamental', '/p/notes.txt'), undefined);
    assert.equal(syntaxOf('bibtex'), undefined);
  });
});
