import { describe, expect, it } from 'vitest';
import { searchCatalog } from '../../../shared/catalog/index';
import { rankEntries, toSearchable } from '../../../shared/catalog/search';
import { foldText, slugify } from '../../../shared/domain/text';
import type { CatalogEntry } from '../../../shared/catalog/types';

function entry(id: string, name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    name,
    pageUrl: `https://status.${id}.example`,
    platform: 'statuspage',
    sourceUrl: `https://status.${id}.example/api/v2/summary.json`,
    format: 'statuspage-json',
    tags: ['saas'],
    ...extra,
  };
}

const small = [
  entry('gitbook', 'GitBook'),
  entry('github', 'GitHub', { tags: ['code-hosting'] }),
  entry('legit-hub', 'Legit Hub'),
  entry('zurich-cloud', 'Zürich Cloud'),
  entry('aws-lambda', 'AWS Lambda', { platform: 'aws', filter: { components: ['AWS Lambda', 'lambda'] } }),
  entry('aws-all', 'AWS (All)', { platform: 'aws' }),
].map(toSearchable);

describe('text folding', () => {
  it('folds case and diacritics and slugs punctuation', () => {
    expect(foldText('  Zürich   ÉTÉ ')).toBe('zurich ete');
    expect(slugify("Let's Encrypt")).toBe('let-s-encrypt');
    expect(slugify('AWS (N. Virginia)')).toBe('aws-n-virginia');
  });
});

describe('rankEntries', () => {
  it('puts the exact name first, then prefixes, then inner words', () => {
    expect(rankEntries(small, 'github', 10).map((e) => e.id)).toEqual(['github', 'legit-hub']);
    expect(rankEntries(small, 'git', 10).map((e) => e.id)).toEqual(['github', 'gitbook', 'legit-hub']);
    expect(rankEntries(small, 'hub', 10).map((e) => e.id)).toEqual(['legit-hub', 'github']);
  });

  it('ignores case and diacritics', () => {
    expect(rankEntries(small, 'ZURICH', 10).map((e) => e.id)).toEqual(['zurich-cloud']);
    expect(rankEntries(small, 'zür', 10).map((e) => e.id)).toEqual(['zurich-cloud']);
  });

  it('ranks the provider-wide entry above filtered ones on a tie', () => {
    expect(rankEntries(small, 'aws', 10).map((e) => e.id)).toEqual(['aws-all', 'aws-lambda']);
  });

  it('matches filter names and tags', () => {
    expect(rankEntries(small, 'lambda', 10).map((e) => e.id)).toEqual(['aws-lambda']);
    expect(rankEntries(small, 'code-hosting', 10).map((e) => e.id)).toEqual(['github']);
  });

  it('honours the limit and returns nothing for a blank query', () => {
    expect(rankEntries(small, 'git', 1)).toHaveLength(1);
    expect(rankEntries(small, '   ', 10)).toEqual([]);
    expect(rankEntries(small, 'git', 0)).toEqual([]);
  });
});

describe('searchCatalog', () => {
  it('finds real services by name, host and AWS key', () => {
    expect(searchCatalog('github', 3)[0]?.id).toBe('github');
    expect(searchCatalog('githubstatus', 3)[0]?.id).toBe('github');
    expect(searchCatalog('ec2', 3)[0]?.id).toBe('amazon-elastic-compute-cloud');
    expect(searchCatalog('us-east-1', 3)[0]?.id).toBe('aws-n-virginia');
    expect(searchCatalog('cloud flare', 3)[0]?.id).toBe('cloudflare');
  });

  it('defaults to 20 results', () => {
    expect(searchCatalog('amazon')).toHaveLength(20);
  });
});
