import { describe, expect, it } from 'vitest';
import { prepareCatalogSearch, searchCatalog } from '../../../shared/catalog/index';
import { createFuzzyIndex, rankEntries, searchEntries, toSearchable } from '../../../shared/catalog/search';
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

describe('searchEntries: typos', () => {
  const fuzzy = createFuzzyIndex(small);
  const ids = (query: string) => searchEntries(small, fuzzy, query, 10).map((e) => e.id);

  it('finds the nearest names when nothing matches as typed', () => {
    expect(ids('githbu')).toEqual(['github']);
    expect(ids('zurik cloud')).toEqual(['zurich-cloud']);
    expect(ids('lamda')).toEqual(['aws-lambda']);
  });

  it('never mixes near-misses into a query that matches as typed', () => {
    expect(ids('gitbook')).toEqual(['gitbook']);
  });

  it('wants every word of the query close to something, and finds nothing for unrelated words', () => {
    expect(ids('githbu zurik')).toEqual([]);
    expect(ids('qwertyuiop')).toEqual([]);
  });

  it('builds the index only when the typo pass runs', () => {
    let built = 0;
    const lazy = () => {
      built++;
      return fuzzy;
    };
    expect(searchEntries(small, lazy, 'github', 10).map((e) => e.id)).toEqual(['github', 'legit-hub']);
    expect(built).toBe(0);
    expect(searchEntries(small, lazy, 'githbu', 10).map((e) => e.id)).toEqual(['github']);
    expect(built).toBe(1);
  });

  it('honours the limit and a blank query in the typo pass too', () => {
    expect(searchEntries(small, fuzzy, 'gitbuk', 0)).toEqual([]);
    expect(searchEntries(small, fuzzy, '  ', 10)).toEqual([]);
  });
});

describe('searchCatalog', () => {
  it('tolerates typos in real service names and finds nothing for a sentence that names none', () => {
    prepareCatalogSearch();
    expect(searchCatalog('githbu', 3)[0]?.id).toBe('github');
    expect(searchCatalog('cloudfare', 3)[0]?.id).toBe('cloudflare');
    expect(searchCatalog('atlasian', 3)[0]?.id).toBe('atlassian');
    expect(searchCatalog('status page please', 8)).toEqual([]);
  });

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
