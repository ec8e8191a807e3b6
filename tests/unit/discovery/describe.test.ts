import { describe, expect, it } from 'vitest';
import { describeDiscovery } from '../../../shared/discovery/describe';
import { discoverSource, type DiscoveryDeps } from '../../../shared/discovery/discover';
import { parseDocument } from '../../../shared/formats/registry';
import type { FetchOutcome } from '../../../shared/engine/http/types';
import { readFeed } from '../../support/feeds';

const deps = (body?: string): DiscoveryDeps => ({
  fetchSource: async (req): Promise<FetchOutcome> =>
    body === undefined
      ? { kind: 'error', error: { code: 'gone', message: 'HTTP 404 Not Found', httpStatus: 404, at: 0 } }
      : { kind: 'body', body, finalUrl: req.url, contentHash: 'x', bytes: body.length, wireBytes: body.length },
  parseDocument,
  fetchDeps: { fetch: () => Promise.reject(new Error('unused')), userAgent: 'test', now: () => 0 },
});

describe('describeDiscovery', () => {
  it('names the source, provider, health and how it was found', async () => {
    const r = await discoverSource('amazon-elastic-compute-cloud@us-east-1', deps(readFeed('aws/aws-all-rss-2026-08-18.rss')));
    const text = describeDiscovery(r).join('\n');
    expect(text).toMatch(/^Found: https:\/\/status\.aws\.amazon\.com\/rss\/all\.rss/);
    expect(text).toMatch(/platform: aws, format: aws-rss/);
    expect(text).toMatch(/how: Known service from the catalog \(1 request\)/);
    expect(text).toMatch(/filter: Amazon Elastic Compute Cloud, ec2, us-east-1/);
  });

  it('lists every URL tried when nothing was found', async () => {
    const r = await discoverSource('https://status.example.com/', deps());
    const lines = describeDiscovery(r);
    expect(lines[0]).toMatch(/^Not found: /);
    expect(lines.filter((l) => l.startsWith('  tried '))).toHaveLength(r.tried.length);
    expect(r.tried.length).toBe(6);
  });
});
