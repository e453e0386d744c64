// The "Show Loaded Bibliographies" list, built from `citelsp/bibliographies`.
import type { BibliographiesResult } from './protocol';

export interface BibliographyRow {
  label: string;
  description: string;
  detail: string;
  /** File to open when picked, with the 0-based position of an error row. */
  path: string;
  line?: number;
  character?: number;
  isError: boolean;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function bibliographyRows(result: BibliographiesResult): BibliographyRow[] {
  const rows: BibliographyRow[] = [];
  for (const f of result.files) {
    const parts = [f.role, plural(f.entries, 'entry', 'entries')];
    if (f.errors.length > 0) parts.push(plural(f.errors.length, 'error', 'errors'));
    rows.push({
      label: `${f.errors.length > 0 ? '$(error)' : '$(book)'} ${baseName(f.path)}`,
      description: parts.join(' · '),
      detail: `${f.reason} — ${f.path}`,
      path: f.path,
      isError: false,
    });
    for (const e of f.errors) {
      rows.push({
        label: `    $(warning) ${baseName(f.path)}:${e.line + 1}:${e.character + 1}`,
        description: '',
        detail: e.message,
        path: f.path,
        line: e.line,
        character: e.character,
        isError: true,
      });
    }
  }
  return rows;
}

/** A plain-text report of the same information, for the output channel. */
export function bibliographyReport(documentPath: string, result: BibliographiesResult): string {
  if (result.files.length === 0) return `No bibliography applies to ${documentPath}.`;
  const lines = [`Bibliographies for ${documentPath}:`];
  for (const f of result.files) {
    lines.push(`  ${f.path}  [${f.role}, ${plural(f.entries, 'entry', 'entries')}]  ${f.reason}`);
    for (const e of f.errors) lines.push(`    ${e.line + 1}:${e.character + 1}: ${e.message}`);
  }
  return lines.join('\n');
}
