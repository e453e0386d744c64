// Shared by the tests: the client folder, the .vsix built by `npm run package` (pretest), and its content.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

/** client-vscode/ (tests run from out/test/). */
export const clientRoot = path.resolve(__dirname, '..', '..');

export function packageJson(): { name: string; version: string; [k: string]: unknown } {
  return JSON.parse(fs.readFileSync(path.join(clientRoot, 'package.json'), 'utf8'));
}

export function vsixPath(): string {
  const p = packageJson();
  return path.join(clientRoot, `${p.name}-${p.version}.vsix`);
}

/** Every file in the .vsix, by its path in the archive. */
export function readVsix(file = vsixPath()): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', entry => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Writes the files under `prefix` (e.g. "extension/") into `dir`, as VS Code installs them. */
export function extract(files: Map<string, Buffer>, prefix: string, dir: string): void {
  for (const [name, data] of files) {
    if (!name.startsWith(prefix)) continue;
    const target = path.join(dir, name.slice(prefix.length));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

/** Text with a `$0` cursor and optionally `[|…|]` selection: the plain text and the offsets. */
export function parseMarkup(marked: string): { text: string; start: number; end: number } {
  const sel = /\[\|([\s\S]*?)\|\]/.exec(marked);
  if (sel) {
    const text = marked.replace('[|', '').replace('|]', '');
    return { text, start: sel.index, end: sel.index + sel[1].length };
  }
  const at = marked.indexOf('$0');
  if (at < 0) throw new Error(`no $0 in ${marked}`);
  return { text: marked.slice(0, at) + marked.slice(at + 2), start: at, end: at };
}

/** Whether a .NET assembly carries ReadyToRun code: its CLI header points at a native header signed "RTR". */
export function isReadyToRun(pe: Buffer): boolean {
  const peAt = pe.readUInt32LE(0x3c);
  const sections = pe.readUInt16LE(peAt + 6);
  const optional = peAt + 24;
  const directories = optional + (pe.readUInt16LE(optional) === 0x20b ? 112 : 96);
  const toOffset = (rva: number): number => {
    for (let i = 0, s = optional + pe.readUInt16LE(peAt + 20); i < sections; i++, s += 40) {
      const va = pe.readUInt32LE(s + 12);
      if (rva >= va && rva < va + pe.readUInt32LE(s + 16)) return rva - va + pe.readUInt32LE(s + 20);
    }
    throw new Error(`RVA ${rva} is in no section`);
  };
  const cli = toOffset(pe.readUInt32LE(directories + 14 * 8));
  const [nativeRva, nativeSize] = [pe.readUInt32LE(cli + 64), pe.readUInt32LE(cli + 68)];
  return nativeSize > 0 && pe.toString('latin1', toOffset(nativeRva), toOffset(nativeRva) + 4) === 'RTR\0';
}

/** The package for this machine's platform (`npm run package:target`): vsce names targets `${platform}-${arch}`. */
export function targetVsixPath(): string {
  const p = packageJson();
  return path.join(clientRoot, `${p.name}-${process.platform}-${process.arch}-${p.version}.vsix`);
}
