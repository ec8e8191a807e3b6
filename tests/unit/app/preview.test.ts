import { describe, expect, it } from 'vitest';
import { createPreview } from '../../../shared/app/preview';
import type { FetchPort } from '../../../shared/ports';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 8, 26);

function fetchServing(body: string, status = 200, contentType = 'application/json'): FetchPort {
  return async () => new Response(body, { status, headers: { 'content-type': contentType } });
}

describe('createPreview', () => {
  it('fetches once and summarises a Statuspage summary', async () => {
    const url = 'https://status.cursor.com/api/v2/summary.json';
    const preview = createPreview({ fetch: fetchServing(readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json')), userAgent: 'StatusTray/test', now: () => NOW });
    const r = await preview(url);
    expect(r).toEqual({
      ok: true,
      value: { sourceUrl: url, format: 'statuspage-json', provider: 'Cursor', health: 'degraded', activeIncidents: 1, foundVia: 'statuspage-json document at this URL' },
    });
  });

  it('returns fetch-failed for an HTML page', async () => {
    const preview = createPreview({ fetch: fetchServing(readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html'), 200, 'text/html'), userAgent: 'StatusTray/test', now: () => NOW });
    const r = await preview('https://status.streamyard.com/history');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('fetch-failed');
  });

  it('returns fetch-failed for an HTTP error and for a network failure', async () => {
    const p404 = createPreview({ fetch: fetchServing('nope', 404, 'text/plain'), userAgent: 'StatusTray/test', now: () => NOW });
    expect(await p404('https://x.example/feed')).toMatchObject({ ok: false, error: { code: 'fetch-failed' } });
    const refused: FetchPort = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const pNet = createPreview({ fetch: refused, userAgent: 'StatusTray/test', now: () => NOW });
    expect(await pNet('https://x.example/feed')).toMatchObject({ ok: false, error: { code: 'fetch-failed' } });
  });
});
