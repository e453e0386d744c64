// Publishes the server into server/ (vscode:prepublish). The universal package: framework-dependent IL that any
// .NET 10 runs on any platform. A platform package (CITELSP_TARGET = a vsce target, set by package-target.mjs): the
// same, precompiled for that platform (ReadyToRun), so start-up skips most JIT work. Precompiled code for another OS
// does not load at all (BadImageFormatException), hence one package per platform, not one with every platform's code.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const rids = {
  'win32-x64': 'win-x64', 'win32-arm64': 'win-arm64', 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64',
  'alpine-x64': 'linux-musl-x64', 'alpine-arm64': 'linux-musl-arm64', 'darwin-x64': 'osx-x64', 'darwin-arm64': 'osx-arm64',
};
const target = process.env.CITELSP_TARGET;
if (target && !(target in rids)) throw new Error(`CITELSP_TARGET=${target}: expected one of ${Object.keys(rids).join(', ')}`);

rmSync('server', { recursive: true, force: true });
const args = ['publish', '../server/CiteLsp.Server', '-c', 'Release', '-o', 'server', '--nologo', '-v', 'quiet', '-p:UseAppHost=false'];
if (target) args.push('-r', rids[target], '--self-contained', 'false', '-p:PublishReadyToRun=true');
execFileSync('dotnet', args, { stdio: 'inherit' });
