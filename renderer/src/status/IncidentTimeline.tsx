import type { IncidentUpdate } from '../../../shared/domain/types';
import { INCIDENT_STATUS_LABEL } from '../common/labels';
import { formatDateTime, isoAgo } from '../common/time';

/** An incident's updates, newest first, each with its label, time and text (plain text, rendered as text). */
export function IncidentTimeline({ updates, now }: { updates: readonly IncidentUpdate[]; now: number }) {
  if (updates.length === 0) return <p className="muted">No updates posted.</p>;
  return (
    <ol className="timeline" aria-label="Updates, newest first">
      {updates.map((update, index) => (
        <li key={`${update.at}-${index}`} className="timeline-entry">
          <p className="timeline-head">
            <strong>{headingOf(update)}</strong>{' '}
            <time dateTime={update.at} title={formatDateTime(update.at)}>
              {formatDateTime(update.at)} ({isoAgo(update.at, now)})
            </time>
          </p>
          {update.text && <p className="timeline-text">{update.text}</p>}
        </li>
      ))}
    </ol>
  );
}

/**
 * The status in Statuspage's words; the source's own label is added only when it says something else
 * ("Monitoring · Update"), not when it merely repeats the status in other case ("investigating").
 */
function headingOf(update: IncidentUpdate): string {
  const status = INCIDENT_STATUS_LABEL[update.status];
  const label = update.label?.trim().replace(/^status:\s*/i, '');
  return label && label.toLowerCase() !== status.toLowerCase() ? `${status} · ${label}` : status;
}
