/**
 * Hand-made catalog entries for well-known services missing from the seed (or on a platform whose source the
 * seed's URL cannot give). Only pages whose platform and address are publicly documented or widely used.
 */
import type { CatalogPlatform } from './types';

/** A hand-made entry before ids, sources and tags are derived (same shape as a seed row, plus an optional source). */
export interface CatalogAddition {
  name: string;
  statusPageUrl: string;
  platform: CatalogPlatform;
  /** Only for platforms whose source cannot be derived from the page URL (Status.io, Sorry, Site24x7, Freshstatus). */
  sourceUrl?: string;
}

export const CATALOG_ADDITIONS: readonly CatalogAddition[] = [
  // Anthropic's page for Claude; the seed's "Anthropic" (status.anthropic.com) is kept alongside.
  { name: 'Claude', statusPageUrl: 'https://status.claude.com', platform: 'statuspage' },
  { name: 'Supabase', statusPageUrl: 'https://status.supabase.com', platform: 'statuspage' },
  { name: 'PlanetScale', statusPageUrl: 'https://www.planetscalestatus.com', platform: 'statuspage' },
  { name: 'Postman', statusPageUrl: 'https://status.postman.com', platform: 'statuspage' },
  { name: 'Grafana', statusPageUrl: 'https://status.grafana.com', platform: 'statuspage' },
  { name: 'Honeycomb', statusPageUrl: 'https://status.honeycomb.io', platform: 'statuspage' },
  // Cachet pages: Yoti documents its Cachet API (status.yoti.com/api/v1/components, see
  // tests/fixtures/platforms/cachet); openSUSE and Sonassi are Cachet providers in dogsbodytech/statuspile (MIT).
  { name: 'Yoti', statusPageUrl: 'https://status.yoti.com', platform: 'cachet' },
  { name: 'openSUSE', statusPageUrl: 'https://status.opensuse.org', platform: 'cachet' },
  { name: 'Sonassi', statusPageUrl: 'https://status.sonassi.com', platform: 'cachet' },
  // Gatus: its author's own dashboard, named in the Gatus README ("https://status.twin.sh/").
  { name: 'TwiN', statusPageUrl: 'https://status.twin.sh', platform: 'gatus' },
  // Hund pages on their owners' domains: WikiTide's zone file points `status` at wikitide.hund.io
  // (WikiTideOrg/dns zones/wikitide.com); a probe of Console Group's hosts records status.console.com.au as
  // "Hund.io status page (CNAME console.hund.io)" (api-evangelist/console-group security/…domain-security.yml);
  // Stanford's Sherlock docs embed Hund's status.js widget for status.sherlock.stanford.edu
  // (stanford-rc/www.sherlock.stanford.edu).
  { name: 'WikiTide', statusPageUrl: 'https://status.wikitide.com', platform: 'hund' },
  { name: 'Console Group', statusPageUrl: 'https://status.console.com.au', platform: 'hund' },
  { name: 'Stanford Sherlock', statusPageUrl: 'https://status.sherlock.stanford.edu', platform: 'hund' },
  // Freshstatus: updates.freshservice.com is account 3616 on Freshstatus's public API, read unauthenticated by a
  // public health check and by several scripts (see tests/fixtures/platforms/freshstatus/MANIFEST.md).
  {
    name: 'Freshservice',
    statusPageUrl: 'https://updates.freshservice.com',
    platform: 'freshstatus',
    sourceUrl: 'https://public-api.freshstatus.io/v1/public-components/?account_id=3616',
  },
];
