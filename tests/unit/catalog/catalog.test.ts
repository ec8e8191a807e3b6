import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type SeedService } from '../../../shared/catalog/build-catalog';
import { CATALOG, findCatalogEntry, getCatalogEntry } from '../../../shared/catalog/index';
import { PLATFORM_RULES } from '../../../shared/catalog/platforms';
import { SHARED_DIR } from '../../support/feeds';

const seed = JSON.parse(readFileSync(resolve(SHARED_DIR, 'catalog-seed/services.json'), 'utf8')) as SeedService[];

describe('catalog.json', () => {
  it('has at least 300 entries', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(300);
  });

  it('is exactly what the generator makes from the seed (regenerate with npx tsx build/scripts/generate-catalog.ts)', () => {
    expect(buildCatalog(seed).entries).toEqual(CATALOG);
  });

  it('has unique ids and unique names, sorted by id', () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CATALOG.map((e) => e.name.toLowerCase())).size).toBe(CATALOG.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(CATALOG.map((e) => [e.id, e] as const))('%s is well-formed', (_id, e) => {
    expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(e.name.trim()).toBe(e.name);
    expect(e.name.length).toBeGreaterThan(0);
    const page = new URL(e.pageUrl);
    expect(page.protocol).toBe('https:');
    expect(e.pageUrl.endsWith('/') && page.pathname === '/').toBe(false);
    const rule = PLATFORM_RULES[e.platform];
    expect(rule, `unknown platform ${e.platform}`).toBeDefined();
    expect(e.sourceUrl).toMatch(rule.pattern);
    expect(e.format).toBe(rule.format);
    if (e.platform === 'statuspage' || e.platform === 'incidentio' || e.platform === 'instatus' || e.platform === 'betterstack' || e.platform === 'statusio') {
      // Page-hosted platforms serve the source from the page's own host.
      expect(new URL(e.sourceUrl).host).toBe(page.host);
    }
    expect(e.tags.length).toBeGreaterThan(0);
    expect([...e.tags].sort()).toEqual(e.tags);
    for (const t of e.tags) expect(t).toMatch(/^[a-z]+(-[a-z]+)*$/);
    if (e.filter) {
      expect(['aws', 'gcp', 'azure', 'apple']).toContain(e.platform);
      const lists = [e.filter.components, e.filter.regions].filter((l) => l !== undefined);
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) expect(l.length).toBeGreaterThan(0);
    }
  });

  it('watches part of a big cloud through a filter', () => {
    expect(getCatalogEntry('aws-n-virginia')?.filter?.regions).toContain('us-east-1');
    expect(getCatalogEntry('amazon-elastic-compute-cloud')?.filter?.components).toContain('ec2');
    expect(getCatalogEntry('aws-all')?.filter).toBeUndefined();
    expect(getCatalogEntry('google-bigquery')?.filter?.components).toEqual(['Google BigQuery', 'BigQuery']);
    expect(getCatalogEntry('azure-europe')?.filter).toEqual({ regions: ['Europe'] });
  });

  it('includes the well-known services the issue names', () => {
    const want = { github: 'code-hosting', openai: 'ai', anthropic: 'ai', claude: 'ai', cloudflare: 'cdn', gitlab: 'code-hosting', digitalocean: 'cloud' };
    for (const [id, tag] of Object.entries(want)) expect(getCatalogEntry(id)?.tags, id).toContain(tag);
    expect(getCatalogEntry('github')?.sourceUrl).toBe('https://www.githubstatus.com/api/v2/summary.json');
    expect(getCatalogEntry('openai')?.sourceUrl).toBe('https://status.openai.com/history.rss');
  });
});

describe('buildCatalog', () => {
  it('skips platforms without a derivable source and says why', () => {
    const { entries, skipped } = buildCatalog(
      [
        { name: 'Pingdom', statusPageUrl: 'https://status.pingdom.com', platform: 'sorry' },
        { name: 'Sub Page', statusPageUrl: 'https://status.example.com/eu', platform: 'incidentio' },
        { name: 'Not A URL', statusPageUrl: 'status.example.com', platform: 'statuspage' },
        { name: 'Example', statusPageUrl: 'https://status.example.com/', platform: 'statuspage' },
      ],
      [],
    );
    expect(entries.map((e) => e.id)).toEqual(['example']);
    expect(entries[0]?.pageUrl).toBe('https://status.example.com');
    expect(skipped.map((s) => s.name)).toEqual(['Pingdom', 'Sub Page', 'Not A URL']);
  });

  it('upgrades http pages to https', () => {
    const { entries } = buildCatalog([{ name: 'Old', statusPageUrl: 'http://status.old.example', platform: 'statuspage' }], []);
    expect(entries[0]?.sourceUrl).toBe('https://status.old.example/api/v2/summary.json');
  });

  it('refuses two names that slug to the same id', () => {
    expect(() =>
      buildCatalog(
        [
          { name: 'Fly.io', statusPageUrl: 'https://a.example', platform: 'statuspage' },
          { name: 'Fly io', statusPageUrl: 'https://b.example', platform: 'statuspage' },
        ],
        [],
      ),
    ).toThrow(/fly-io/);
  });

  it('lets a hand-made addition replace a seed row with the same id', () => {
    const { entries } = buildCatalog(
      [{ name: 'GitLab', statusPageUrl: 'https://status.gitlab.com', platform: 'statusio' }],
      [{ name: 'GitLab', statusPageUrl: 'https://status.gitlab.com', platform: 'statusio', sourceUrl: 'https://status.gitlab.com/pages/5b36dc6502d06804c08349f7/rss' }],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.sourceUrl).toMatch(/\/rss$/);
  });

  it('refuses an AWS region it does not know rather than watching all of AWS', () => {
    expect(() => buildCatalog([{ name: 'AWS (Atlantis)', statusPageUrl: 'https://health.aws.amazon.com/health/status', platform: 'aws' }], [])).toThrow(/Atlantis/);
  });
});

describe('findCatalogEntry', () => {
  it.each([
    ['github', 'github'],
    ['GitHub', 'github'],
    ['  openai ', 'openai'],
    ['www.githubstatus.com', 'github'],
    ['https://www.githubstatus.com/', 'github'],
    ['AWS (N. Virginia)', 'aws-n-virginia'],
    ['aws', 'aws-all'],
    ['gcp', 'google-cloud-platform-all'],
    ['apple', 'apple-all'],
    ['Apple iCloud Mail', 'apple-icloud-mail'],
  ])('%s → %s', (input, id) => {
    expect(findCatalogEntry(input)?.id).toBe(id);
  });

  it('does not guess', () => {
    expect(findCatalogEntry('git')).toBeUndefined();
    expect(findCatalogEntry('')).toBeUndefined();
  });

  it('narrows an AWS service to a region with @region', () => {
    const e = findCatalogEntry('amazon-elastic-compute-cloud@us-east-1');
    expect(e?.filter).toEqual({ components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] });
    expect(e?.id).toBe('amazon-elastic-compute-cloud@us-east-1');
    // The catalog itself is not modified.
    expect(getCatalogEntry('amazon-elastic-compute-cloud')?.filter?.regions).toBeUndefined();
    expect(findCatalogEntry('amazon-elastic-compute-cloud@atlantis-1')).toBeUndefined();
    expect(findCatalogEntry('github@us-east-1')).toBeUndefined();
  });
});
