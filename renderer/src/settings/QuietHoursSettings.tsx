import { useEffect, useId, useState, type FormEvent } from 'react';
import { defaultQuietHours, type QuietHours } from '../../../shared/domain/noise';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

const DAYS: readonly [number, string][] = [[1, 'Mon'], [2, 'Tue'], [3, 'Wed'], [4, 'Thu'], [5, 'Fri'], [6, 'Sat'], [0, 'Sun']];

/**
 * Daily quiet hours: start, end, the days a quiet period may start on, and "critical always notifies".
 * Notifications are held meanwhile and summarised in one when the period ends. One Save for the whole form.
 */
export function QuietHoursSettings({ saved }: { saved: QuietHours | undefined }) {
  const api = useApi();
  const ids = { enabled: useId(), start: useId(), end: useId(), critical: useId() };
  const current = saved ?? defaultQuietHours();
  const [draft, setDraft] = useState(current);
  const save = useAction((q: QuietHours) => api.setQuietHours(q));
  useEffect(() => setDraft(saved ?? defaultQuietHours()), [saved]);
  const set = (patch: Partial<QuietHours>) => setDraft((d) => ({ ...d, ...patch }));
  const changed = JSON.stringify(draft) !== JSON.stringify(current);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await save.run({ ...draft, days: [...draft.days].sort() });
  }
  return (
    <section className="card" aria-labelledby="quiet-title">
      <h2 id="quiet-title">Quiet hours</h2>
      <form className="quiet-hours" onSubmit={(e) => void onSubmit(e)}>
        <div className="field-inline">
          <input id={ids.enabled} type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          <label htmlFor={ids.enabled}>Hold notifications every day from</label>
          <input id={ids.start} type="time" aria-label="Quiet hours start" value={draft.start} required onChange={(e) => set({ start: e.target.value })} />
          <label htmlFor={ids.end}>to</label>
          <input id={ids.end} type="time" value={draft.end} required onChange={(e) => set({ end: e.target.value })} />
        </div>
        <fieldset className="days">
          <legend>On</legend>
          {DAYS.map(([day, label]) => (
            <label key={day} className="day">
              <input
                type="checkbox"
                checked={draft.days.includes(day)}
                onChange={(e) => set({ days: e.target.checked ? [...draft.days, day] : draft.days.filter((d) => d !== day) })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div className="field-inline">
          <input id={ids.critical} type="checkbox" checked={draft.criticalAlwaysNotifies} onChange={(e) => set({ criticalAlwaysNotifies: e.target.checked })} />
          <label htmlFor={ids.critical}>Critical incidents always notify</label>
        </div>
        <p className="muted help">What happens meanwhile comes as one notification when quiet hours end.</p>
        <div className="row">
          <button type="submit" disabled={save.pending || !changed}>
            Save quiet hours
          </button>
        </div>
        <InlineError error={save.error} onDismiss={save.clearError} />
      </form>
    </section>
  );
}
