/**
 * The noise rules for one engine event: may it notify now, must it wait for the end of quiet hours, or is it
 * dropped. Pure; `planNotifications` (../presentation/notifications.ts) applies it to a cycle of events.
 *
 * Order of the rules, first match wins:
 * 1. "Tell me when it's fixed": the resolution of a watched incident notifies even when the provider is muted
 *    or snoozed (quiet hours still hold it for the summary).
 * 2. Maintenance (a maintenance's events, or a health change only of components under maintenance) notifies
 *    only when the provider's maintenance toggle is on, whatever its incident level.
 * 3. Incidents follow the provider's notify level; a health change notifies for `all`, for `major` only to or
 *    from a partial or major outage.
 * 4. A snoozed provider stays silent.
 * 5. In quiet hours everything is held, except — with "critical always notifies" — a critical incident or a
 *    change to a major outage.
 */
import { isActiveStatus } from '../domain/health';
import type { Health, Incident } from '../domain/types';
import type { ComponentChange } from './what-changed';
import type { NotifyLevel } from '../domain/source';

/** What the rules need to know about one provider. */
export interface SourceNoise {
  level: NotifyLevel;
  /** A snooze holds now (see snooze.ts `isSnoozed`). */
  snoozed: boolean;
  /** Notify for maintenance starts and ends (default false). */
  notifyMaintenance: boolean;
  /** Incident ids the user asked to hear about when they resolve. */
  fixWatches: readonly string[];
}

/** Quiet hours as they stand at planning time. */
export interface QuietNow {
  active: boolean;
  criticalAlwaysNotifies: boolean;
}

/** The decision for one event. */
export type Verdict = 'notify' | 'hold' | 'drop';

/** True when the level lets this incident notify: `all`, or `major` for major/critical impact only. */
export function levelAllows(level: NotifyLevel, incident: Incident): boolean {
  if (level === 'none') return false;
  if (level === 'major') return incident.impact === 'major' || incident.impact === 'critical';
  return true;
}

/** True when the event is the end of an incident the user watches ("Tell me when it's fixed"). */
export function isWatchedFix(type: string, incident: Incident, noise: SourceNoise): boolean {
  return type === 'incident.resolved' && !isActiveStatus(incident.status) && noise.fixWatches.includes(incident.id);
}

/** Decide an incident event (opened, updated, resolved). See the module comment for the rules. */
export function incidentVerdict(type: string, incident: Incident, noise: SourceNoise, quiet: QuietNow): Verdict {
  if (isWatchedFix(type, incident, noise)) return quiet.active ? 'hold' : 'notify';
  const allowed = incident.kind === 'maintenance' ? noise.notifyMaintenance : levelAllows(noise.level, incident);
  if (!allowed || noise.snoozed) return 'drop';
  if (quiet.active && !(quiet.criticalAlwaysNotifies && incident.impact === 'critical')) return 'hold';
  return 'notify';
}

/**
 * What `healthChangeVerdict` reads of a `provider.health-changed` event (shared/engine/events.ts). Named by
 * shape so that noise/ stays below the engine: the engine's event satisfies it.
 */
export interface HealthChange {
  health: Health;
  previousHealth: Health;
  changes?: readonly ComponentChange[];
  staleOnly?: boolean;
}

const OUTAGE: ReadonlySet<Health> = new Set(['partial_outage', 'major_outage']);

/**
 * Decide a `provider.health-changed` event. It notifies only when it can say what changed (component
 * changes), did not come only from staleness, and both healths are known; `incidentInCycle` drops it when an
 * incident event of the same provider in the same cycle already speaks for it.
 */
export function healthChangeVerdict(event: HealthChange, noise: SourceNoise, quiet: QuietNow, incidentInCycle: boolean): Verdict {
  const changes = event.changes ?? [];
  if (incidentInCycle || changes.length === 0 || event.staleOnly) return 'drop';
  if (event.health === 'unknown' || event.previousHealth === 'unknown') return 'drop';
  const maintenanceOnly = changes.every((c) => c.status === 'under_maintenance' || c.previous === 'under_maintenance');
  const allowed = maintenanceOnly
    ? noise.notifyMaintenance
    : noise.level === 'all' || (noise.level === 'major' && (OUTAGE.has(event.health) || OUTAGE.has(event.previousHealth)));
  if (!allowed || noise.snoozed) return 'drop';
  if (quiet.active && !(quiet.criticalAlwaysNotifies && event.health === 'major_outage')) return 'hold';
  return 'notify';
}
