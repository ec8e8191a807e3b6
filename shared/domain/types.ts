/**
 * The normalised domain of Status Tray: what every format adapter produces and what the change detector,
 * the UI and the notifier consume. Vocabulary follows Atlassian Statuspage's API v2
 * (https://developer.statuspage.io/ — `indicator`, component `status`, incident `status`, `impact`),
 * which most status platforms imitate. Pure types: no runtime code, safe to import from the renderer.
 *
 * Conventions: timestamps inside documents (incident and update times) are ISO 8601 strings in UTC
 * (`2026-07-09T07:04:08.000Z`); engine bookkeeping times (`lastCheckedAt`, `nextPollAt`) are numbers,
 * milliseconds since the Unix epoch.
 */

/** Statuspage's page-level rollup (`status.indicator` in summary.json). */
export type Indicator = 'none' | 'minor' | 'major' | 'critical';

/** Statuspage component status (`components[].status`). */
export type ComponentStatus =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance';

/**
 * Incident lifecycle status. The first five are Statuspage incident statuses; the last four are
 * Statuspage scheduled-maintenance statuses (`scheduled`, `in_progress`, `verifying`, `completed`).
 * Feeds that label an entry "Update" carry the status in force at that time (an "Update" does not change it).
 */
export type IncidentStatus =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'postmortem'
  | 'scheduled'
  | 'in_progress'
  | 'verifying'
  | 'completed';

/** Statuspage incident `impact`, plus `maintenance` for scheduled work. */
export type Impact = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

/**
 * Health of one provider, worst first in severity order:
 * `major_outage` > `partial_outage` > `degraded` > `maintenance` > `operational`.
 * `unknown` means never fetched successfully, erroring, or the source is gone.
 * Tray colours: red, orange, yellow, blue, green; grey for unknown.
 */
export type Health = 'operational' | 'maintenance' | 'degraded' | 'partial_outage' | 'major_outage' | 'unknown';

/** One timeline entry of an incident. */
export interface IncidentUpdate {
  /** The incident status this update put in force (an "Update" label repeats the previous status). */
  status: IncidentStatus;
  /** The label as the source wrote it ("Investigating", "Update", "Status: Resolved"), when it had one. */
  label?: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  text: string;
  /** When the update was posted, ISO 8601 UTC. */
  at: string;
  /**
   * The platform's own id of this update, where it has one and the incident has none (AWS: each RSS item's
   * guid). Lets the change detector recognise an incident whose derived id changed (see change-detector.ts).
   */
  id?: string;
}

/** An incident or a maintenance, normalised. */
export interface Incident {
  /** Stable across polls: the platform's id, else the entry's guid/id/link (see formats/read/ids). */
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  /** Status of the newest update by its own timestamp (not the first listed). */
  status: IncidentStatus;
  impact: Impact;
  /** Human page for the incident, http(s) only. */
  url?: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO 8601 UTC: time of the newest update. */
  updatedAt: string;
  /** For maintenances: planned window, ISO 8601 UTC. */
  scheduledFor?: string;
  scheduledUntil?: string;
  /** Newest first. Capped by the adapter (see formats/read/limits). */
  updates: IncidentUpdate[];
  /**
   * How many updates the document listed, present only when `updates` carries fewer: what a source keeps
   * between polls holds each incident's newest few (engine/kept-status.ts), status.db holds them all (the
   * window reads the rest with `getIncidentUpdates`). Absent: `updates` is complete.
   */
  updateCount?: number;
  /** Names of affected components, when the source says. */
  components: string[];
  /** Still open, but its newest update is older than 14 days: shown, but it no longer raises health above degraded. */
  stale?: boolean;
}

/** A component (a service, region or product area) and its current status. */
export interface Component {
  name: string;
  status: ComponentStatus;
  /** Group name, when the platform groups components (Statuspage `group_id`, a region, …). */
  group?: string;
}

/**
 * How many of an incident's newest updates the window shows before "Show all N updates" — and so how many a
 * source keeps of each incident between polls (engine/kept-status.ts); the rest are read from status.db.
 */
export const NEWEST_UPDATES_SHOWN = 3;

