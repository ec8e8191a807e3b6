/** docs/http-and-faults.md rows 29–33, 37, 38, 42 at the format layer: hostile or broken documents never escape as anything but FormatError. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/formats/registry';
import { FormatError } from '../../../shared/formats/types';
import { readFeed } from '../../support/feeds';
import { NOW } from './parse-feed';

const ctx = { url: 'https://status.example.com/history.rss', now: NOW };

async function failure(body: string, url = ctx.url): Promise<FormatError> {
  try {
    await parseDocument(body, { ...ctx, url });
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return err as FormatError;
  }
  throw new Error('expected a FormatError');
}

const rss = (items: string, channelTitle = 'Example Status') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${channelTitle}</title><link>https://status.example.com</link>${items}</channel></rss>`;

describe('documents that are not feeds', () => {
  it('the StreamYard /history HTML page is not-a-feed', async () => {
    const err = await failure(readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html'), 'https://status.streamyard.com/history');
    expect(err.code).toBe('not-a-feed');
  });

  it('empty body, plain text and unknown JSON are not-a-feed', async () => {
    expect((await failure('')).code).toBe('not-a-feed');
    expect((await failure('   \n')).code).toBe('not-a-feed');
    expect((await failure('service is up')).code).toBe('not-a-feed');
    expect((await failure('{"hello": "world"}')).code).toBe('not-a-feed');
  });
});

describe('broken documents', () => {
  it('a feed truncated at 60% is a parse error', async () => {
    const body = readFeed('statuspage-feeds/githubstatus-history-2026-07-09-active.atom');
    const err = await failure(body.slice(0, Math.floor(body.length * 0.6)), 'https://www.githubstatus.com/history.atom');
    expect(err.code).toBe('parse');
  });

  it('truncated JSON is a parse error', async () => {
    const body = readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json');
    expect((await failure(body.slice(0, 2000), 'https://status.cursor.com/api/v2/summary.json')).code).toBe('parse');
  });

  it('Statuspage JSON of the wrong shape is a parse error', async () => {
    expect((await failure('{"page": {"name": "X"}, "incidents": "nope"}')).code).toBe('parse');
  });

  it('10k-deep nested XML is refused without a crash', async () => {
    const body = rss('<item>' + '<x>'.repeat(10_000) + '</x>'.repeat(10_000) + '</item>');
    expect((await failure(body)).code).toBe('parse');
  });

  it('JSON nested 10^6 deep is a FormatError', async () => {
    const deepArray = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    await failure(deepArray);
    const deepObject = '{"page":' + '{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_001);
    await failure(deepObject);
  });
});

describe('entity attacks', () => {
  it('billion laughs is refused', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const err = await failure(lol + rss('<item><title>&lol3;</title></item>').replace(/^<\?xml[^>]*>/, ''));
    expect(err.code).toBe('parse');
  });

  it('XXE never reads the file: error or harmless, and no "root:" in the output', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const body = xxe + rss('<item><title>&x;</title><description>&x;</description></item>').replace(/^<\?xml[^>]*>/, '');
    const out = await parseDocument(body, ctx).then(
      (s) => JSON.stringify(s),
      (e: unknown) => (e instanceof FormatError ? e.message : 'unexpected'),
    );
    expect(out).not.toBe('unexpected');
    expect(out).not.toContain('root:');
  });
});

describe('prototype pollution', () => {
  it('a __proto__ XML element does not pollute Object.prototype', async () => {
    const body = rss('<item><__proto__><polluted>yes</polluted></__proto__><title>[Resolved] x</title><guid>g1</guid></item>');
    const s = await parseDocument(body, ctx);
    expect(s.recentIncidents.map((i) => i.id)).toEqual(['g1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ JSON key is dropped by the schema and pollutes nothing', async () => {
    const body = JSON.stringify({ page: { name: 'P', url: 'https://p.example' }, status: { indicator: 'none', description: 'ok' } }).replace(
      '{"page"',
      '{"__proto__":{"polluted":"yes"},"page"',
    );
    const s = await parseDocument(body, { ...ctx, url: 'https://p.example/api/v2/status.json' });
    expect(s.provider).toBe('P');
    expect(JSON.stringify(s)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('XSS in title, content and link', () => {
  it('titles become plain text, javascript: links are dropped, content loses markup', async () => {
    const item = `<item><title>&lt;img src=x onerror=alert(1)&gt;Outage &lt;script&gt;alert(2)&lt;/script&gt;in EU</title>
      <link>javascript:alert(3)</link><guid isPermaLink="false">xss-1</guid>
      <description>&lt;p&gt;Investigating - &lt;script&gt;alert(4)&lt;/script&gt;&lt;img src=x onerror=alert(5)&gt;Errors&lt;/p&gt;</description></item>`;
    const s = await parseDocument(rss(item), ctx);
    const incident = [...s.activeIncidents, ...s.recentIncidents][0]!;
    expect(incident.title).toBe('Outage in EU');
    expect(incident.url).toBeUndefined();
    const json = JSON.stringify(s);
    expect(json).not.toMatch(/<script|onerror|javascript:/i);
    expect(incident.updates[0]!.text).toBe('Investigating - Errors');
  });

  it('a javascript: page link is dropped from pageUrl', async () => {
    const body = rss('').replace('<link>https://status.example.com</link>', '<link>javascript:alert(1)</link>');
    const s = await parseDocument(body, ctx);
    expect(s.pageUrl).toBeUndefined();
  });
});

describe('plain result', () => {
  it('returns plain data (JSON-equal), separate objects for separate calls', async () => {
    const body = readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json');
    const url = 'https://status.cursor.com/api/v2/summary.json';
    const a = await parseDocument(body, { url, now: NOW });
    const b = await parseDocument(body, { url, now: NOW });
    expect(a).toEqual(b);
    expect(a.components).not.toBe(b.components);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
