/**
 * The shortcuts the readers take on the first polling cycle (docs/storage.md, "Performance") give exactly what
 * the general way gives. Each shortcut is checked against a plain reference implementation of the rule it
 * replaces, on every captured document in ../shared/feeds and on hand-made edge cases.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDateMs, parseUpdateStamp, toIso, wallTimeToUtcMs, zoneOffsetMs } from '../../../../shared/formats/read/dates';
import { safeHttpUrl } from '../../../../shared/formats/read/links';
import { parseHttpUrl } from '../../../../shared/domain/url';
import { capText } from '../../../../shared/formats/read/limits';
import { MAX_XML_DEPTH, parseFeedXml } from '../../../../shared/formats/read/xml';
import { FormatError } from '../../../../shared/formats/types';
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

describe('dates', () => {
  it('toIso spells every instant exactly as Date#toISOString does', () => {
    const edges = [
      0, 1, 999, 86_399_999, 86_400_000, 951_782_400_000, 951_868_800_000, 946_684_799_999, 4_107_542_400_000,
      253_402_300_799_999, 253_402_300_800_000, -1, -62_167_219_200_000, 1_790_000_000_000.5, 8.64e15, -8.64e15,
    ];
    // Every day boundary and leap rule from 1970 to 2400 (400 years cover the Gregorian cycle), at odd times.
    const days = Array.from({ length: 157_000 }, (_, d) => d * 86_400_000 + ((d * 7_919_993) % 86_400_000));
    const dates = FEEDS.flatMap((f) => [...f.text.matchAll(/\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})/g)].map((m) => Date.parse(m[0])));
    const wrong = [...edges, ...days, ...dates].filter((ms) => toIso(ms) !== new Date(ms).toISOString());
    expect(wrong).toEqual([]);
    expect(dates.length).toBeGreaterThan(100);
    expect(toIso(8.64e15 + 1)).toBeUndefined();
    expect(toIso(Number.NaN)).toBeUndefined();
  });

  /** The offset of a zone at an instant, read from `formatToParts` (the general way). */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const offsetByParts = (zone: string, utcMs: number): number => {
    let fmt = formats.get(zone);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      formats.set(zone, fmt);
    }
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(utcMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(utcMs / 1000) * 1000;
  };
  const byParts = (year: number, month0: number, day: number, hour: number, minute: number, zone: string): number => {
    const guess = Date.UTC(year, month0, day, hour, minute);
    return guess - offsetByParts(zone, guess - offsetByParts(zone, guess));
  };

  it('wall times in named zones convert as the formatToParts reading does, across DST switches and old offsets', () => {
    const zones: [string, string][] = [['PST', 'America/Los_Angeles'], ['EDT', 'America/New_York'], ['BST', 'Europe/London'], ['AEDT', 'Australia/Sydney'], ['IST', 'Asia/Kolkata'], ['NZDT', 'Pacific/Auckland']];
    for (const [abbrev, zone] of zones) {
      for (const year of [1850, 1883, 1918, 1945, 1970, 2007, 2014, 2019, 2026, 2040]) {
        for (let month0 = 0; month0 < 12; month0++) {
          for (const [day, hour, minute] of [[1, 0, 0], [8, 2, 30], [14, 1, 59], [28, 23, 59], [31, 12, 0]] as const) {
            expect(wallTimeToUtcMs(year, month0, day, hour, minute, abbrev)).toBe(byParts(year, month0, day, hour, minute, zone));
          }
        }
      }
    }
  });

  it('zoneOffsetMs from its per-year table equals Intl at any instant, and at each change to the second', () => {
    const zones = ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Anchorage', 'Pacific/Honolulu',
      'Europe/London', 'Europe/Paris', 'Europe/Athens', 'Europe/Moscow', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul',
      'Australia/Sydney', 'Pacific/Auckland', 'UTC'];
    let seed = 42;
    const random = (): number => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const wrong: string[] = [];
    for (const zone of zones) {
      for (let year = 1965; year <= 2045; year++) {
        const start = Date.UTC(year, 0, 1);
        for (let k = 0; k < 12; k++) {
          const at = start + Math.floor(random() * 365 * 86_400_000);
          if (zoneOffsetMs(zone, at) !== offsetByParts(zone, at)) wrong.push(`${zone} ${new Date(at).toISOString()}`);
        }
      }
      // Around every change of some years, found day by day, then by hour, minute and second: the second
      // before it and the second of it.
      const firstDifferent = (from: number, step: number, count: number): number => {
        const base = offsetByParts(zone, from);
        for (let k = 1; k <= count; k++) if (offsetByParts(zone, from + k * step) !== base) return from + (k - 1) * step;
        return NaN;
      };
      for (const year of [1970, 1987, 2007, 2014, 2019, 2026]) {
        for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
          if (offsetByParts(zone, day) === offsetByParts(zone, day + 86_400_000)) continue;
          const hour = firstDifferent(day, 3_600_000, 24);
          const minute = firstDifferent(hour, 60_000, 60);
          const second = firstDifferent(minute, 1000, 60) + 1000;
          for (const x of [second - 1000, second - 1, second, second + 999]) if (zoneOffsetMs(zone, x) !== offsetByParts(zone, x)) wrong.push(`${zone} ${new Date(x).toISOString()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a year-less stamp takes the year nearest its anchor, as ranking the three candidates by sort does', () => {
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    /** The year choice as first written: sort the candidates by their gap read as UTC, then convert. */
    const bySort = (month0: number, day: number, hour: number, minute: number, zone: string, anchorMs: number): number => {
      const anchorYear = new Date(anchorMs).getUTCFullYear();
      const years = [anchorYear - 1, anchorYear, anchorYear + 1];
      const gap = years.map((y) => Math.abs(Date.UTC(y, month0, day, hour, minute) - anchorMs));
      const order = [0, 1, 2].sort((x, y) => gap[x]! - gap[y]! || x - y);
      if (gap[order[1]!]! - gap[order[0]!]! > 2 * 86_400_000) return wallTimeToUtcMs(years[order[0]!]!, month0, day, hour, minute, zone);
      let best: number | undefined;
      for (const y of years) {
        const t = wallTimeToUtcMs(y, month0, day, hour, minute, zone);
        if (best === undefined || Math.abs(t - anchorMs) < Math.abs(best - anchorMs)) best = t;
      }
      return best!;
    };
    let seed = 11;
    const random = (): number => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const wrong: string[] = [];
    for (let k = 0; k < 4000; k++) {
      const month0 = Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 31);
      const hour = Math.floor(random() * 24);
      const minute = Math.floor(random() * 60);
      const zone = ['UTC', 'PST', 'PDT', 'AEDT'][k % 4]!;
      // Anchors near New Year and anywhere else, from 2013 to 2027.
      const anchorMs = k % 3 === 0 ? Date.UTC(2013 + (k % 15), 0, 1) + Math.floor((random() - 0.5) * 6 * 86_400_000) : Date.UTC(2013, 0, 1) + Math.floor(random() * 15 * 365 * 86_400_000);
      const stamp = `${MONTHS[month0]} ${day}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${zone}`;
      if (parseUpdateStamp(stamp, anchorMs) !== bySort(month0, day, hour, minute, zone, anchorMs)) wrong.push(`${stamp} @ ${anchorMs}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every update stamp in the captured feeds reads as the formatToParts reading gives', () => {
    let checked = 0;
    for (const { text } of FEEDS) {
      for (const m of text.matchAll(/&lt;small&gt;(.*?)&lt;\/small&gt;/g)) {
        const stamp = m[1]!.replace(/&lt;\/?var[^&]*&gt;/g, '');
        const anchor = Date.parse('2019-11-23T00:00:00Z');
        const got = parseUpdateStamp(stamp, anchor);
        const zone = /\b(P[SD]T)\s*$/.exec(stamp)?.[1];
        if (!zone || got === undefined) continue;
        const local = new Date(got + offsetByParts('America/Los_Angeles', got));
        expect(local.getUTCHours() * 60 + local.getUTCMinutes(), stamp).toBe(Number(/(\d{1,2}):(\d{2})/.exec(stamp)![1]) * 60 + Number(/(\d{1,2}):(\d{2})/.exec(stamp)![2]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(parseDateMs('Tue, 18 Aug 2026 05:20:30 PDT')).toBe(Date.parse('2026-08-18T12:20:30Z'));
  });
});

describe('feed links', () => {
  /** The rule as the parser applies it: WHATWG URL, http(s) only, no credentials, repeated slashes collapsed. */
  const byParser = (raw: string, base?: string): string | undefined => {
    const s = raw.trim();
    if (!s || s.length > 2048) return undefined;
    const url = parseHttpUrl(s, base || undefined);
    if (!url || url.username || url.password) return undefined;
    if (url.pathname.includes('//')) url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    return url.href;
  };
  const EDGE_LINKS = [
    'https://status.openai.com//incidents/01K', 'https://a.com//', 'http://a.com//x//y?q=//z#//f', 'https://a.com', 'https://a.com?x',
    'https://Example.com/', 'HTTPS://a.com/', 'https://a.com:443/', 'https://a.com:8080/x', 'https://user:pw@a.com/', 'https://@a.com/',
    'https://1.2.3.4/', 'https://a.0x1f/', 'https://a.123/', 'https://xn--nxasmq6b.com/', 'https://xn--a.com/', 'https://-a.com/',
    'https://a-.com/', 'https://a..com/', 'https://a.com./', 'https://a_b.com/', 'https://a.com/./b', 'https://a.com/b/..', 'https://a.com/%2e/b',
    'https://a.com/%2E%2E/b', 'https://a.com/.hidden/x', 'https://a.com/a/.?x', "https://a.com/?q='x'", 'https://a.com/a b', 'https://a.com/\\x',
    'https://a.com/x#frag', 'https://a.com/x?y=1&z=%20#f', 'https://a.com/%zz', 'https://a.com/@user', 'https://a.com/{x}', 'https://a.com/x`y',
    '  https://a.com/pad  ', 'javascript:alert(1)', 'data:text/html,x', '/relative/path', 'relative', '//a.com/x', 'ftp://a.com/', '',
    'https://a.com/\u00e9', 'https://\u00e9.com/', 'https://a.com/\tx', 'https://a.com/x\ny',
  ];
  const BASES = [undefined, '', 'https://status.example.com/feed', 'https://status.example.com/sub/history.atom', 'not a url', 'https://a.com:99999/'];

  it('answers as the parser does for every link in the captured feeds and for edge cases, against any base', () => {
    const links = FEEDS.flatMap((f) => [...f.text.matchAll(/(?:https?:)?\/\/[^\s"'<>\]]+|(?<=href=["'])[^"']*/g)].map((m) => m[0]));
    expect(links.length).toBeGreaterThan(500);
    for (const base of BASES) {
      for (const link of [...EDGE_LINKS, ...links]) expect(safeHttpUrl(link, base), `${link} against ${base}`).toBe(byParser(link, base));
    }
  });
});

describe('capText', () => {
  /** The rule by code points, as first written. */
  const byCodePoints = (text: string, max: number): string => {
    const chars = Array.from(text);
    return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
  };

  it('cuts by code points exactly as Array.from counts them, surrogate pairs and lone surrogates included', () => {
    const samples = ['', 'a', 'abc', '😀😀😀', 'a😀b😀c', '\ud83d', '\ude00x', 'x\ud83d', '\ud83d\ud83d\ude00', 'ab\ude00\ud83d', ...FEEDS.map((f) => f.text.slice(0, 9000))];
    for (const text of samples) {
      for (const max of [0, 1, 2, 3, 4, 5, 300, 4000]) expect(capText(text, max), `${max} of ${text.slice(0, 20)}`).toBe(byCodePoints(text, max));
    }
  });
});

describe('XML depth guard', () => {
  const feed = (inner: string): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${inner}</channel></rss>`;
  /** Depth of the elements around `inner`: rss, channel, then the nested ones. */
  const nested = (levels: number, leaf = ''): string => feed('<x>'.repeat(levels - 2) + leaf + '</x>'.repeat(levels - 2));
  const refusal = async (xml: string): Promise<string | undefined> =>
    parseFeedXml(xml).then(
      () => undefined,
      (err: unknown) => (err instanceof FormatError ? err.message : `not a FormatError: ${String(err)}`),
    );

  it('refuses an element opening past MAX_XML_DEPTH during the parse, and only then', async () => {
    expect(await refusal(nested(MAX_XML_DEPTH))).toBeUndefined();
    expect(await refusal(nested(MAX_XML_DEPTH, '<leaf/>'))).toBeUndefined(); // self-closing elements do not nest
    expect(await refusal(nested(MAX_XML_DEPTH + 1))).toBe(`XML nested deeper than ${MAX_XML_DEPTH} levels`);
    expect(await refusal(nested(10_000))).toBe(`XML nested deeper than ${MAX_XML_DEPTH} levels`);
    // Comments, CDATA and escaped markup are not elements.
    expect(await refusal(nested(MAX_XML_DEPTH, '<!-- <a><b><c> --><![CDATA[<a><b>]]>&lt;a&gt;&lt;b&gt;'))).toBeUndefined();
  });

  it('the parser is ready for the next document after a refusal', async () => {
    expect(await refusal(nested(MAX_XML_DEPTH + 1))).toBeDefined();
    for (const { name, text } of FEEDS.filter((f) => /\.(atom|rss)$/.test(f.name))) expect(await refusal(text), name).toBeUndefined();
    expect(await refusal(nested(MAX_XML_DEPTH + 1))).toBeDefined();
    // Started together, as the engine's concurrent polls do: each document gets its own answer.
    const good = FEEDS.find((f) => f.name.endsWith('.atom'))!.text;
    const answers = await Promise.all([nested(MAX_XML_DEPTH + 1), good, nested(500), good, feed('<x>'), good].map(refusal));
    expect(answers[0]).toBe(`XML nested deeper than ${MAX_XML_DEPTH} levels`);
    expect(answers[2]).toBe(`XML nested deeper than ${MAX_XML_DEPTH} levels`);
    expect(answers[4]).toMatch(/^Unreadable feed XML/);
    expect([answers[1], answers[3], answers[5]]).toEqual([undefined, undefined, undefined]);
  });
});
