// The few yauzl calls the tests use (the package ships no types).
declare module 'yauzl' {
  import type { Readable } from 'node:stream';
  export interface Entry {
    fileName: string;
    uncompressedSize: number;
  }
  export interface ZipFile {
    readEntry(): void;
    openReadStream(entry: Entry, callback: (err: Error | null, stream: Readable) => void): void;
    on(event: 'entry', listener: (entry: Entry) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    close(): void;
  }
  export function open(path: string, options: { lazyEntries: boolean }, callback: (err: Error | null, zip: ZipFile) => void): void;
}
