import { describe, expect, it } from 'vitest';
import { statusError } from '../../../shared/engine/http/fetch-errors';
import { FormatError } from '../../../shared/formats/types';
import { parseDocument } from '../../../shared/formats/registry';
import { errorAdvice, errorMessage, errorShort, retryOffer } from '../../../shared/presentation/source-error-text';
import type { SourceError } from '../../../shared/domain/types';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 8, 26, 1, 0, 0);

/** The SourceError the engine keeps for a document the registry refused (as poll-source.ts builds it). */
async function refused(body: string, url: string): Promise<SourceError> {
  try {
    await parseDocument(body, { url, now: NOW });
  } catch (err) {
    if (err instanceof FormatError) return { code: err.code, message: err.message, at: NOW };
  }
  throw new Error('the registry read it');
}

describe('errors the engine really produces', () => {
  it('says a 503 once: no "(HTTP 503)" after "503 Service Unavailable"', () => {
    const error = statusError(503, 'https://www.githubstatus.com/api/v2/summary.json', NOW);
    expect(errorMessage(error).match(/503/g)).toHaveLength(1);
    expect(errorShort(error)).toBe('HTTP 503');
  });

  it('adds the status where the sentence lacks it', () => {
    expect(errorMessage({ message: 'The server closed the connection.', httpStatus: 502 })).toBe('The server closed the connection. (HTTP 502)');
  });

  it('calls an HTML page a web page, and broken JSON not', async () => {
    const html = await refused(readFeed('malformed/streamyard-history-page-html-not-feed-2024-06.html'), 'https://status.streamyard.com/history');
    expect(errorShort(html)).toBe('got a web page');
    expect(errorAdvice(html)).toMatch(/web page/);

    const cut = readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json').slice(0, 900);
    const broken = await refused(cut, 'https://status.cursor.com/api/v2/summary.json');
    expect(errorAdvice(broken)).not.toMatch(/web page/);
    expect(errorShort(broken)).not.toMatch(/web page/);
  });

  it('calls an empty body empty', async () => {
    const empty = await refused('', 'https://status.example.com/feed');
    expect(errorShort(empty)).toBe('empty document');
    expect(errorAdvice(empty)).toMatch(/sent nothing/);
  });

  it('advice never repeats the sentence', () => {
    for (const status of [404, 410, 403, 429, 500, 503]) {
      const error = statusError(status, 'https://status.example.com/x', NOW, status === 429 ? 60_000 : undefined);
      expect(errorMessage(error).includes(errorAdvice(error))).toBe(false);
    }
  });
});

describe('retryOffer', () => {
  it('offers no Retry while the page asked to wait, and says when the next try is', () => {
    const limited = statusError(429, 'https://status.example.com/x', NOW, 3_600_000);
    expect(retryOffer(limited, NOW + 3_600_000, NOW)).toEqual({ retry: false, nextTryAt: NOW + 3_600_000 });
    expect(retryOffer(limited, NOW - 1, NOW)).toEqual({ retry: true });
    expect(retryOffer(statusError(503, 'https://status.example.com/x', NOW), NOW + 60_000, NOW)).toEqual({ retry: true });
  });
});
