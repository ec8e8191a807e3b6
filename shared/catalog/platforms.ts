/**
 * Where each status platform serves its machine-readable document, relative to the human status page.
 * Used by the catalog generator to derive `sourceUrl`, by the catalog test to check every entry, and by
 * discovery to build candidates. Each rule names the documentation or public usage it was verified from;
 * platforms whose document needs an id that the page URL does not carry (status.io, StatusPal) have no rule.
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
  // Instatus pages serve `/history.rss` and `/history.atom` (used by public monitors, e.g. pixrouter/hyber pages).
  instatus: {
    format: 'rss',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/history.rss` : undefined),
    pattern: new RegExp(`^https://${HOST}/history\\.rss$`),
  },
  // Better Stack: "Add /feed.rss to the end of any status page URL" (betterstack.com/docs, RSS subscriptions).
  betterstack: {
    format: 'rss',
    sourceFor: (u) => (isRootPage(u) ? `https://${u.host}/feed.rss` : undefined),
    pattern: new RegExp(`^https://${HOST}/feed\\.rss$`),
  },
  // status.io: `/pages/<page id>/rss`; the id is not in the page URL, so only hand-made entries use it.
  statusio: {
    format: 'rss',
    sourceFor: () => undefined,
    pattern: new RegExp(`^https://${HOST}/pages/[0-9a-f]{24}/rss$`),
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
