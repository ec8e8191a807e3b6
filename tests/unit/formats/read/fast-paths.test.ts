/**
 * The shortcuts the readers take on the first polling cycle (docs/storage.md, "Performance") give exactly what
 * the general way gives. Each shortcut is checked against a plain reference implementation of the rule it
 * replaces, on every captured document in ../shared/feeds and on hand-made edge cases.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseText, PlainTextBuilder } from '../../../../shared/formats/read/text';
import { FEEDS_DIR, readFeed } from '../../../support/feeds';

/** Every captured document, as text. */
function allFeeds(dir = FEEDS_DIR): { name: string; text: string }[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) return allFeeds(full);
    return n.endsWith('.md') ? [] : [{ name: relative(FEEDS_DIR, full), text: readFeed(relative(FEEDS_DIR, full)) }];
  });
}
const FEEDS = allFeeds();

/** Whitespace of every kind `\s` and `trim` know, plus line breaks in every spelling. */
const WHITESPACE_CASES = [
  '', ' ', '\n', '\r\n', '\r\r\n', ' a ', 'a  b', 'a\tb', 'a\u00a0\u00a0b', '\u2028 a\u3000\ufeffc\u000bd\t ',
  'a\n\nb', 'a \n \n b', '  a\r b\rc  ', 'a\u2029b', ' \n a \n', 'one two', 'x\n', '\u00a0', 'a \u00a0 \n\t b',
];

describe('whitespace collapsing', () => {
  /** The rule as first written: line by line, each line's runs to one space, trimmed, empty lines dropped. */
  const byLines = (text: string, breaks: RegExp): string =>
    text
      .split(breaks)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');

  it('collapseText equals the line-by-line rule on every captured document and on edge cases', () => {
    const inputs = [...WHITESPACE_CASES, ...FEEDS.map((f) => f.text), ...FEEDS.flatMap((f) => f.text.split('<'))];
    for (const text of inputs) expect(collapseText(text)).toBe(byLines(text, /\r\n|\r|\n/));
  });

  it('PlainTextBuilder reads source line breaks as spaces and its own line breaks as lines', () => {
    for (const text of [...WHITESPACE_CASES, ...FEEDS.flatMap((f) => f.text.split('<').slice(0, 400))]) {
      const b = new PlainTextBuilder();
      const parts = text.split('>');
      for (const part of parts) {
        b.text(part);
        b.newline();
      }
      const expected = byLines(parts.map((p) => p.replace(/[\r\n]+/g, ' ')).join('\n') + '\n', /\n/);
      expect(b.toString()).toBe(expected);
    }
  });
});
