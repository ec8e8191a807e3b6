/** Small hand-made statuses and incidents for the history and storage tests. */
import type { ComponentStatus, Health, Incident, ProviderStatus } from '../../../shared/domain/types';

export const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An incident with one update per status given (oldest last, as adapters order them). */
export function incident(id: string, over: Partial<Incident> & { startedAt?: number; resolvedAt?: number } = {}): Incident {
  const start = over.startedAt ?? T0 - HOUR;
  const updates: Incident['updates'] =
    over.resolvedAt !== undefined
      ? [
          { status: 'resolved', text: 'Fixed.', at: new Date(over.resolvedAt).toISOString() },
          { status: 'investigating', text: 'Looking.', at: new Date(start).toISOString() },
        ]
      : [{ status: 'investigating', text: 'Looking.', at: new Date(start).toISOString() }];
  const { startedAt: _s, resolvedAt: _r, ...rest } = over;
  return {
    id,
    kind: 'incident',
    title: `Incident ${id}`,
    status: over.resolvedAt !== undefined ? 'resolved' : 'investigating',
    impact: 'major',
    createdAt: new Date(start).toISOString(),
    updatedAt: updates[0]!.at,
    updates,
    components: [],
    ...rest,
  };
}

/** A status with the given health, components and incidents (open ones active, resolved ones recent). */
export function status(health: Health, incidents: Incident[] = [], components: Record<string, ComponentStatus> = {}, coverage: ProviderStatus['coverage'] = 'history'): ProviderStatus {
  return {
    provider: 'Example',
    format: 'statuspage-json',
    health,
    components: Object.entries(components).map(([name, s]) => ({ name, status: s })),
    activeIncidents: incidents.filter((i) => i.status !== 'resolved'),
    recentIncidents: incidents.filter((i) => i.status === 'resolved'),
    scheduledMaintenances: [],
    coverage,
  };
}
