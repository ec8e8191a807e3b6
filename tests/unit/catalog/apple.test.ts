/**
 * Apple and Apple Developer in the catalog: each seed row is Apple's data document plus a filter on the service
 * as the document names it. The filter tests run on the hand-written fixtures in tests/fixtures/apple/ (modelled
 * on insidegui/StatusBuddy's captures; see the README there) through the real dispatcher.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCatalogFilter } from '../../../shared/engine/filter';
import { appleFilter } from '../../../shared/catalog/cloud-filters';
import { CATALOG, getCatalogEntry } from '../../../shared/catalog/index';
import type { SeedService } from '../../../shared/catalog/build-catalog';
import type { ProviderStatus } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { REPO_ROOT, SHARED_DIR } from '../../support/feeds';

const APPLE_SOURCE = 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js';
const DEVELOPER_SOURCE = 'https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js';
const NOW = Date.parse('2026-10-01T12:00:00Z');

const seed = JSON.parse(readFileSync(resolve(SHARED_DIR, 'catalog-seed/services.json'), 'utf8')) as SeedService[];
const appleSeed = seed.filter((s) => s.platform === 'apple');

function parseFixture(name: string, url: string): Promise<ProviderStatus> {
  return parseDocument(readFileSync(resolve(REPO_ROOT, 'tests/fixtures/apple', name), 'utf8'), { url, now: NOW });
}

/** What an entry's filter leaves of a document: component names and open incident ids. */
function narrowed(status: ProviderStatus, id: string): { components: string[]; active: string[]; health: string } {
  const entry = getCatalogEntry(id);
  if (!entry) throw new Error(`no catalog entry ${id}`);
  const s = applyCatalogFilter(status, entry.filter);
  return { components: s.components.map((c) => c.name), active: s.activeIncidents.map((i) => i.id), health: s.health };
}

describe('Apple catalog entries', () => {
  it('every Apple seed row is an entry on the data document of its page', () => {
    const apple = CATALOG.filter((e) => e.platform === 'apple');
    expect(apple).toHaveLength(appleSeed.length);
    for (const e of apple) {
      expect(e.format).toBe('apple-json');
      expect(e.tags).toContain('apple');
      const developer = e.pageUrl === 'https://developer.apple.com/system-status/';
      expect(e.sourceUrl, e.id).toBe(developer ? DEVELOPER_SOURCE : APPLE_SOURCE);
    }
    expect(getCatalogEntry('apple-account')?.sourceUrl).toBe(APPLE_SOURCE);
    expect(getCatalogEntry('apple-account-developer')?.sourceUrl).toBe(DEVELOPER_SOURCE);
  });

  it('the "(All)" rows watch the whole document; every other row names its service', () => {
    expect(getCatalogEntry('apple-all')?.filter).toBeUndefined();
    expect(getCatalogEntry('apple-developer-all')?.filter).toBeUndefined();
    const filtered = CATALOG.filter((e) => e.platform === 'apple' && e.filter);
    expect(filtered).toHaveLength(appleSeed.length - 2);
    for (const e of filtered) expect(e.filter?.components?.length, e.id).toBeGreaterThan(0);
  });

  // Display name → serviceName pairs from inket/stts stts/Services/Generated/AppleServices.swift, which
  // Scripts/generate_apple_services.swift writes from Apple's documents.
  it.each([
    ['Apple iCloud Mail', 'iCloud Mail'],
    ['Apple App Store', 'App Store'],
    ['Apple Music', 'Apple Music'],
    ['AppleCare on Device', 'AppleCare on Device'],
    ['Apple iCloud Account & Sign In', 'iCloud Account & Sign In'],
    ['Apple Account', 'Account'],
    ['Apple Account (Developer)', 'Account'],
    ['Apple Developer Forums', 'Apple Developer Forums'],
    ['Apple Pay - Developer', 'Apple Pay - Developer'],
    ['Apple Xcode Cloud', 'Xcode Cloud'],
  ])('appleFilter(%s) selects the service "%s"', (name, serviceName) => {
    expect(appleFilter(name)?.components).toContain(serviceName);
  });

  it('appleFilter: no filter for the category rows; " (Developer)" is never part of a service name', () => {
    expect(appleFilter('Apple (All)')).toBeUndefined();
    expect(appleFilter('Apple Developer (All)')).toBeUndefined();
    expect(appleFilter('Apple Account (Developer)')).toEqual({ components: ['Apple Account', 'Account'] });
    expect(appleFilter('AppleCare on Device')).toEqual({ components: ['AppleCare on Device'] });
  });
});

describe('Apple entries narrow the parsed document to their service', () => {
  it('Apple iCloud Mail sees only iCloud Mail and its open outage', async () => {
    const s = await parseFixture('system_status_en_US.js', APPLE_SOURCE);
    expect(s.health).toBe('major_outage'); // iCloud Drive is down too
    expect(narrowed(s, 'apple-icloud-mail')).toEqual({ components: ['iCloud Mail'], active: ['1000001002'], health: 'partial_outage' });
    expect(narrowed(s, 'apple-icloud-drive')).toEqual({ components: ['iCloud Drive'], active: ['1000001003'], health: 'major_outage' });
  });

  it('matches names Apple writes with entities, and services whose name starts with "Apple"', async () => {
    const s = await parseFixture('system_status_en_US.js', APPLE_SOURCE);
    expect(narrowed(s, 'apple-icloud-account-sign-in')).toEqual({ components: ['iCloud Account & Sign In'], active: [], health: 'operational' });
    expect(narrowed(s, 'apple-music')).toEqual({ components: ['Apple Music'], active: [], health: 'operational' });
    expect(narrowed(s, 'apple-business-manager')).toEqual({ components: ['Apple Business Manager'], active: ['2000001004'], health: 'maintenance' });
  });

  it('keeps a service’s resolved and scheduled events, and nobody else’s', async () => {
    const s = await parseFixture('system_status_en_US.js', APPLE_SOURCE);
    const keychain = applyCatalogFilter(s, getCatalogEntry('apple-icloud-keychain')?.filter);
    expect(keychain.recentIncidents.map((i) => i.id)).toEqual(['2000001001']);
    expect(keychain.scheduledMaintenances).toEqual([]);
    const maps = applyCatalogFilter(s, getCatalogEntry('apple-maps-display')?.filter);
    expect(maps.scheduledMaintenances.map((i) => i.id)).toEqual(['2000001005']);
    expect(maps.recentIncidents).toEqual([]);
  });

  it('Apple (All) is the whole document', async () => {
    const s = await parseFixture('system_status_en_US.js', APPLE_SOURCE);
    expect(applyCatalogFilter(s, getCatalogEntry('apple-all')?.filter)).toBe(s);
  });

  it('developer services: a trailing space in Apple’s name still matches; a shared maintenance shows only where it is open', async () => {
    const s = await parseFixture('developer_system_status_en_US.js', DEVELOPER_SOURCE);
    expect(narrowed(s, 'apple-app-store-connect-app-processing')).toEqual({ components: ['App Store Connect - App Processing'], active: [], health: 'operational' });
    expect(narrowed(s, 'apple-videos')).toEqual({ components: ['Videos'], active: ['2000002001'], health: 'maintenance' });
    expect(narrowed(s, 'apple-app-store-connect')).toEqual({ components: ['App Store Connect'], active: [], health: 'operational' });
    expect(narrowed(s, 'apple-account-developer')).toEqual({ components: ['Account'], active: [], health: 'operational' });
  });
});
