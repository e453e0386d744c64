// Is a .NET runtime that can run the server there? Checked before starting the server, so that a
// missing `dotnet` ends in one clear message instead of a stack of connection errors.
import { execFile } from 'node:child_process';

export const RequiredMajor = 10;

export type StartupProblem =
  | { kind: 'dotnetMissing'; command: string }
  | { kind: 'runtimeMissing'; command: string; found: string[] }
  | { kind: 'serverMissing'; path: string }
  | { kind: 'spawnFailed'; command: string; detail: string }
  | { kind: 'crashed'; detail: string };

/** Versions of Microsoft.NETCore.App in `dotnet --list-runtimes` output. */
export function parseRuntimes(output: string): string[] {
  const out: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^Microsoft\.NETCore\.App\s+(\d+\.\d+\.\d+\S*)/.exec(line.trim());
    if (m) out.push(m[1]);
  }
  return out;
}

export function hasRequiredRuntime(versions: readonly string[]): boolean {
  return versions.some(v => Number.parseInt(v, 10) === RequiredMajor);
}

/** Undefined when `command --list-runtimes` shows a usable runtime. */
export function checkDotnet(command = 'dotnet', timeoutMs = 15000): Promise<StartupProblem | undefined> {
  return new Promise(resolve => {
    execFile(command, ['--list-runtimes'], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        resolve({ kind: 'dotnetMissing', command });
        return;
      }
      const found = parseRuntimes(String(stdout ?? ''));
      resolve(hasRequiredRuntime(found) ? undefined : { kind: 'runtimeMissing', command, found });
    });
  });
}

/** The one notification shown for a server that cannot start. */
export function problemMessage(p: StartupProblem): string {
  switch (p.kind) {
    case 'dotnetMissing':
      return `CiteLsp needs the .NET ${RequiredMajor} runtime, but '${p.command}' was not found on PATH. ` +
        `Install the .NET ${RequiredMajor} runtime, then run "CiteLsp: Restart Server".`;
    case 'runtimeMissing':
      return `CiteLsp needs the .NET ${RequiredMajor} runtime (Microsoft.NETCore.App ${RequiredMajor}.x); ` +
        `'${p.command}' has ${p.found.length === 0 ? 'none' : p.found.join(', ')}. ` +
        `Install the .NET ${RequiredMajor} runtime, then run "CiteLsp: Restart Server".`;
    case 'serverMissing':
      return `CiteLsp server not found at ${p.path}. Check the setting citelsp.server.path (empty = the bundled server).`;
    case 'spawnFailed':
      return `CiteLsp could not start the server '${p.command}': ${p.detail}. Check the setting citelsp.server.path.`;
    case 'crashed':
      return `The CiteLsp server stopped: ${p.detail}. See "CiteLsp: Show Output" for its log; "CiteLsp: Restart Server" tries again.`;
  }
}

/** Keeps the end of the server's stderr, to say why it stopped. */
export class OutputTail {
  private text = '';
  constructor(private readonly limit = 4000) {}

  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit);
  }

  /** The last non-empty lines, at most `lines` of them, on one line. */
  last(lines = 3): string {
    return this.text.split(/\r?\n/).map(l => l.trim()).filter(l => l !== '').slice(-lines).join(' ');
  }
}

/** "it exited with code 2: <last stderr lines>" for a server process that ended. */
export function exitDetail(code: number | null, signal: string | null, stderrTail: string): string {
  const how = code !== null ? `it exited with code ${code}` : `it was killed by ${signal ?? 'a signal'}`;
  return stderrTail === '' ? how : `${how}: ${stderrTail}`;
}
