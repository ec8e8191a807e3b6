import { useId } from 'react';
import { describeSnooze, isSnoozed } from '../../../shared/noise/snooze';
import { SNOOZE_HOURS, type Snooze, type SnoozeRequest } from '../../../shared/domain/noise';
import { useApi } from './api';
import { InlineError } from './InlineError';
import { formatClock, formatDateTime } from './time';
import { useAction } from './useAction';

/** "14:05" today, else date and time, for when a snooze ends. */
export function endLabel(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? formatClock(at) : formatDateTime(at);
}

/**
 * Snooze one provider for 1 h / 8 h / 24 h / until its open incidents resolve, or end the snooze; says when a
 * snooze in force ends. Used on the status row and in settings.
 */
export function SnoozeControl({ sourceId, name, snooze, openIncidentIds, now }: { sourceId: string; name: string; snooze: Snooze | undefined; openIncidentIds: readonly string[]; now: number }) {
  const api = useApi();
  const id = useId();
  const action = useAction((request: SnoozeRequest | null) => api.snoozeSource(sourceId, request));
  const snoozed = isSnoozed(snooze, now, openIncidentIds);
  const label = describeSnooze(snooze, now, openIncidentIds, (at) => endLabel(at, now));
  return (
    <div className="snooze">
      {label && (
        <span className="snooze-state" role="status">
          {label}
        </span>
      )}
      <select
        id={id}
        aria-label={`Snooze ${name}`}
        value=""
        disabled={action.pending}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'resolved') void action.run({ untilResolved: true });
          else if (v) void action.run({ hours: Number(v) });
        }}
      >
        <option value="">{snoozed ? 'Snooze longer…' : 'Snooze…'}</option>
        {SNOOZE_HOURS.map((h) => (
          <option key={h} value={String(h)}>
            For {h} h
          </option>
        ))}
        <option value="resolved" disabled={openIncidentIds.length === 0}>
          Until resolved
        </option>
      </select>
      {snoozed && (
        <button type="button" disabled={action.pending} onClick={() => void action.run(null)}>
          End snooze
        </button>
      )}
      <InlineError error={action.error} onDismiss={action.clearError} />
    </div>
  );
}
