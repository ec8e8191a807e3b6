import { describe, expect, it } from 'vitest';
import { describeFilter, PLATFORM_LABEL, platformLabel, searchServices } from '../../../shared/app/catalog-search';
import { CATALOG, searchCatalog } from '../../../shared/catalog/index';

describe('searchServices', () => {
  it('puts an AWS service narrowed to the typed region first, with both lists in its filter', () => {
    for (const query of ['ec2 us-east-1', 'AWS us-east-1 EC2', 'us-east-1 ec2']) {
      const [first] = searchServices(query);
      expect(first).toMatchObject({
        id: 'amazon-elastic-compute-cloud@us-east-1',
        name: 'Amazon Elastic Compute Cloud (us-east-1)',
        sourceUrl: 'https://status.aws.amazon.com/rss/all.rss',
        filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] },
      });
    }
    expect(searchServices('us-west-2 lambda').map((e) => e.id)).toContain('aws-lambda@us-west-2');
  });

  it('narrows to every region a partial code names ("us-east" is us-east-1 and us-east-2), service by service', () => {
    const ids = searchServices('aws ec2 us-east', 8).map((e) => e.id);
    expect(ids.slice(0, 2)).toEqual(['amazon-elastic-compute-cloud@us-east-1', 'amazon-elastic-compute-cloud@us-east-2']);
    expect(ids.some((id) => id.includes('@us-gov-east-1'))).toBe(false);
    expect(searchServices('eu-west lambda').map((e) => e.id)).toEqual(expect.arrayContaining(['aws-lambda@eu-west-1', 'aws-lambda@eu-west-2']));
  });

  it('does not narrow to a partial code too vague to mean a few regions', () => {
    expect(searchServices('lambda us', 8).some((e) => e.id.includes('@'))).toBe(false);
  });

  it('leaves plain searches and region-only searches to the catalog', () => {
    expect(searchServices('github', 5)).toEqual(searchCatalog('github', 5));
    expect(searchServices('us-east-1', 5)).toEqual(searchCatalog('us-east-1', 5));
    expect(searchServices('us-east-1', 5).some((e) => e.id.includes('@'))).toBe(false);
  });

  it('does not narrow non-AWS entries or entries that already name a region', () => {
    const ids = searchServices('compute engine us-east-1', 8).map((e) => e.id);
    expect(ids.some((id) => id.startsWith('google-compute-engine@'))).toBe(false);
  });

  it('returns at most `limit` entries and none for a blank query', () => {
    expect(searchServices('ec2 us-east-1', 2)).toHaveLength(2);
    expect(searchServices('   ')).toEqual([]);
    expect(searchServices('aws', 0)).toEqual([]);
  });
});

describe('labels', () => {
  it('has a platform label for every platform in the catalog', () => {
    for (const entry of CATALOG) expect(PLATFORM_LABEL[entry.platform]).toBeTruthy();
    expect(platformLabel('statuspage')).toBe('Statuspage');
    expect(platformLabel('not-yet-labelled')).toBe('not-yet-labelled');
  });

  it('describes a filter by the first name of each list', () => {
    expect(describeFilter({ components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] })).toBe('Amazon Elastic Compute Cloud in us-east-1');
    expect(describeFilter({ regions: ['me-central-1', 'UAE'] })).toBe('me-central-1');
    expect(describeFilter(undefined)).toBeUndefined();
  });
});
