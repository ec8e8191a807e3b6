import type { FormatId, Incident } from '../../../shared/domain/types';
import { impactText, isStaleIncident, maintenanceTiming, ongoingText } from '../../../shared/presentation/incident-text';
import { componentDisplayName } from '../common/component-names';
import { ExternalLink } from '../common/ExternalLink';
import { INCIDENT_STATUS_LABEL } from '../common/labels';
import { RelativeTime } from '../common/RelativeTime';
import { FixWatchButton } from './FixWatchButton';
import { IncidentTimeline } from './IncidentTimeline';

/**
 * An incident or maintenance, expanded: title, status, impact ("Incident impact: minor"), "updated 12 min
 * ago", how long it has been going (or where a maintenance stands against its window), a stale mark, the
 * affected components by name, the three newest updates (and the rest on demand, read from status.db for the
 * source `sourceId` when the snapshot carries only the newest few) and a link to its page. Titles and texts are
 * plain text from the engine and rendered as text. With `watch`, an open incident offers "Tell me when it's
 * fixed".
 */
export function IncidentItem({ incident, sourceId, now, format, watch }: { incident: Incident; sourceId: string; now: number; format?: FormatId; watch?: { watched: boolean } }) {
  const maintenance = incident.kind === 'maintenance';
  const timing = maintenance ? maintenanceTiming(incident, now) : undefined;
  const stale = !maintenance && isStaleIncident(incident, now);
  const ongoing = maintenance ? '' : ongoingText(incident, now);
  const status = timing && (timing.phase === 'due' || timing.phase === 'window-passed') ? 'Not started as planned' : INCIDENT_STATUS_LABEL[incident.status];
  return (
    <li className={`incident impact-${incident.impact}${stale ? ' incident-is-stale' : ''}`} data-incident-id={incident.id}>
      <p className="incident-title">{incident.title}</p>
      <p className="incident-facts">
        <span className="incident-status">{timing?.phase === 'window-passed' ? 'Window passed' : status}</span>
        {' · '}
        <span className="incident-impact">{impactText(incident.impact)}</span>
        {' · '}
        <RelativeTime at={incident.updatedAt} now={now} lead="updated" />
        {timing ? (
          <span className={timing.text.includes('stale') ? 'incident-stale' : 'incident-duration'}> · {timing.text}</span>
        ) : (
          ongoing && <span className={stale ? 'incident-stale' : 'incident-duration'}> · {ongoing}</span>
        )}
      </p>
      {watch && incident.kind === 'incident' && (
        <FixWatchButton sourceId={sourceId} incidentId={incident.id} watched={watch.watched} subject={incident.title} />
      )}
      {incident.components.length > 0 && (
        <p className="incident-components">Affects: {incident.components.map((c) => componentDisplayName(c, format)).join('; ')}</p>
      )}
      <IncidentTimeline
        updates={incident.updates}
        updateCount={incident.updateCount}
        now={now}
        subject={incident.title}
        sourceId={sourceId}
        incidentId={incident.id}
      />
      {incident.url && (
        <ExternalLink url={incident.url}>
          Open incident page<span className="sr-only">: {incident.title}</span>
        </ExternalLink>
      )}
    </li>
  );
}
