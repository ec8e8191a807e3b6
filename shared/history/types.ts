/**
 * History records as the storage module keeps them and the CLI and the window read them. Pure types, safe
 * for the renderer to import. All times are milliseconds since the Unix epoch (UTC).
 */
import type { Health, Impact, IncidentStatus } from '../domain/types';

/** The provider itself, in `HealthTransition.component`. */
export const PROVIDER = '';

/**
 * From `at` on, the provider (`component === PROVIDER`) or the named component had `health`, until the next
 * transition of the same pair. Recorded only from successfully parsed documents, so an erroring source
 * leaves no transition (its time still counts as the last health seen).
 */
export interface HealthTransition {
  sourceId: string;
  /** Component name, or `PROVIDER` (empty string) for the provider's overall health. */
  component: string;
  at: number;
  health: Health;
}

/** One timeline entry of a recorded incident. */
export interface HistoryUpdate {
  status: IncidentStatus;
  label?: string;
  text: string;
  at: number;
}

/** An incident or maintenance as recorded, with every update seen. */
export interface HistoryIncident {
  sourceId: string;
  /** Display name of the provider when the incident was last recorded. */
  provider: string;
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  impact: Impact;
  /** Latest status recorded. */
  status: IncidentStatus;
  url?: string;
  /** When it began (the incident's `createdAt`, or the maintenance's `scheduledFor` when later). */
  startedAt: number;
  /** When it ended; absent while open. */
  resolvedAt?: number;
  /** Time of its newest update. */
  updatedAt: number;
  components: string[];
  /** Newest first. */
  updates: HistoryUpdate[];
  /** True when it came from the source's own past (the first poll's history or a backfill), not seen live. */
  backfilled: boolean;
}

/** Named uptime windows, newest `ms` ms before the query's `now`. */
export const UPTIME_WINDOWS = [
  { label: '24h', ms: 24 * 3_600_000 },
  { label: '7d', ms: 7 * 86_400_000 },
  { label: '30d', ms: 30 * 86_400_000 },
  { label: '90d', ms: 90 * 86_400_000 },
] as const;

/** `24h`, `7d`, `30d` or `90d`. */
export type UptimeWindowLabel = (typeof UPTIME_WINDOWS)[number]['label'];

/** Uptime over one window, by the rule in docs/storage.md. */
export interface UptimeFigure {
  window: UptimeWindowLabel;
  /** 0–100, or `null` when nothing of the window is covered by recorded history. */
  percent: number | null;
  /** Weighted downtime, ms (major outage × 1, partial outage × 0.3). */
  downtimeMs: number;
  /** Part of the window the history covers, ms (the denominator). */
  coveredMs: number;
}

/** Uptime of a provider or one of its components. */
export interface UptimeReport {
  sourceId: string;
  provider: string;
  /** `PROVIDER` for the provider's overall figures. */
  component: string;
  figures: UptimeFigure[];
}

/** One UTC day of a 90-day bar. */
export interface DayCell {
  /** 00:00 UTC of the day, ms. */
  day: number;
  /** Worst health during the covered part of the day; `unknown` when the day is not covered at all. */
  worst: Health;
  /** Ids of the incidents that overlap the day (see `HistoryIncident.id`). */
  incidentIds: string[];
}

/** A provider's 90-day record for the window: bar, uptime figures and the incidents the bar names. */
export interface ProviderHistory {
  sourceId: string;
  provider: string;
  days: DayCell[];
  uptime: UptimeFigure[];
  incidents: HistoryIncident[];
}