/** Identifier of a format adapter (see shared/formats/registry). */
export type FormatId =
  | 'statuspage-json'
  | 'statuspage-feed'
  | 'incidentio-feed'
  | 'rss'
  | 'atom'
  | 'aws-rss'
  | 'aws-json'
  | 'gcp-json'
  | 'slack-json'
  | 'upptime-json'
  | 'yandex-json'
  | 'azure-rss'
  | 'apple-json'
  | 'instatus-json'
  | 'betterstack-json'
  | 'statusio-json'
  | 'cachet-json'
  | 'gatus-json'
  | 'uptimekuma-json'
  | 'statuspal-json'
  | 'sorry-json'
  | 'site24x7-json'
  | 'cstate-json'
  | 'hund-sse'
  | 'freshstatus-json'
  /** Not a document format: the synthetic status of an endpoint check (shared/engine/checks). */
  | 'endpoint-check';

/**
 * What one successfully parsed status document says about a provider.
 * Produced by a format adapter; contains no references into the parsed document.
 */
export interface ProviderStatus {
  /** Display name as the document gives it (Statuspage `page.name`, feed title), trimmed. */
  provider: string;
  format: FormatId;
  /** Human status page, when known. */
  pageUrl?: string;
  /** Derived by domain/health from indicator, components and active incidents. */
  health: Health;
  /** Statuspage page indicator, only where the format has one. */
  indicator?: Indicator;
  /** The page's own one-line description ("All Systems Operational"), when it has one. */
  description?: string;
  components: Component[];
  /** Open incidents and in-progress maintenances (latest status not resolved/completed/postmortem), newest first. */
  activeIncidents: Incident[];
  /** Recently resolved incidents and completed maintenances, newest first, capped. */
  recentIncidents: Incident[];
  /** Upcoming maintenances (status `scheduled`), soonest first. */
  scheduledMaintenances: Incident[];
  /**
   * `active-only` when the document lists only what is open now (summary.json, unresolved.json, an empty
   * Azure feed): an incident that disappears from it has ended. `history` when it is a window of past
   * incidents: an incident that disappears merely fell off the end.
   */
  coverage: 'active-only' | 'history';
  /** When the document says it was last updated, ISO 8601 UTC. */
  documentUpdatedAt?: string;
  /** For an endpoint check (`format: 'endpoint-check'`): what the last check saw. */
  check?: CheckObservation;
}

/** What one endpoint check saw (shared/engine/checks/run-check.ts). */
export interface CheckObservation {
  /** `up`: expected answer in time; `slow`: expected answer, over the slow threshold; `down`: anything else. */
  outcome: 'up' | 'slow' | 'down';
  /** HTTP status of the last attempt, when it got one. */
  httpStatus?: number;
  /** Time to the full response body of the last attempt, ms. */
  responseTimeMs?: number;
  /** Why it is down (one sentence), when it is. */
  failure?: string;
  /** Attempts this check made (1 + retries used). */
  attempts: number;
  /** When the check finished, ms since epoch. */
  checkedAt: number;
}

/** Error classes a source can be in; the UI and CLI map each to a message and an action. */
export type SourceErrorCode =
  | 'network' // connection refused, reset, TLS failure
  | 'dns' // name not found
  | 'timeout' // connect, headers or total deadline passed
  | 'http' // other unexpected status (5xx, 4xx not listed below)
  | 'gone' // 404, 410, 401, 403: the URL no longer serves a status document
  | 'rate-limited' // 429 or 503 with Retry-After
  | 'too-large' // body over the cap (before or after decompression)
  | 'redirect' // loop, too many hops, non-http(s) target, https→http downgrade
  | 'unexpected-304' // 304 Not Modified to a request that sent no validators: a server fault
  | 'not-a-feed' // an HTML page or other non-status document
  | 'parse'; // looked like a status document but could not be read

/** The typed error kept on a source. */
export interface SourceError {
  code: SourceErrorCode;
  /** One sentence: what went wrong (for humans; no stack traces). */
  message: string;
  /** HTTP status, when there was a response. */
  httpStatus?: number;
  /** When it happened, ms since epoch. */
  at: number;
}
