import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type ListedPage, type SeedService } from '../../../shared/catalog/build-catalog';
import { CATALOG, findCatalogEntry, getCatalogEntry } from '../../../shared/catalog/index';
import { PLATFORM_RULES } from '../../../shared/catalog/platforms';
import { REPO_ROOT, SHARED_DIR } from '../../support/feeds';

const seed = JSON.parse(readFileSync(resolve(SHARED_DIR, 'catalog-seed/services.json'), 'utf8')) as SeedService[];
const listed = JSON.parse(readFileSync(resolve(REPO_ROOT, 'shared/catalog/sources/statusphere-pages.json'), 'utf8')) as ListedPage[];
const SLICE_PLATFORMS = new Set(['aws', 'gcp', 'azure', 'apple']);
/** Platforms whose document lives on the status page's own host. */
const PAGE_HOSTED = new Set(['statuspage', 'incidentio', 'instatus', 'betterstack', 'cachet', 'gatus', 'cstate', 'site24x7', 'uptimekuma', 'hund']);

describe('catalog.json', () => {
  it('has at least 1,000 independent services besides the big-cloud slices', () => {
    const independent = CATALOG.filter((e) => !SLICE_PLATFORMS.has(e.platform));
    expect(independent.length).toBeGreaterThanOrEqual(1000);
    expect(CATALOG.length - independent.length).toBeGreaterThanOrEqual(600);
  });

  it('the READMEs state the real numbers', () => {
    const independent = CATALOG.filter((e) => !SLICE_PLATFORMS.has(e.platform));
    const platforms = new Set(independent.map((e) => e.platform)).size;
    const say = (n: number) => n.toLocaleString('en-US');
    const line = `${say(independent.length)} services on ${platforms} platforms, plus ${say(CATALOG.length - independent.length)} AWS,`;
    for (const file of ['README.md', 'shared/catalog/README.md']) {
      expect(readFileSync(resolve(REPO_ROOT, file), 'utf8').replace(/\s+/g, ' '), file).toContain(line);
    }
  });

  it('is exactly what the generator makes from the seed and listed pages (regenerate with npm run catalog)', () => {
    expect(buildCatalog(seed, undefined, listed).entries).toEqual(CATALOG);
  });

  it('has entries on the issue 13 platforms, each with the source its platform documents', () => {
    const on = (platform: string) => CATALOG.filter((e) => e.platform === platform).map((e) => e.id);
    for (const p of ['instatus', 'betterstack', 'statusio', 'cachet', 'gatus', 'statuspal', 'sorry', 'site24x7', 'cstate', 'hund', 'freshstatus']) expect(on(p).length, p).toBeGreaterThan(0);
    expect(getCatalogEntry('gitlab')?.sourceUrl).toBe('https://api.status.io/1.0/status/5b36dc6502d06804c08349f7');
    expect(getCatalogEntry('pingdom')?.sourceUrl).toBe('https://api.sorryapp.com/v1/pages/2273/components');
    expect(getCatalogEntry('yoti')?.sourceUrl).toBe('https://status.yoti.com/api/v1/components');
    expect(getCatalogEntry('railway')?.sourceUrl).toBe('https://status.railway.app/summary.json');
    expect(getCatalogEntry('civo')?.sourceUrl).toBe('https://status.civo.com/index.json');
    expect(getCatalogEntry('scraperapi')?.sourceUrl).toBe('https://scraperapi.hund.io/live/v2/status_page');
    expect(getCatalogEntry('wikitide')?.sourceUrl).toBe('https://status.wikitide.com/live/v2/status_page');
    // Freshservice was a presumed Statuspage page in Statusphere's list; it runs on Freshstatus (account 3616).
    expect(getCatalogEntry('freshservice')).toMatchObject({ platform: 'freshstatus', sourceUrl: 'https://public-api.freshstatus.io/v1/public-components/?account_id=3616' });
    expect(getCatalogEntry('freshservice')?.presumed).toBeUndefined();
  });

  it('marks only Statuspage platforms taken on trust from a list as presumed', () => {
    const presumed = CATALOG.filter((e) => e.presumed);
    expect(presumed.length).toBeGreaterThan(0);
    expect(new Set(presumed.map((e) => e.platform))).toEqual(new Set(['statuspage']));
    // Services the seed knows to run elsewhere (Algolia, Stripe: stts reads their own APIs) are not presumed Statuspage.
    expect(CATALOG.some((e) => /^https:\/\/status\.(algolia|stripe)\.com$/.test(e.pageUrl))).toBe(false);
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
    if (PAGE_HOSTED.has(e.platform)) {
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
        { name: 'Unknown Sorry Page', statusPageUrl: 'https://status.sorry.example', platform: 'sorry' },
        { name: 'Sub Page', statusPageUrl: 'https://status.example.com/eu', platform: 'incidentio' },
        { name: 'Not A URL', statusPageUrl: 'status.example.com', platform: 'statuspage' },
        { name: 'Example', statusPageUrl: 'https://status.example.com/', platform: 'statuspage' },
      ],
      [],
    );
    expect(entries.map((e) => e.id)).toEqual(['example']);
    expect(entries[0]?.pageUrl).toBe('https://status.example.com');
    expect(skipped.map((s) => s.name)).toEqual(['Unknown Sorry Page', 'Sub Page', 'Not A URL']);
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
      [{ name: 'Grafana', statusPageUrl: 'https://grafana.statuspage.io', platform: 'statuspage' }],
      [{ name: 'Grafana', statusPageUrl: 'https://status.grafana.com', platform: 'statuspage' }],
    );
    expect(entries.map((e) => e.sourceUrl)).toEqual(['https://status.grafana.com/api/v2/summary.json']);
  });

  it('completes seed rows whose source needs an id (Status.io, Sorry) and re-files stts "other" rows (Civo → cState)', () => {
    const { entries } = buildCatalog(
      [
        { name: 'GitLab', statusPageUrl: 'https://status.gitlab.com', platform: 'statusio' },
        { name: 'Postmark', statusPageUrl: 'https://status.postmarkapp.com', platform: 'sorry' },
        { name: 'Civo', statusPageUrl: 'https://status.civo.com/', platform: 'other' },
      ],
      [],
    );
    expect(entries.map((e) => [e.id, e.platform, e.sourceUrl, e.format])).toEqual([
      ['civo', 'cstate', 'https://status.civo.com/index.json', 'cstate-json'],
      ['gitlab', 'statusio', 'https://api.status.io/1.0/status/5b36dc6502d06804c08349f7', 'statusio-json'],
      ['postmark', 'sorry', 'https://api.sorryapp.com/v1/pages/12903/components', 'sorry-json'],
    ]);
  });

  it('adds listed pages only for new hosts and names, presuming Statuspage unless the host says otherwise', () => {
    const { entries, listedSkipped } = buildCatalog(
      [{ name: 'Algolia', statusPageUrl: 'https://status.algolia.com', platform: 'other' }],
      [],
      [
        { name: 'algolia', statusPageUrl: 'https://status.algolia.com' },
        { name: 'codefresh', statusPageUrl: 'http://status.codefresh.io' },
        { name: 'Codefresh again', statusPageUrl: 'https://status.codefresh.io/' },
        { name: 'Currents', statusPageUrl: 'https://currents.instatus.com' },
        { name: 'Acme-Cloud-Apps', statusPageUrl: 'https://acme.statuspage.io' },
        { name: 'Fresh', statusPageUrl: 'https://fresh.freshstatus.io' },
        { name: 'Deep', statusPageUrl: 'https://status.example.com/services/1' },
      ],
    );
    expect(entries.map((e) => [e.name, e.platform, e.sourceUrl, e.presumed ?? false])).toEqual([
      ['Acme Cloud Apps', 'statuspage', 'https://acme.statuspage.io/api/v2/summary.json', false],
      ['Codefresh', 'statuspage', 'https://status.codefresh.io/api/v2/summary.json', true],
      ['Currents', 'instatus', 'https://currents.instatus.com/summary.json', false],
    ]);
    expect(listedSkipped).toBe(4);
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
