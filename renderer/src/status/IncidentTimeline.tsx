import { useState } from 'react';
import type { IncidentUpdate } from '../../../shared/domain/types';
import { INCIDENT_STATUS_LABEL } from '../common/labels';
import { RelativeTime } from '../common/RelativeTime';

/** How many updates an incident shows until "Show all N" is pressed. */
export const UPDATES_SHOWN = 3;

/**
 * An incident's updates, newest first, each with its label, time (relative; absolute with time zone on hover
 * or focus) and text (plain text, rendered as text): the three newest, then "Show all N updates" for the rest.
 * `subject` names the incident in the button's accessible name, so each such button is unique.
 */
export function IncidentTimeline({ updates, now, subject }: { updates: readonly IncidentUpdate[]; now: number; subject: string }) {
  const [all, setAll] = useState(false);
  if (updates.length === 0) return <p className="muted">No updates posted.</p>;
  const shown = all ? updates : updates.slice(0, UPDATES_SHOWN);
  return (
    <>
      <ol className="timeline" aria-label={`Updates of ${subject}, newest first`}>
        {shown.map((update, index) => (
          <li key={`${update.at}-${index}`} className="timeline-entry">
            <p className="timeline-head">
              <strong>{headingOf(update)}</strong> <RelativeTime at={update.at} now={now} focusable />
            </p>
            {update.text && <p className="timeline-text">{update.text}</p>}
          </li>
        ))}
      </ol>
      {updates.length > UPDATES_SHOWN && (
        <button type="button" className="link-button show-all" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? 'Show the newest 3' : `Show all ${updates.length} updates`}
          <span className="sr-only"> of {subject}</span>
        </button>
      )}
    </>
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
