/**
 * Words the UI shows for domain values. Statuspage's own terms (https://developer.statuspage.io/) are used
 * where they exist, so what users read matches the provider's page.
 */
import type { ComponentStatus, FormatId, Health, Impact } from '../../../shared/domain/types';
import type { NotifyLevel } from '../../../shared/ipc/contract';

export const HEALTH_LABEL: Readonly<Record<Health, string>> = {
  operational: 'Operational',
  maintenance: 'Maintenance',
  degraded: 'Degraded',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  unknown: 'Unknown',
};

/** Overall header sentence per health. */
export const OVERALL_LABEL: Readonly<Record<Health, string>> = {
  operational: 'All systems operational',
  maintenance: 'Maintenance in progress',
  degraded: 'Degraded service',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  unknown: 'Some status pages could not be read',
};

export { INCIDENT_STATUS_LABEL } from '../../../shared/presentation/health-text';

export const IMPACT_LABEL: Readonly<Record<Impact, string>> = {
  none: 'No stated impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
  maintenance: 'Maintenance',
};

export const COMPONENT_STATUS_LABEL: Readonly<Record<ComponentStatus, string>> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};

export const FORMAT_LABEL: Readonly<Record<FormatId, string>> = {
  'statuspage-json': 'Statuspage JSON API',
  'statuspage-feed': 'Statuspage Atom/RSS feed',
  'incidentio-feed': 'incident.io feed',
  rss: 'RSS feed',
  atom: 'Atom feed',
  'aws-rss': 'AWS Health Dashboard RSS',
  'aws-json': 'AWS Health Dashboard JSON',
  'gcp-json': 'Google Cloud status JSON',
  'slack-json': 'Slack status API',
  'upptime-json': 'Upptime summary',
  'yandex-json': 'Yandex Cloud status API',
  'azure-rss': 'Azure status RSS',
  'apple-json': 'Apple System Status',
  'instatus-json': 'Instatus status JSON',
  'betterstack-json': 'Better Stack status JSON',
  'statusio-json': 'Status.io status API',
  'cachet-json': 'Cachet status API',
  'gatus-json': 'Gatus endpoint statuses',
  'uptimekuma-json': 'Uptime Kuma status page',
  'statuspal-json': 'StatusPal summary API',
  'sorry-json': 'Sorry status API',
  'site24x7-json': 'Site24x7 status page API',
  'cstate-json': 'cState status JSON',
  'hund-sse': 'Hund live event stream',
  'freshstatus-json': 'Freshstatus public API',
  'endpoint-check': 'Endpoint check',
};

export const NOTIFY_LABEL: Readonly<Record<NotifyLevel, string>> = {
  all: 'All incidents',
  major: 'Major & critical only',
  none: 'None',
};
