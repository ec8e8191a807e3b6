import { useRef, useState } from 'react';
import type { IncidentUpdate } from '../../../shared/domain/types';
import { useApi } from '../common/api';
import { INCIDENT_STATUS_LABEL } from '../common/labels';
import { RelativeTime } from '../common/RelativeTime';
import { useAction } from '../common/useAction';
import { loadErrorText, timelineKey, timelineView, type FetchedUpdates } from './timeline-view';

interface Props {
  /** The snapshot's updates, newest first: all of them, or the newest few when `updateCount` is set. */
  updates: readonly IncidentUpdate[];
  /** `Incident.updateCount`: how many the document listed, when `updates` carries fewer. */
  updateCount?: number;
  now: number;
  /** The incident's title: completes the button's accessible name, so each such button is unique. */
  subject: string;
  /** Where status.db finds the full list (`getIncidentUpdates`). */
  sourceId: string;
  incidentId: string;
}

/**
 * An incident's updates, newest first, each with its label, time (relative; absolute with time zone on hover
 * or focus) and text (plain text, rendered as text): the three newest, then "Show all N updates" for the rest.
 * When the snapshot carries only the newest few (`updateCount`), the button reads the full list from status.db
 * first: "Loading updates…" while it runs, and on failure the newest stay with what went wrong and "Try
 * again". Without `updateCount` the snapshot holds every update and nothing is asked of main.
 */
export function IncidentTimeline({ updates, updateCount, now, subject, sourceId, incidentId }: Props) {
  const api = useApi();
  const [expanded, setExpanded] = useState(false);
  const [fetched, setFetched] = useState<FetchedUpdates>();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const load = useAction(() => api.getIncidentUpdates(sourceId, incidentId));
  const view = timelineView({ updates, updateCount, expanded, fetched });
  if (view.total === 0) return <p className="muted">No updates posted.</p>;

  const showAll = async () => {
    if (!view.mustFetch) return setExpanded(true);
    // The key of the version pressed: a snapshot arriving meanwhile with a newer update makes this list stale.
    const key = timelineKey(updates, updateCount);
    const all = await load.run();
    if (!all) return;
    setFetched({ key, updates: all });
    setExpanded(true);
  };
  const onToggle = () => {
    if (load.pending) return;
    if (view.showingAll) setExpanded(false);
    else void showAll();
  };
  const retry = () => {
    // "Try again" goes away with the error: focus moves to the button that is still there.
    toggleRef.current?.focus();
    void showAll();
  };
  const error = load.error && view.mustFetch ? loadErrorText(load.error, view.total) : undefined;
  return (
    <>
      <ol className="timeline" aria-label={`Updates of ${subject}, newest first`} aria-busy={load.pending || undefined}>
        {view.shown.map((update, index) => (
          <li key={`${update.at}-${index}`} className="timeline-entry">
            <p className="timeline-head">
              <strong>{headingOf(update)}</strong> <RelativeTime at={update.at} now={now} focusable />
            </p>
            {update.text && <p className="timeline-text">{update.text}</p>}
          </li>
        ))}
      </ol>
      {view.hasMore && (
        <>
          <button
            ref={toggleRef}
            type="button"
            className="link-button show-all"
            aria-expanded={view.showingAll}
            aria-disabled={load.pending || undefined}
            onClick={onToggle}
          >
            {view.label}
            <span className="sr-only"> of {subject}</span>
          </button>{' '}
          <span className="timeline-busy" role="status">
            {load.pending ? 'Loading updates…' : ''}
          </span>
        </>
      )}
      {error && (
        <div className="inline-error timeline-error" role="alert">
          <span className="inline-error-message">{error.message}</span> <span className="inline-error-advice">{error.advice}</span>
          <button type="button" className="link-button" onClick={retry}>
            Try again<span className="sr-only"> to load every update of {subject}</span>
          </button>
        </div>
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
