/**
 * Engine events → channel alerts, and the per-channel filter. Pure.
 *
 * Which events become alerts: incident opened, updated and resolved, one alert each; a
 * `provider.health-changed` only when the same poll produced no incident event for that source (a component
 * that went down without an incident, or an endpoint check going down or up) — otherwise the incident alert
 * already says it. `source.baselined` never alerts: a first poll reports what was already open, not news.
 */
import type { EngineEvent } from '../engine/events';
import type { Health, Impact } from '../domain/types';
import { healthLabel, INCIDENT_STATUS_LABEL } from '../presentation/health-text';
import { plainText } from '../presentation/text';
import { isHttpUrl } from '../domain/url';
import type { Alert, ChannelFilter, MinImpact } from './types';

/** Longest `Alert.text`, characters (Discord embeds allow 4096, Slack sections 3000). */
export const ALERT_TEXT_MAX = 1500;

const IMPACT_RANK: Readonly<Record<MinImpact, number>> = { none: 0, minor: 1, major: 2, critical: 3 };

/** Impact a health value stands for (the inverse of domain/health's impact → health). */
export function impactOfHealth(health: Health): Impact {
  switch (health) {
    case 'major_outage':
      return 'critical';
    case 'partial_outage':
      return 'major';
    case 'degraded':
      return 'minor';
    case 'maintenance':
      return 'maintenance';
    default:
      return 'none';
  }
}

/** Longest provider or incident title in an alert, characters. */
const TITLE_MAX = 200;

/** Alerts for the events of one poll (see the module comment). Never throws for well-formed events. */
export function alertsFromEvents(events: readonly EngineEvent[]): Alert[] {
  const withIncident = new Set(events.filter((e) => e.type.startsWith('incident.')).map((e) => e.sourceId));
  const alerts: Alert[] = [];
  for (const e of events) {
    const base = { sourceId: e.sourceId, provider: plainText(e.provider, TITLE_MAX), health: e.health, at: e.at };
    switch (e.type) {
      case 'incident.opened':
      case 'incident.updated':
      case 'incident.resolved': {
        const i = e.incident;
        const previousStatus = e.type === 'incident.opened' ? undefined : e.previousStatus;
        const maintenance = i.kind === 'maintenance' || i.impact === 'maintenance';
        alerts.push({
          ...base,
          id: `${e.sourceId}|${e.type}|${i.id}|${i.status}|${i.updatedAt}`,
          type: e.type,
          impact: i.impact,
          maintenance,
          title: `${base.provider}: ${plainText(i.title, TITLE_MAX)}`,
          incidentTitle: plainText(i.title, TITLE_MAX),
          incidentId: i.id,
          status: i.status,
          ...(previousStatus ? { previousStatus } : {}),
          text: plainText(i.updates[0]?.text ?? '', ALERT_TEXT_MAX) || INCIDENT_STATUS_LABEL[i.status],
          ...(i.url && isHttpUrl(i.url) ? { url: i.url } : {}),
        });
        break;
      }
      case 'provider.health-changed': {
        if (withIncident.has(e.sourceId)) break;
        // A recovery is as important as the outage it ends: it carries the worse side's impact, so a
        // channel that received "down" also receives "up".
        const worse = [impactOfHealth(e.health), impactOfHealth(e.previousHealth)];
        const impact = worse.includes('critical') ? 'critical' : worse.includes('major') ? 'major' : worse.includes('minor') ? 'minor' : worse.includes('maintenance') ? 'maintenance' : 'none';
        alerts.push({
          ...base,
          id: `${e.sourceId}|health|${e.previousHealth}>${e.health}|${e.at}`,
          type: e.type,
          previousHealth: e.previousHealth,
          impact,
          maintenance: e.health === 'maintenance' || e.previousHealth === 'maintenance',
          title: `${base.provider}: ${healthLabel(e.health)}`,
          text: `${healthLabel(e.previousHealth)} → ${healthLabel(e.health)}`,
        });
        break;
      }
      case 'source.baselined':
        break;
    }
  }
  return alerts;
}

/** True when `alert` passes the channel's filter. A `test` alert always passes. */
export function filterAllows(filter: ChannelFilter | undefined, alert: Alert): boolean {
  if (alert.type === 'test') return true;
  if (alert.maintenance && filter?.includeMaintenance === false) return false;
  const providers = (filter?.providers ?? []).map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (providers.length > 0 && !providers.includes(alert.sourceId.toLowerCase()) && !providers.includes(alert.provider.toLowerCase())) return false;
  const min = IMPACT_RANK[filter?.minImpact ?? 'none'];
  if (min === 0) return true;
  // Maintenance has no severity of its own: `includeMaintenance` alone decides it.
  if (alert.impact === 'maintenance') return true;
  return IMPACT_RANK[alert.impact] >= min;
}

/** The alert "Send test" delivers: passes every filter, says which channel sent it. */
export function testAlert(channelName: string, now: number): Alert {
  return {
    id: `test|${now}`,
    type: 'test',
    sourceId: 'status-tray',
    provider: 'Status Tray',
    health: 'operational',
    impact: 'none',
    maintenance: false,
    title: 'Status Tray: test alert',
    text: `This is a test from Status Tray's "${plainText(channelName, TITLE_MAX)}" channel. If you can read it, alerts will arrive here.`,
    at: now,
  };
}
