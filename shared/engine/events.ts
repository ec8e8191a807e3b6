/**
 * Events the engine emits after a poll, once the state that records them has been written
 * (so a crash after this point can never make the same event appear twice).
 * Rules: docs/architecture.md, "Rules the engine keeps" 3 and 4.
 */
import type { Health, Incident, IncidentStatus } from '../domain/types';
import type { ComponentChange } from '../noise/what-changed';

interface EventBase {
  /** `SourceConfig.id`. */
  sourceId: string;
  /** Display name (config override, else the document's name). */
  provider: string;
  /** Provider health after this poll. */
  health: Health;
  /** When the engine noticed, ms since epoch. */
  at: number;
  /** Components whose status changed in this poll, worst first (see noise/what-changed); absent when none. */
  changes?: ComponentChange[];
}

/** An incident the engine has not seen before, and it is open. */
export interface IncidentOpenedEvent extends EventBase {
  type: 'incident.opened';
  incident: Incident;
}

/** A known open incident whose status changed (e.g. investigating → identified), or a resolved one that reopened. */
export interface IncidentUpdatedEvent extends EventBase {
  type: 'incident.updated';
  incident: Incident;
  previousStatus: IncidentStatus;
}

/**
 * A known open incident that is now resolved/completed/postmortem — or, for documents that list only open
 * incidents (`coverage: 'active-only'`), one that disappeared from a successfully parsed document.
 */
export interface IncidentResolvedEvent extends EventBase {
  type: 'incident.resolved';
  incident: Incident;
  previousStatus: IncidentStatus;
}

/** The provider's health, as derived from successfully parsed documents, changed. Errors never emit this. */
export interface HealthChangedEvent extends EventBase {
  type: 'provider.health-changed';
  previousHealth: Health;
  /** True when only incidents turning stale (or fresh) changed the health: nothing to notify. */
  staleOnly?: boolean;
}

/**
 * A source's first successful poll (or the first after the store was recovered): everything in it was
 * recorded as seen without per-incident events. `openIncidents` lets the UI show them and the notifier
 * raise at most one summary.
 */
export interface SourceBaselinedEvent extends EventBase {
  type: 'source.baselined';
  openIncidents: Incident[];
  /** A re-baseline after the user changed the source's filter: recorded, never announced. */
  quiet?: boolean;
}

/** Everything the engine can emit. */
export type EngineEvent =
  | IncidentOpenedEvent
  | IncidentUpdatedEvent
  | IncidentResolvedEvent
  | HealthChangedEvent
  | SourceBaselinedEvent;

/** Event `type` values. */
export type EngineEventType = EngineEvent['type'];
