// The .vsix that `npm run package` built (pretest): what VS Code installs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import { before, describe, test } from 'node:test';
import { isReadyToRun, packageJson, readVsix, targetVsixPath, vsixPath } from './helpers';

describe('packaged .vsix', () => {
  let files: Map<string, Buffer>;
  before(async () => {
    assert.ok(fs.existsSync(vsixPath()), `${vsixPath()} exists (npm run package)`);
    files = await readVsix();
  });

  test('contains the published framework-dependent .NET 10 server', () => {
    for (const f of ['citelsp.dll', 'CiteLsp.Core.dll', 'citelsp.deps.json', 'citelsp.runtimeconfig.json']) {
      assert.ok(files.has(`extension/server/${f}`), `extension/server/${f}`);
    }
    const runtime = JSON.parse(files.get('extension/server/citelsp.runtimeconfig.json')!.toString('utf8'));
    const frameworks = [runtime.runtimeOptions.framework, ...(runtime.runtimeOptions.frameworks ?? [])].filter(Boolean);
    assert.ok(frameworks.some((f: { name: string; version: string }) => f.name === 'Microsoft.NETCore.App' && f.version.startsWith('10.')),
      JSON.stringify(runtime));
    assert.ok(!files.has('extension/server/citelsp'), 'no platform-specific apphost');
    assert.ok(!isReadyToRun(files.get('extension/server/citelsp.dll')!), 'IL only: precompiled code would not load on another OS');
  });

  test('has a valid package.json matching the source one', () => {
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    const source = packageJson();
    for (const k of ['name', 'version', 'publisher', 'main', 'engines', 'activationEvents', 'contributes']) {
      assert.deepEqual(manifest[k], source[k], k);
    }
    assert.ok(files.has(`extension/${manifest.main.replace(/^\.\//, '')}`), 'the bundled entry point is inside');
    assert.ok(files.has('extension.vsixmanifest'));
  });

  test('the bundle carries vscode-languageclient and needs only vscode at run time', () => {
    const bundle = files.get('extension/dist/extension.js')!.toString('utf8');
    const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]));
    const builtin = new Set(builtinModules);
    assert.deepEqual([...required].filter(r => r !== 'vscode' && !builtin.has(r.replace(/^node:/, ''))), []);
    assert.ok(required.has('vscode'));
  });

  test('stays small: no sources, tests or node_modules', () => {
    const stray = [...files.keys()].filter(f => /^extension\/(src|test|out|node_modules)\//.test(f) || f.endsWith('.ts'));
    assert.deepEqual(stray, []);
    assert.ok(fs.statSync(vsixPath()).size < 5 * 1024 * 1024, 'under 5 MB');
  });
});

describe('platform .vsix (npm run package:target)', () => {
  let files: Map<string, Buffer>;
  before(async () => {
    assert.ok(fs.existsSync(targetVsixPath()), `${targetVsixPath()} exists`);
    files = await readVsix(targetVsixPath());
  });

  test('is marked for this platform', () => {
    const manifest = files.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(manifest, new RegExp(`TargetPlatform="${process.platform}-${process.arch}"`));
  });

  test('carries the server precompiled (ReadyToRun), still run by the installed .NET 10', () => {
    for (const f of ['citelsp.dll', 'CiteLsp.Core.dll', 'StreamJsonRpc.dll', 'Newtonsoft.Json.dll']) {
      assert.ok(isReadyToRun(files.get(`extension/server/${f}`)!), `${f} is ReadyToRun`);
    }
    const runtime = JSON.parse(files.get('extension/server/citelsp.runtimeconfig.json')!.toString('utf8'));
    assert.equal(runtime.runtimeOptions.framework?.name, 'Microsoft.NETCore.App', 'framework-dependent');
    assert.ok(!files.has('extension/server/citelsp') && !files.has('extension/server/citelsp.exe'), 'no apphost');
    assert.ok(fs.statSync(targetVsixPath()).size < 8 * 1024 * 1024, 'under 8 MB');
  });
});
