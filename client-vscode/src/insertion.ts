// Builds the text edit that "Insert Citation…" applies: a new citation at the cursor, or the picked
// keys added to the citation the cursor is already in. Offsets are UTF-16 indexes into the text.
import type { Syntax } from './languages';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface InsertResult {
  /** Undefined when every picked key is already in the citation. */
  edit?: TextEdit;
  /** Picked keys left out because the citation at the cursor already has them. */
  alreadyCited: string[];
}

export interface InsertOptions {
  /** Extra LaTeX cite command names, without backslash (setting citelsp.latex.citationCommands). */
  citationCommands?: readonly string[];
}

/** How far around the cursor a citation is looked for; a citation is never longer. */
const window = 4000;

export function insertCitation(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  syntax: Syntax,
  keys: readonly string[],
  options: InsertOptions = {},
): InsertResult {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return { alreadyCited: [] };
  return syntax === 'latex'
    ? insertLatex(text, selectionStart, selectionEnd, unique, options.citationCommands ?? [])
    : insertMarkdown(text, selectionStart, selectionEnd, unique);
}

// ---- LaTeX ------------------------------------------------------------------------------------

interface LatexCite {
  /** Offset of the backslash. */
  start: number;
  /** Offset just past the closing brace, or past the key list when unclosed. */
  end: number;
  keysStart: number;
  keysEnd: number;
  closed: boolean;
}

// \name*[opt][opt]{keys} with the key list either closed or running to the end of the line.
const latexCommand = /\\([A-Za-z]+)\*?(?:\s*\[[^\[\]\n]*\]){0,2}\s*\{(?:([^{}\\]*)\}|([^{}\\\n]*))/g;

function isCiteCommand(name: string, extra: readonly string[]): boolean {
  return /cite/i.test(name) || extra.includes(name);
}

