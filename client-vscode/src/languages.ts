// Which documents the client serves, and which citation syntax each language id uses
// (CONTRACTS.md "Server binary": the server accepts the same ids).

export type Syntax = 'latex' | 'markdown';

/** Language ids the extension activates for and hands to the server. */
export const ServedLanguages = ['latex', 'tex', 'bibtex', 'markdown', 'quarto', 'rmd'] as const;

const latexIds = new Set(['latex', 'tex', 'plaintex', 'plain-tex', 'context']);
const markdownIds = new Set(['markdown', 'quarto', 'rmd', 'pandoc']);

/** The citation syntax of a document, or undefined where citations are not written (e.g. bibtex). */
export function syntaxOf(languageId: string, fileName = ''): Syntax | undefined {
  if (latexIds.has(languageId)) return 'latex';
  if (markdownIds.has(languageId)) return 'markdown';
  if (languageId === 'fundamental' && /\.(md|markdown|qmd|rmd)$/i.test(fileName)) return 'markdown';
  return undefined;
}
