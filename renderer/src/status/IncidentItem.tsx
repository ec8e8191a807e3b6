import type { Incident } from '../../../shared/domain/types';
import { ExternalLink } from '../common/ExternalLink';
import { IMPACT_LABEL, INCIDENT_STATUS_LABEL } from '../common/labels';
import { formatDateTime, isoAgo } from '../common/time';
import { FixWatchButton } from './FixWatchButton';
import { IncidentTimeline } from './IncidentTimeline';

/**
 * An incident or maintenance: title, status, impact and "updated 12 min ago"; when `expanded`, its update
 * timeline and a link to its page. Titles and texts are plain text from the engine and rendered as text.
 * With `watch`, an open incident offers "Tell me when it's fixed".
 */
export function IncidentItem({ incident, expanded, now, watch }: { incident: Incident; expanded: boolean; now: number; watch?: { sourceId: string; watched: boolean } }) {
  const when = incident.kind === 'maintenance' && incident.status === 'scheduled' && incident.scheduledFor
    ? `planned for ${formatDateTime(incident.scheduledFor)}`
    : `updated ${isoAgo(incident.updatedAt, now)}`;
  return (
    <li className={`incident impact-${incident.impact}`} data-incident-id={incident.id}>
      <p className="incident-title">{incident.title}</p>
      <p className="incident-facts">
        <span className="incident-status">{INCIDENT_STATUS_LABEL[incident.status]}</span>
        {' · '}
        <span className="incident-impact">{IMPACT_LABEL[incident.impact]}</span>
        {' · '}
        <time dateTime={incident.updatedAt} title={formatDateTime(incident.updatedAt)}>{when}</time>
        {incident.stale && <span className="incident-stale"> · no update for over 14 days</span>}
      </p>
      {watch && incident.kind === 'incident' && <FixWatchButton sourceId={watch.sourceId} incidentId={incident.id} watched={watch.watched} />}
      {expanded && (
        <>
          {incident.components.length > 0 && (
            <p className="incident-components">Affects: {incident.components.join(', ')}</p>
          )}
          <IncidentTimeline updates={incident.updates} now={now} />
          {incident.url && <ExternalLink url={incident.url}>Open incident page</ExternalLink>}
        </>
      )}
    </li>
  );
}