function findLatexCite(text: string, offset: number, extra: readonly string[]): LatexCite | undefined {
  const from = Math.max(0, offset - window);
  latexCommand.lastIndex = from;
  const until = Math.min(text.length, offset + window);
  for (let m = latexCommand.exec(text); m !== null && m.index < offset && m.index < until; m = latexCommand.exec(text)) {
    const closed = m[2] !== undefined;
    const keys = closed ? m[2] : m[3];
    const end = m.index + m[0].length;
    if (!isCiteCommand(m[1], extra)) continue;
    const keysEnd = closed ? end - 1 : end;
    const inside = closed ? offset < end : offset <= end;
    if (inside) return { start: m.index, end, keysStart: keysEnd - keys.length, keysEnd, closed };
  }
  return undefined;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Comma-separated keys of a LaTeX key list, trimmed, with their offsets. */
function latexKeys(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const re = /[^,\s]+/g;
  const list = text.slice(start, end);
  for (let m = re.exec(list); m !== null; m = re.exec(list)) {
    out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

function insertLatex(text: string, selStart: number, selEnd: number, keys: string[], extra: readonly string[]): InsertResult {
  const cite = findLatexCite(text, selStart, extra);
  if (cite === undefined) {
    return { edit: { start: selStart, end: selEnd, text: `\\cite{${keys.join(',')}}` }, alreadyCited: [] };
  }
  const present = latexKeys(text, cite.keysStart, cite.keysEnd);
  const { fresh, alreadyCited } = split(keys, present.map(k => k.text));
  if (fresh.length === 0) return { alreadyCited };
  const list = fresh.join(',');
  const close = cite.closed ? '' : '}';

  const inKeys = selStart >= cite.keysStart && selStart <= cite.keysEnd;
  if (!inKeys) {
    // Cursor on the command name or its options: append to the key list.
    const lead = endsWithKey(text, cite.keysStart, cite.keysEnd) ? ',' : '';
    return { edit: { start: cite.keysEnd, end: cite.keysEnd, text: lead + list + close }, alreadyCited };
  }
  const token = present.find(k => selStart > k.start && selStart <= k.end);
  if (token !== undefined) {
    // In or right after a key: add after that key (whatever followed it still follows).
    const last = text.slice(token.end, cite.keysEnd).trim() === '';
    return { edit: { start: token.end, end: token.end, text: ',' + list + (last ? close : '') }, alreadyCited };
  }
  const before = text.slice(cite.keysStart, selStart).trimEnd();
  const after = text.slice(selStart, cite.keysEnd).trimStart();
  const lead = before !== '' && !before.endsWith(',') ? ',' : '';
  const tail = after !== '' && !after.startsWith(',') ? ',' : '';
  const end = Math.min(Math.max(selEnd, selStart), cite.keysEnd);
  return { edit: { start: selStart, end, text: lead + list + tail + (after === '' ? close : '') }, alreadyCited };
}

function endsWithKey(text: string, start: number, end: number): boolean {
  const list = text.slice(start, end).trim();
  return list !== '' && !list.endsWith(',');
}

// ---- Markdown (Pandoc) ------------------------------------------------------------------------

interface Bracket {
  /** Offset just past '['. */
  contentStart: number;
  /** Offset of ']', or the cursor when the bracket is still open. */
  contentEnd: number;
  closed: boolean;
}

// Pandoc citation key: @key or @{key}; internal punctuation only when followed by a key character.
const keyChar = String.raw`[\p{L}\p{N}_]`;
const mdKey = new RegExp(String.raw`(^|[\s;\[])-?@(\{[^{}]*\}|${keyChar}(?:${keyChar}|[:.#$%&\-+?<>~/](?=${keyChar}))*)`, 'gu');
const plainKey = new RegExp(String.raw`^${keyChar}(?:${keyChar}|[:.#$%&\-+?<>~/](?=${keyChar}))*$`, 'u');

function findBracket(text: string, offset: number): Bracket | undefined {
  let open = -1;
  for (let i = offset - 1; i >= Math.max(0, offset - window); i--) {
    const c = text[i];
    if (c === '[') { open = i; break; }
    if (c === ']' || (c === '\n' && text[i - 1] === '\n')) return undefined;
  }
  if (open < 0) return undefined;
  let close = -1;
  for (let j = offset; j < Math.min(text.length, offset + window); j++) {
    const c = text[j];
    if (c === ']') { close = j; break; }
    if (c === '[' || (c === '\n' && text[j + 1] === '\n')) break;
  }
  const contentStart = open + 1;
  const contentEnd = close >= 0 ? close : offset;
  const content = text.slice(contentStart, contentEnd);
  mdKey.lastIndex = 0;
  const cites = mdKey.test(content);
  if (close >= 0) {
    // A link's text or an image is no citation; empty brackets take the keys.
    if (text[close + 1] === '(' || text[open - 1] === '!') return undefined;
    if (!cites && content.trim() !== '') return undefined;
  } else if (!/^\s*-?@/.test(content)) {
    return undefined;
  }
  return { contentStart, contentEnd, closed: close >= 0 };
}

function markdownKeys(content: string): string[] {
  const out: string[] = [];
  mdKey.lastIndex = 0;
  for (let m = mdKey.exec(content); m !== null; m = mdKey.exec(content)) {
    out.push(m[2].startsWith('{') ? m[2].slice(1, -1) : m[2]);
  }
  return out;
}

/** `@key`, or `@{key}` when the key has characters Pandoc would end the key at. */
export function markdownCiteKey(key: string): string {
  return plainKey.test(key) ? `@${key}` : `@{${key}}`;
}

function insertMarkdown(text: string, selStart: number, selEnd: number, keys: string[]): InsertResult {
  const bracket = findBracket(text, selStart);
  if (bracket === undefined) {
    const prev = text[selStart - 1] ?? '';
    const lead = /[\p{L}\p{N}.,;:!?)]/u.test(prev) ? ' ' : '';
    return { edit: { start: selStart, end: selEnd, text: `${lead}[${keys.map(markdownCiteKey).join('; ')}]` }, alreadyCited: [] };
  }
  const content = text.slice(bracket.contentStart, bracket.contentEnd);
  const { fresh, alreadyCited } = split(keys, markdownKeys(content));
  if (fresh.length === 0) return { alreadyCited };
  const list = fresh.map(markdownCiteKey).join('; ');
  const close = bracket.closed ? '' : ']';

  // The ';'-separated item the cursor is in.
  const cursor = selStart - bracket.contentStart;
  const itemStart = content.lastIndexOf(';', cursor - 1) + 1;
  const semi = content.indexOf(';', cursor);
  const itemEnd = semi < 0 ? content.length : semi;
  const item = content.slice(itemStart, itemEnd);
  const isLast = semi < 0;

  if (item.trim() === '') {
    const prev = content[cursor - 1];
    const lead = prev === ';' ? ' ' : '';
    const tail = isLast ? close : '';
    return { edit: { start: selStart, end: selStart, text: lead + list + tail }, alreadyCited };
  }
  // Cursor within an item (its key, prefix or locator): add after the whole item.
  const at = bracket.contentStart + itemStart + item.trimEnd().length;
  return { edit: { start: at, end: at, text: '; ' + list + (isLast ? close : '') }, alreadyCited };
}

// ---- shared -----------------------------------------------------------------------------------

function split(keys: string[], present: string[]): { fresh: string[]; alreadyCited: string[] } {
  const have = new Set(present);
  return { fresh: keys.filter(k => !have.has(k)), alreadyCited: keys.filter(k => have.has(k)) };
}
