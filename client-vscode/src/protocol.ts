// Custom CiteLsp messages (CONTRACTS.md "Custom LSP messages"), shared by the extension and the tests.

export const SearchMethod = 'citelsp/search';
export const BibliographiesMethod = 'citelsp/bibliographies';
export const StatusNotification = 'citelsp/status';

export interface TextDocumentRef {
  uri: string;
}

export interface SearchParams {
  query: string;
  limit?: number;
  textDocument?: TextDocumentRef;
}

export type MatchField = 'key' | 'title' | 'author' | 'year' | 'venue';

export interface FieldMatch {
  field: MatchField;
  start: number;
  length: number;
}

export interface SearchItem {
  key: string;
  title: string;
  authors: string[];
  year: number | null;
  venue: string | null;
  score: number;
  source: 'bibliography' | 'library';
  matches: FieldMatch[];
}

export interface SearchResult {
  items: SearchItem[];
}

export interface BibliographiesParams {
  textDocument: TextDocumentRef;
}

export interface BibliographyError {
  message: string;
  line: number;
  character: number;
}

export interface BibliographyFile {
  path: string;
  role: 'bibliography' | 'library';
  reason: string;
  entries: number;
  errors: BibliographyError[];
}

export interface BibliographiesResult {
  files: BibliographyFile[];
}

export interface StatusParams {
  entries: number;
  files: number;
  errors: number;
  message?: string;
}
