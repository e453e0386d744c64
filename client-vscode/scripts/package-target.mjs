// Packages the extension for one platform, with the server precompiled for it: citelsp-<target>-<version>.vsix.
// Usage: node scripts/package-target.mjs [target]   (a vsce target such as linux-x64, win32-x64, darwin-arm64;
// default: this machine's). The marketplace serves each platform its own package.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const target = process.argv[2] ?? `${process.platform}-${process.arch}`;
const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--skip-license', '--allow-missing-repository'],
  { stdio: 'inherit', env: { ...process.env, CITELSP_TARGET: target } });
