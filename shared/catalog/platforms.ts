/**
 * Where each status platform serves its machine-readable document, relative to the human status page.
 * Used by the catalog generator to derive `sourceUrl`, by the catalog test to check every entry, and by
 * discovery to build candidates. Each rule names the documentation or public usage it was verified from;
 * platforms whose document needs an id the page URL does not carry (Status.io, Sorry, Site24x7, StatusPal on a
 * custom domain) derive nothing: their entries carry the source themselves (see seed-resolutions.ts).
 */
import type { FormatId } from '../domain/types';
import type { CatalogPlatform } from './types';

/** How one platform's source is derived and recognised. */
export interface PlatformRule {
  /** Adapter expected for the source. */
  format: FormatId;
  /**
   * Source URL for a page URL, or `undefined` when it cannot be derived with confidence (for example a
   * page under a sub-path where the platform's feed location is not documented).
   */
  sourceFor(pageUrl: URL): string | undefined;
  /** What every catalog source URL on this platform looks like. */
  pattern: RegExp;
}

const HOST = String.raw`[a-z0-9.-]+\.[a-z]{2,}`;

/** True when the page sits at the root of its host (no path beyond "/"), with no query or fragment. */
function isRootPage(u: URL): boolean {
  return (u.pathname === '/' || u.pathname === '') && u.search === '' && u.hash === '';
}

