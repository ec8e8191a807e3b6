import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { pauseUntil, type PauseChoice } from '../common/pause';
import { formatDateTime } from '../common/time';
import { useAction } from '../common/useAction';
import { useNow } from '../common/useNow';

const CHOICES: readonly { choice: PauseChoice; label: string }[] = [
  { choice: '1h', label: 'For 1 hour' },
  { choice: '4h', label: 'For 4 hours' },
  { choice: 'tomorrow', label: 'Until tomorrow' },
];

/** Pause notifications for a while (the list and tray keep updating), or resume them. */
export function NotificationPause({ pausedUntil }: { pausedUntil: number | null }) {
  const api = useApi();
  const now = useNow();
  const pause = useAction((until: number | null) => api.pauseNotifications(until));
  const paused = pausedUntil !== null && pausedUntil > now;
  return (
    <section className="card" aria-labelledby="pause-title">
      <h2 id="pause-title">Pause notifications</h2>
      <p className="muted" role="status">
        {paused ? `Paused until ${formatDateTime(pausedUntil)}. The status window and tray still update.` : 'Notifications are on.'}
      </p>
      <div className="row">
        {CHOICES.map(({ choice, label }) => (
          <button key={choice} type="button" disabled={pause.pending} onClick={() => void pause.run(pauseUntil(choice, Date.now()))}>
            {label}
          </button>
        ))}
        {paused && (
          <button type="button" className="primary" disabled={pause.pending} onClick={() => void pause.run(null)}>
            Resume now
          </button>
        )}
      </div>
      <InlineError error={pause.error} onDismiss={pause.clearError} />
    </section>
  );
}
