/** The shared helpers every adapter relies on: text, dates, timeline ordering, links, limits, detection. */
import { describe, expect, it } from 'vitest';
import { assembleStatus } from '../../../../shared/formats/read/assemble';
import { parseDateMs, parseUpdateStamp } from '../../../../shared/formats/read/dates';
import { safeHttpUrl } from '../../../../shared/formats/read/links';
import { LIMITS, capText } from '../../../../shared/formats/read/limits';
import { ADAPTERS, detectFormat } from '../../../../shared/formats/registry';
import { decodeEntities, htmlToText } from '../../../../shared/formats/read/text';
import { buildTimeline } from '../../../../shared/formats/read/timeline';
import type { Incident } from '../../../../shared/domain/types';
import { readFeed } from '../../../support/feeds';

describe('htmlToText', () => {
  it('strips tags, decodes entities, turns blocks into lines and collapses whitespace', () => {
    expect(htmlToText('<p>A&amp;B  &lt;tag&gt;\n  x</p><p>Line&nbsp;2<br/>Line 3</p><ul><li>one</li><li>two</li></ul>')).toBe(
      'A&B <tag> x\nLine 2\nLine 3\none\ntwo',
    );
  });

  it('drops script and style content entirely', () => {
    expect(htmlToText('Before<script>alert("x")</script><style>p{}</style> after')).toBe('Before after');
  });

  it('collapses every kind of whitespace trim() knows, and keeps single spaces and line breaks between text', () => {
    expect(htmlToText('\u2028 a\u00a0\u00a0b\u3000\ufeffc\u000bd\t ')).toBe('a b c d');
    expect(htmlToText('one two')).toBe('one two');
    expect(htmlToText('<p>  </p><p> x </p><br><br><p>y  z</p>')).toBe('x\ny z');
    expect(htmlToText('<p>\u00a0</p>')).toBe('');
  });

  it('decodeEntities handles named and numeric references', () => {
    expect(decodeEntities('It&apos;s &#8217;ok&#x2019; &amp; fine')).toBe('It\'s ’ok’ & fine');
  });
});

describe('dates', () => {
  it('reads Azure\'s "Z" zone, PDT names and numeric offsets; garbage is undefined, never a throw', () => {
    expect(parseDateMs('Fri, 07 Aug 2026 04:04:00 Z')).toBe(Date.parse('2026-08-07T04:04:00Z'));
    expect(parseDateMs('Tue, 18 Aug 2026 05:20:30 PDT')).toBe(Date.parse('2026-08-18T12:20:30Z'));
    expect(parseDateMs('2026-08-13T14:21:41-07:00')).toBe(Date.parse('2026-08-13T21:21:41Z'));
    expect(parseDateMs('not a date')).toBeUndefined();
    expect(parseDateMs(undefined)).toBeUndefined();
  });

  it('infers the missing year of a stamp from the entry date, across New Year both ways', () => {
    const jan2 = Date.parse('2020-01-02T00:00:00Z');
    expect(parseUpdateStamp('Dec 31, 23:50 UTC', jan2)).toBe(Date.parse('2019-12-31T23:50:00Z'));
    const dec30 = Date.parse('2019-12-30T00:00:00Z');
    expect(parseUpdateStamp('Jan  9, 14:00 UTC', dec30)).toBe(Date.parse('2020-01-09T14:00:00Z'));
  });

  it('picks the year nearest the entry date by the zoned time, not the time read as UTC', () => {
    // Half a year from the anchor either way: read as UTC, Jul 1 2021 is nearer; as Pacific time (UTC-7 in
    // July), Jul 1 2020 is.
    const anchor = Date.parse('2020-12-31T03:30:00Z');
    expect(parseUpdateStamp('Jul  1, 12:00 PST', anchor)).toBe(Date.parse('2020-07-01T19:00:00Z'));
    expect(parseUpdateStamp('Jul  1, 12:00 UTC', anchor)).toBe(Date.parse('2021-07-01T12:00:00Z'));
  });

  it('reads PST/PDT as Pacific wall time, an explicit year, and rejects nonsense', () => {
    const anchor = Date.parse('2013-10-21T23:27:30Z');
    expect(parseUpdateStamp('Oct 21, 16:27 PST', anchor)).toBe(Date.parse('2013-10-21T23:27:00Z'));
    expect(parseUpdateStamp('Jan  1, 09:09 PST', Date.parse('2014-01-01T17:09:00Z'))).toBe(Date.parse('2014-01-01T17:09:00Z'));
    expect(parseUpdateStamp('May 13, 2017, 06:45 UTC', undefined)).toBe(Date.parse('2017-05-13T06:45:00Z'));
    expect(parseUpdateStamp('Foo 13, 06:45 UTC', anchor)).toBeUndefined();
    expect(parseUpdateStamp('Jan 13, 26:45 UTC', anchor)).toBeUndefined();
  });
});

