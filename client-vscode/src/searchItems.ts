// Rows of the "Insert Citation…" picker, built from `citelsp/search` results.
import type { SearchItem } from './protocol';

export interface PickRow {
  key: string;
  /** Title (the key when the entry has none). */
  label: string;
  /** Authors · year. */
  description: string;
  /** Key · venue · where it comes from. */
  detail: string;
}

const maxAuthors = 3;

export function authorsText(authors: readonly string[]): string {
  if (authors.length <= maxAuthors) return authors.join(', ');
  return `${authors.slice(0, maxAuthors).join(', ')} et al.`;
}

export function toPickRow(item: SearchItem): PickRow {
  const title = item.title.trim();
  const description = [authorsText(item.authors), item.year === null ? '' : String(item.year)].filter(s => s !== '').join(' · ');
  const detail = [item.key, item.venue ?? '', item.source === 'library' ? 'library (added to the bibliography when cited)' : '']
    .filter(s => s !== '')
    .join(' · ');
  return { key: item.key, label: title === '' ? item.key : title, description, detail };
}

/**
 * The rows to show after a new search: the rows picked so far stay on top (a picker with several
 * picks must not lose them when the query changes), then the new results without duplicates.
 */
export function mergeRows<T extends { key: string }>(picked: readonly T[], results: readonly T[]): T[] {
  const seen = new Set(picked.map(r => r.key));
  return [...picked, ...results.filter(r => !seen.has(r.key))];
}

/** Whether two row lists show the same entries in the same order (then the list is left alone). */
export function sameKeys(a: readonly { key: string }[], b: readonly { key: string }[]): boolean {
  return a.length === b.length && a.every((r, i) => r.key === b[i].key);
}
