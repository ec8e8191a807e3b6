/**
 * What a source is: one status document the user watches, how often, how loudly, and which slice of a shared
 * feed. The engine's `SourceConfig`, the settings' `SourceSettings` and the catalog's entries all use these
 * types and limits. Plain types and functions (no zod, no Node); the zod schemas that enforce the limits at
 * the IPC boundary and on settings.json live in shared/ipc/.
 */
import type { CheckSpec } from './check';
import type { Snooze } from './noise';

/** Shortest poll interval, seconds: status pages change at minute resolution, and faster polling is rude. */
export const MIN_INTERVAL_SECONDS = 60;
/** Longest poll interval, seconds (one day). */
export const MAX_INTERVAL_SECONDS = 86_400;
/** Poll interval of a source that names none, seconds. */
export const DEFAULT_INTERVAL_SECONDS = 300;
/** Longest display name, characters. */
export const MAX_NAME_LENGTH = 100;
/** Most names in one filter list: a component choice may name every component of a page (formats cap a page at 500). */
export const MAX_FILTER_NAMES = 500;
/** Longest name in a filter list, characters (the catalog's longest is under 60). */
export const MAX_FILTER_NAME_LENGTH = 100;

/** How loudly a source may notify: every incident, only `major`/`critical` ones, or never. */
export type NotifyLevel = 'all' | 'major' | 'none';

/**
 * Narrows a provider-wide document (all of AWS, Google Cloud, Azure, Apple) to what the user watches. Each list
 * holds alternative spellings: an incident or component matches when any listed name equals
 * (case-insensitively) one of its component/product names or, for regions, one of its region codes or names.
 * An absent list does not filter. Applied by shared/engine/filter.ts.
 */
export interface SourceFilter {
  /** Service, product or component names, e.g. `["Amazon Elastic Compute Cloud", "ec2"]`. */
  components?: string[];
  /** Region codes or names, e.g. `["us-east-1"]`, `["Americas"]`. */
  regions?: string[];
}

/** One source as the engine polls it. */
export interface SourceConfig {
  /** Stable id chosen when the source was added (a slug or a UUID); keys the engine state. */
  id: string;
  /** The URL as the user gave it (http or https). */
  url: string;
  /** Display name override; otherwise the document's own name is used. */
  name?: string;
  /** Poll interval in seconds (default `DEFAULT_INTERVAL_SECONDS`, at least `MIN_INTERVAL_SECONDS`). */
  intervalSeconds?: number;
  /** Disabled sources are not polled and do not count towards overall health. Default true. */
  enabled?: boolean;
  /**
   * For a big cloud's shared feed: the components/regions the user watches, fixed when the source is added.
   * The status is narrowed to them right after parsing, so health and events concern only them.
   */
  filter?: SourceFilter;
  /**
   * Consecutive failed polls before the snapshot shows the source as failing (flap suppression, see
   * noise/flap.ts); until then its last known status stays. Default 1: every failure shows at once.
   */
  failAfter?: number;
  /** Set for an endpoint check: the URL is requested and judged by these rules instead of parsed (shared/engine/checks). */
  check?: CheckSpec;
}

/** One configured source as the settings hold it and the settings window edits it. */
export interface SourceSettings {
  id: string;
  url: string;
  name?: string;
  enabled: boolean;
  /** Seconds, within [`MIN_INTERVAL_SECONDS`, `MAX_INTERVAL_SECONDS`]. */
  intervalSeconds: number;
  notify: NotifyLevel;
  /**
   * The components (and, for big clouds, regions) watched: only they count for health, incidents shown and
   * notifications. Set from a catalog entry when added; editable later (`SourcePatch.filter`).
   */
  filter?: SourceFilter;
  /** Notifications of this provider held back (noise/snooze.ts). */
  snooze?: Snooze;
  /** Notify for maintenance starts and ends, whatever `notify` says. Default false. */
  notifyMaintenance?: boolean;
  /** Incident ids to notify about once when they resolve ("Tell me when it's fixed"), even when muted. */
  fixWatches?: string[];
  /**
   * Set for the user's own endpoint ("Your own endpoints" in the settings window): the URL is requested and
   * judged by these rules instead of parsed as a status document, like the CLI's `--check` (domain/check.ts).
   */
  check?: CheckSpec;
}

/**
 * The name to show for a source: the user's (trimmed), else the provider name from its last document, else
 * the URL's host, else the URL as given.
 */
export function displayName(source: { name?: string | undefined; url: string }, provider?: string): string {
  const own = source.name?.trim();
  if (own) return own;
  if (provider) return provider;
  try {
    return new URL(source.url).host;
  } catch {
    return source.url;
  }
}

/** Why a poll interval is refused. */
export type IntervalProblem = 'not-whole' | 'too-short' | 'too-long';

/**
 * Check a poll interval in seconds: a whole number within [`MIN_INTERVAL_SECONDS`, `MAX_INTERVAL_SECONDS`].
 * @returns the problem, or `undefined` when the interval is fine.
 */
export function intervalProblem(seconds: number): IntervalProblem | undefined {
  if (!Number.isInteger(seconds)) return 'not-whole';
  if (seconds < MIN_INTERVAL_SECONDS) return 'too-short';
  if (seconds > MAX_INTERVAL_SECONDS) return 'too-long';
  return undefined;
}