/** Rules per platform. Fixed-URL platforms (AWS, Google Cloud, Azure, Slack, Apple) ignore the page's path. */
export const PLATFORM_RULES: Readonly<Record<CatalogPlatform, PlatformRule>> = {
  // Atlassian Statuspage public API v2 (https://developer.statuspage.io/ "Summary").
  statuspage: {
    format: 'statuspage-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/api/v2/summary.json` : undefined),
    pattern: new RegExp(`^https://${HOST}/api/v2/summary\\.json$`),
  },
  // incident.io pages publish `/history.rss` (captured: status.openai.com/history.rss, generator "incident.io").
  // A Statuspage-compatible /api/v2/summary.json on incident.io pages could not be verified, so it is not used.
  incidentio: {
    format: 'incidentio-feed',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/history.rss` : undefined),
    pattern: new RegExp(`^https://${HOST}/history\\.rss$`),
  },
  // Instatus: "your-status-page-url/summary.json" (instatus.com/help/api/public-data); see formats/adapters/instatus.
  instatus: {
    format: 'instatus-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/summary.json` : undefined),
    pattern: new RegExp(`^https://${HOST}/summary\\.json$`),
  },
  // Better Stack: "Add /index.json to the end of any status page URL" (betterstack.com/docs, JSON API status).
  betterstack: {
    format: 'betterstack-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/index.json` : undefined),
    pattern: new RegExp(`^https://${HOST}/index\\.json$`),
  },
  // Status.io Public Status API: api.status.io/1.0/status/<page id> (kb.status.io/developers/public-status-api);
  // the id is not in the page URL, so only entries that know it (from inket/stts) use it.
  statusio: {
    format: 'statusio-json',
    sourceFor: () => undefined,
    pattern: /^https:\/\/api\.status\.io\/1\.0\/status\/[0-9a-f]{24}$/,
  },
  // Cachet: GET /api/v1/components (docs.cachethq.io; the Yoti capture; inket/stts CachetService).
  cachet: {
    format: 'cachet-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/api/v1/components` : undefined),
    pattern: new RegExp(`^https://${HOST}/api/v1/components$`),
  },
  // StatusPal: statuspal.io/api/v2/status_pages/<subdomain>/summary (statuspal.io/api-docs/v2); the subdomain
  // is known only for pages hosted as <subdomain>.statuspal.io.
  statuspal: {
    format: 'statuspal-json',
    sourceFor: (u) => {
      const sub = /^([a-z0-9-]+)\.statuspal\.(io|eu)$/.exec(u.host);
      return sub && isRootPage(u) ? `https://statuspal.${sub[2]}/api/v2/status_pages/${sub[1]}/summary` : undefined;
    },
    pattern: /^https:\/\/statuspal\.(io|eu)\/api\/v2\/status_pages\/[a-z0-9-]+\/summary$/,
  },
  // Sorry™: api.sorryapp.com/v1/pages/<page id>/components (inket/stts SorryService); needs the page id.
  sorry: {
    format: 'sorry-json',
    sourceFor: () => undefined,
    pattern: /^https:\/\/api\.sorryapp\.com\/v1\/pages\/[A-Za-z0-9]+\/components$/,
  },
  // Site24x7 / StatusIQ: <page>/sp/api/public/summary_details/statuspages/<encoded id> (inket/stts); needs the id.
  site24x7: {
    format: 'site24x7-json',
    sourceFor: () => undefined,
    pattern: new RegExp(`^https://${HOST}/sp/api/public/summary_details/statuspages/[A-Za-z0-9_=-]+$`),
  },
  // Uptime Kuma: page /status/<slug> → /api/status-page/heartbeat/<slug> (louislam/uptime-kuma status-page-router).
  uptimekuma: {
    format: 'uptimekuma-json',
    sourceFor: (u) => {
      const slug = /^\/status\/([A-Za-z0-9_-]+)\/?$/.exec(u.pathname)?.[1];
      return slug && !u.search ? `https://${u.host}/api/status-page/heartbeat/${slug}` : undefined;
    },
    pattern: new RegExp(`^https://${HOST}(:\\d+)?/api/status-page/(heartbeat/)?[A-Za-z0-9_-]+$`),
  },
  // Gatus: /api/v1/endpoints/statuses on the dashboard's host (TwiN/gatus api/endpoint_status.go).
  gatus: {
    format: 'gatus-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/api/v1/endpoints/statuses` : undefined),
    pattern: new RegExp(`^https://${HOST}/api/v1/endpoints/statuses$`),
  },
  // cState: every site builds /index.json (cstate/cstate layouts/index.json, API version 2.0).
  cstate: {
    format: 'cstate-json',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/index.json` : undefined),
    pattern: new RegExp(`^https://${HOST}/index\\.json$`),
  },
  // Hund: the page's live event stream, /live/v2/status_page (hund.io/help/documentation/live-event-streams);
  // its REST API needs a key, the stream does not.
  hund: {
    format: 'hund-sse',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/live/v2/status_page` : undefined),
    pattern: new RegExp(`^https://${HOST}/live/v2/status_page$`),
  },
  // Freshstatus: public-api.freshstatus.io/v1/public-components/?account_id=<id>, the unauthenticated API its
  // pages read; the numeric account id is not in the page URL, so entries carry the source themselves.
  freshstatus: {
    format: 'freshstatus-json',
    sourceFor: () => undefined,
    pattern: /^https:\/\/public-api\.freshstatus\.io\/v1\/public-components\/\?account_id=\d+$/,
  },
  // AWS Health Dashboard: one RSS feed of every service and region (captured: aws-all-rss); entries filter it.
  aws: {
    format: 'aws-rss',
    sourceFor: () => 'https://status.aws.amazon.com/rss/all.rss',
    pattern: /^https:\/\/status\.aws\.amazon\.com\/rss\/all\.rss$/,
  },
  // Google's status dashboards (Cloud and Firebase share the generator) serve `/incidents.json`.
  gcp: {
    format: 'gcp-json',
    sourceFor: (u) =>
      u.host === 'status.firebase.google.com'
        ? 'https://status.firebase.google.com/incidents.json'
        : 'https://status.cloud.google.com/incidents.json',
    pattern: /^https:\/\/status\.(cloud|firebase)\.google\.com\/incidents\.json$/,
  },
  // Azure status RSS (captured: azure-status-feed, azure.status.microsoft/en-us/status/feed/).
  azure: {
    format: 'azure-rss',
    sourceFor: () => 'https://azure.status.microsoft/en-us/status/feed/',
    pattern: /^https:\/\/azure\.status\.microsoft\/en-us\/status\/feed\/$/,
  },
  // Slack status API v2.0.0 `current` (active incidents only); `/history` is its archive twin.
  slack: {
    format: 'slack-json',
    sourceFor: () => 'https://slack-status.com/api/v2.0.0/current',
    pattern: /^https:\/\/slack-status\.com\/api\/v2\.0\.0\/current$/,
  },
  // Apple System Status data documents, consumer and developer (inket/stts Apple.swift and AppleDeveloper.swift;
  // insidegui/StatusBuddy StatusProvider.swift); see formats/adapters/apple-json.
  apple: {
    format: 'apple-json',
    sourceFor: (u) =>
      u.host === 'developer.apple.com'
        ? 'https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js'
        : 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js',
    pattern: /^https:\/\/www\.apple\.com\/support\/systemstatus\/data\/(developer\/)?system_status_en_US\.js$/,
  },
};

/** Every platform the catalog uses, in a fixed order. */
export const CATALOG_PLATFORMS = Object.keys(PLATFORM_RULES) as CatalogPlatform[];
