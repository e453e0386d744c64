import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { insertCitation, markdownCiteKey, type InsertOptions } from '../src/insertion';
import type { Syntax } from '../src/languages';
import { parseMarkup } from './helpers';

/** Applies "Insert Citation" for `keys` at the `$0` cursor (or `[|…|]` selection) and returns the text. */
function apply(marked: string, syntax: Syntax, keys: string[], options?: InsertOptions): string {
  const { text, start, end } = parseMarkup(marked);
  const { edit } = insertCitation(text, start, end, syntax, keys, options);
  return edit === undefined ? text : text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('LaTeX insertion', () => {
  const cases: [string, string, string[], string][] = [
    ['new citation at the cursor', 'See $0.', ['a', 'b'], 'See \\cite{a,b}.'],
    ['replaces the selection', 'See [|this|].', ['a'], 'See \\cite{a}.'],
    ['after a comma in a cite', '\\cite{x,$0}', ['a', 'b'], '\\cite{x,a,b}'],
    ['right after a key', '\\cite{x$0}', ['a', 'b'], '\\cite{x,a,b}'],
    ['in the middle of a key: after that key', '\\parencite{kn$0uth,y}', ['a'], '\\parencite{knuth,a,y}'],
    ['empty key list', '\\citep{$0}', ['a', 'b'], '\\citep{a,b}'],
    ['before the first key', '\\citet{$0x}', ['a'], '\\citet{a,x}'],
    ['between spaced keys', '\\cite{x, $0 y}', ['a'], '\\cite{x, a, y}'],
    ['on the command name with options', '\\ci$0te[see][p.~3]{x}', ['a'], '\\cite[see][p.~3]{x,a}'],
    ['in the options', '\\autocite[p.~$03]{x}', ['a'], '\\autocite[p.~3]{x,a}'],
    ['starred biblatex command', '\\Textcite*{x$0}', ['a'], '\\Textcite*{x,a}'],
    ['key list over two lines', '\\cite{x,\n  $0}', ['a'], '\\cite{x,\n  a}'],
    ['unclosed cite gets its brace', '\\cite{x,$0\nmore text', ['a'], '\\cite{x,a}\nmore text'],
    ['after the closing brace is outside', '\\cite{x}$0 and', ['a'], '\\cite{x}\\cite{a} and'],
    ['other commands are not citations', '\\ref{x$0}', ['a'], '\\ref{x\\cite{a}}'],
    ['the nearest command wins', '\\cite{p} \\textbf{\\cite{x$0}}', ['a'], '\\cite{p} \\textbf{\\cite{x,a}}'],
    ['keys already there are not repeated', '\\cite{a,$0}', ['a', 'b'], '\\cite{a,b}'],
  ];
  for (const [name, input, keys, expected] of cases) {
    test(name, () => assert.equal(apply(input, 'latex', keys), expected));
  }

  test('extra citation commands from the setting', () => {
    assert.equal(apply('\\refs{x$0}', 'latex', ['a'], { citationCommands: ['refs'] }), '\\refs{x,a}');
    assert.equal(apply('\\refs{x$0}', 'latex', ['a']), '\\refs{x\\cite{a}}');
  });

  test('nothing to insert when every key is cited already', () => {
    const { text, start } = parseMarkup('\\cite{a,b$0}');
    const result = insertCitation(text, start, start, 'latex', ['b', 'a']);
    assert.equal(result.edit, undefined);
    assert.deepEqual(result.alreadyCited, ['b', 'a']);
  });

  test('no keys, no edit', () => {
    assert.equal(insertCitation('x', 0, 0, 'latex', []).edit, undefined);
  });
});

describe('Markdown insertion', () => {
  const cases: [string, string, string[], string][] = [
    ['new citation after a space', 'Text $0.', ['a', 'b'], 'Text [@a; @b].'],
    ['new citation right after a word gets a space', 'word$0', ['a'], 'word [@a]'],
    ['after "; " in a citation', '[@x; $0]', ['a', 'b'], '[@x; @a; @b]'],
    ['after ";" without space', '[@x;$0]', ['a'], '[@x; @a]'],
    ['right after a key', '[@x$0]', ['a'], '[@x; @a]'],
    ['in a key: after its item', '[@sm$0ith, p. 3; @y]', ['a'], '[@smith, p. 3; @a; @y]'],
    ['in a locator: after its item', '[see @x, p.$0 3; @y]', ['a'], '[see @x, p. 3; @a; @y]'],
    ['in the prefix: after its item', '[se$0e @x]', ['a'], '[see @x; @a]'],
    ['suppressed author', '[-@x$0]', ['a'], '[-@x; @a]'],
    ['braced key', '[@{x y}$0]', ['a'], '[@{x y}; @a]'],
    ['empty brackets take the keys', '[$0]', ['a', 'b'], '[@a; @b]'],
    ['unclosed bracket gets closed', '[@x; $0', ['a'], '[@x; @a]'],
    ['link text is no citation', '[text $0](u)', ['a'], '[text [@a]](u)'],
    ['bracketed text without keys is no citation', '[mail me@host $0]', ['a'], '[mail me@host [@a]]'],
    ['a bracket in another paragraph is not this citation', '[@x\n\n$0]', ['a'], '[@x\n\n[@a]]'],
    ['keys already there are not repeated', '[@a; $0]', ['a', 'b'], '[@a; @b]'],
    ['keys needing braces', 'See $0', ['doi:10.1/x(1)', 'a.b'], 'See [@{doi:10.1/x(1)}; @a.b]'],
  ];
  for (const [name, input, keys, expected] of cases) {
    test(name, () => assert.equal(apply(input, 'markdown', keys), expected));
  }

  test('braced keys count as cited', () => {
    const { text, start } = parseMarkup('[@{x y}; $0]');
    assert.deepEqual(insertCitation(text, start, start, 'markdown', ['x y']), { alreadyCited: ['x y'] });
  });

  test('Pandoc key syntax', () => {
    assert.equal(markdownCiteKey('smith2020'), '@smith2020');
    assert.equal(markdownCiteKey('Müller:2020-a'), '@Müller:2020-a');
    assert.equal(markdownCiteKey('ends.'), '@{ends.}');
    assert.equal(markdownCiteKey('has space'), '@{has space}');
  });
});
