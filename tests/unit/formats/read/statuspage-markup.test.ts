/**
 * readStatuspageMarkup reads Statuspage's plain update markup without the tokenizer (readPlainMarkup) and
 * hands everything else to the tokenizer reader (readAnyMarkup). The two must agree: here on every entry of
 * every captured Statuspage history feed and on hand-made edge cases.
 */
import { readdirSync } from 'node:fs';
import { decodeXML } from 'entities';
import { describe, expect, it } from 'vitest';
import { readAnyMarkup, readPlainMarkup, readStatuspageMarkup } from '../../../../shared/formats/read/statuspage-markup';
import { readFeed } from '../../../support/feeds';

/** Each entry's HTML as the feed reader hands it over (Atom `content`, RSS `description`, XML-unescaped). */
function entriesOf(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<content[^>]*>([\s\S]*?)<\/content>|<description>([\s\S]*?)<\/description>/g)) {
    const raw = m[1] ?? m[2] ?? '';
    const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
    out.push(cdata ? cdata[1]! : decodeXML(raw));
  }
  return out;
}

const EDGES = [
  "<p><small>Jul <var data-var='date'> 9</var>, <var data-var='time'>07:04</var> UTC</small><br><strong>Update</strong> - a &amp; b &#8217;s &ampx &notit; &#x1F600;</p>",
  "<p> <small>Aug <var data-var='date'>17</var>, <var data-var='time'>14:00</var> PDT</small><br><strong>Resolved</strong> - done.</p>  <p>This incident affected: API, Web and Git Operations.</p>",
  "<p><small>Jan  1, 09:09 PST</small><br><strong>Investigating</strong>\n -  line one\n line two  </p>",
  "<p><small>Jul 9, 07:04 UTC &am</small><br><strong></strong>: text</p>",
  "<p><small>Jul <var data-var='date'>9&am</var>p;, 07:04 UTC</small><br><strong>Update</strong> - x</p>",
  "<p><small>Jul 9, 07:04 UTC</small>&nbsp;<br><strong>Update</strong> - x</p>",
  "<p>x<small>Jul 9, 07:04 UTC</small><br><strong>Update</strong> - body</p>",
  "<p><small>Jul 9, 07:04 UTC</small><br><strong>Update</strong> - a < b</p>",
  "<p><small>Jul 9, 07:04 UTC</small><br><b>Update</b> - bold label</p>",
  "<P><small>Jul 9, 07:04 UTC</small><br><strong>Update</strong> - upper case</P>",
  "<p><strong>THIS IS A SCHEDULED EVENT May 28, 16:30 UTC - May 29, 16:30 UTC</strong></p><p><small>May 20, 10:00 UTC</small><br><strong>Scheduled</strong> - work</p>",
  "<p><small>Jul 9, 07:04 UTC</small><br><strong>Update</strong> - one</p>stray text",
  '<p>&nbsp;</p><p>only text &amp; more</p>',
  "<p> <small>Aug 18, 11:42 UTC</small><br> <strong>Resolved</strong> - one. <br /><br />two &amp; three<br/>four<br >five</p>",
  "<p><small>Aug 18, 11:42 UTC</small><br><strong>Resolved</strong> - one <br / > two</p>",
  '',
  '   ',
];

describe('readStatuspageMarkup', () => {
  it('reads every captured Statuspage feed entry as the tokenizer reader does, most without it', () => {
    let plain = 0;
    let all = 0;
    for (const file of readdirSync(readFeedDir())) {
      for (const html of entriesOf(readFeed(`statuspage-feeds/${file}`))) {
        all++;
        if (readPlainMarkup(html)) plain++;
        expect(readStatuspageMarkup(html), `${file}: ${html.slice(0, 120)}`).toEqual(readAnyMarkup(html));
      }
    }
    expect(all).toBeGreaterThan(100);
    expect(plain / all).toBeGreaterThan(0.8);
  });

  it.each(EDGES)('agrees with the tokenizer reader on %j', (html) => {
    expect(readStatuspageMarkup(html)).toEqual(readAnyMarkup(html));
  });

  it('takes the plain path only for plain markup', () => {
    expect(readPlainMarkup(EDGES[0]!)?.updates[0]).toEqual({ stamp: 'Jul 9, 07:04 UTC', label: 'Update', text: 'a & b ’s &x ¬it; 😀' });
    expect(readPlainMarkup(EDGES[1]!)?.affected).toEqual(['API', 'Web', 'Git Operations']);
    expect(readPlainMarkup(EDGES[13]!)?.updates[0]?.text).toBe('one.\ntwo & three\nfour\nfive');
    for (const i of [5, 7, 8, 9, 10, 11, 14]) expect(readPlainMarkup(EDGES[i]!), EDGES[i]).toBeUndefined();
  });
});

function readFeedDir(): string {
  return new URL('statuspage-feeds', `file://${process.env.STATUS_TRAY_FEEDS ?? new URL('../../../../../shared/feeds/', import.meta.url).pathname}/`).pathname;
}
