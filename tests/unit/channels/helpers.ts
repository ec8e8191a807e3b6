/** Engine events and channels for the channel tests. */
import type { EngineEvent } from '../../../shared/engine/events';
import type { Incident } from '../../../shared/domain/types';

export const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

export function incident(over: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    kind: 'incident',
    title: 'Database query delays',
    status: 'investigating',
    impact: 'major',
    url: 'https://status.example.com/incidents/inc-1',
    createdAt: '2026-11-21T11:59:00.000Z',
    updatedAt: '2026-11-21T11:59:00.000Z',
    updates: [{ status: 'investigating', text: 'We are looking into slow queries.', at: '2026-11-21T11:59:00.000Z' }],
    components: ['API'],
    ...over,
  };
}

export function opened(over: Partial<Incident> = {}, sourceId = 'github', provider = 'GitHub'): EngineEvent {
  return { type: 'incident.opened', sourceId, provider, health: 'partial_outage', at: T0, incident: incident(over) };
}

export function resolved(over: Partial<Incident> = {}, sourceId = 'github', provider = 'GitHub'): EngineEvent {
  return {
    type: 'incident.resolved',
    sourceId,
    provider,
    health: 'operational',
    at: T0 + 60_000,
    previousStatus: 'investigating',
    incident: incident({ status: 'resolved', updatedAt: '2026-11-21T12:01:00.000Z', updates: [{ status: 'resolved', text: 'Fixed.', at: '2026-11-21T12:01:00.000Z' }], ...over }),
  };
}

export function healthChanged(previousHealth: EngineEvent['health'], health: EngineEvent['health'], at = T0, sourceId = 'api-check', provider = 'api.example.com'): EngineEvent {
  return { type: 'provider.health-changed', sourceId, provider, health, previousHealth, at };
}