describe('buildTimeline', () => {
  const at = (s: string) => Date.parse(s);
  it('orders by own timestamp, breaks same-minute ties by lifecycle, and lets "Update" carry the status in force', () => {
    const t = buildTimeline(
      [
        { label: 'Investigating', status: 'investigating', text: 'listed first', atMs: at('2024-05-28T21:24:00Z') },
        { label: 'Resolved', status: 'resolved', text: 'r', atMs: at('2024-05-28T21:24:00Z') },
        { label: 'Update', status: null, text: 'u', atMs: at('2024-05-28T21:19:00Z') },
        { label: 'Identified', status: 'identified', text: 'i', atMs: at('2024-05-28T20:53:00Z') },
      ],
      'investigating',
      '1970-01-01T00:00:00.000Z',
    );
    expect(t.status).toBe('resolved');
    expect(t.updates.map((u) => [u.label, u.status])).toEqual([
      ['Resolved', 'resolved'],
      ['Investigating', 'investigating'],
      ['Update', 'identified'],
      ['Identified', 'identified'],
    ]);
  });

  it('falls back to listing order (newest first) when a stamp is unreadable', () => {
    const t = buildTimeline(
      [
        { label: 'Monitoring', status: 'monitoring', text: 'b' },
        { label: 'Investigating', status: 'investigating', text: 'a', atMs: 1 },
      ],
      'investigating',
      '2020-01-01T00:00:00.000Z',
    );
    expect(t.status).toBe('monitoring');
    expect(t.updates[0]!.at).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('links and limits', () => {
  it('keeps only http(s), resolves relative links, collapses double slashes', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined();
    expect(safeHttpUrl('/incidents/1', 'https://s.example/history.rss')).toBe('https://s.example/incidents/1');
    expect(safeHttpUrl('https://status.openai.com//incidents/X')).toBe('https://status.openai.com/incidents/X');
  });

  it('caps text on code points and caps lists in assembleStatus', () => {
    expect(capText('ab😀cd', 4)).toBe('ab😀…');
    const mk = (n: number): Incident => ({
      id: `i${n}`, kind: 'incident', title: 'x'.repeat(500), status: 'resolved', impact: 'none',
      createdAt: `2020-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`, updatedAt: new Date(Date.UTC(2020, 0, 1) + n * 1000).toISOString(),
      updates: Array.from({ length: 30 }, () => ({ status: 'resolved' as const, text: 'y'.repeat(5000), at: '2020-01-01T00:00:00.000Z' })),
      components: [],
    });
    const s = assembleStatus({ provider: ' P ', format: 'rss', components: [], incidents: Array.from({ length: 40 }, (_, n) => mk(n)), coverage: 'history', now: 0 });
    expect(s.provider).toBe('P');
    expect(s.recentIncidents).toHaveLength(LIMITS.recentIncidents);
    expect(s.recentIncidents[0]!.id).toBe('i39');
    expect(s.recentIncidents[0]!.title).toHaveLength(LIMITS.titleChars);
    expect(s.recentIncidents[0]!.updates).toHaveLength(LIMITS.updatesPerIncident);
    expect(s.recentIncidents[0]!.updates[0]!.text).toHaveLength(LIMITS.updateTextChars);
  });

  it('marks an open incident stale after 14 days of silence, relative to now', () => {
    const open: Incident = {
      id: 'a', kind: 'incident', title: 't', status: 'investigating', impact: 'critical',
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updates: [], components: [],
    };
    const fresh = assembleStatus({ provider: 'P', format: 'rss', components: [], incidents: [open], coverage: 'history', now: Date.parse('2026-01-10T00:00:00Z') });
    const old = assembleStatus({ provider: 'P', format: 'rss', components: [], incidents: [open], coverage: 'history', now: Date.parse('2026-01-20T00:00:00Z') });
    expect([fresh.activeIncidents[0]!.stale, fresh.health]).toEqual([undefined, 'major_outage']);
    expect([old.activeIncidents[0]!.stale, old.health]).toEqual([true, 'degraded']);
  });
});

describe('detectFormat', () => {
  it('picks the specific adapter for each captured platform', () => {
    const cases: [string, string, string][] = [
      ['incidentio/openai-history-rss-2026-10-01.rss', 'https://status.openai.com/history.rss', 'incidentio-feed'],
      ['aws/aws-all-rss-2026-08-18.rss', 'https://status.aws.amazon.com/rss/all.rss', 'aws-rss'],
      ['azure/azure-status-feed-2026-08-07-empty.xml', 'https://azure.status.microsoft/en-us/status/feed/', 'azure-rss'],
      ['statuspage-feeds/parse-history-2014-01.rss', 'http://status.parse.com/history.rss', 'statuspage-feed'],
      ['other/lambstatus-demo-history-2017-10.rss', 'https://lambstatus.github.io/demo-status/history.rss', 'rss'],
      ['gcp/gcp-incidents-2026-03-subset.json', 'https://status.cloud.google.com/incidents.json', 'gcp-json'],
      ['slack/slack-history-2026-08-18.json', 'https://slack-status.com/api/v2.0.0/history', 'slack-json'],
    ];
    for (const [file, url, id] of cases) expect(detectFormat(readFeed(file), { url })?.id).toBe(id);
  });

  it('recognises a plain Atom feed and an HTML page served as text/html', () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title></feed>';
    expect(detectFormat(atom, { url: 'https://x.example/feed' })?.id).toBe('atom');
    expect(detectFormat('<!DOCTYPE html><html><body>hi</body></html>', { url: 'https://x.example', contentType: 'text/html' })).toBeUndefined();
  });

  it('lists one adapter per FormatId', () => {
    // 13 formats before issue 13, plus its twelve platform adapters.
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(25);
    expect(ADAPTERS).toHaveLength(25);
  });
});
