import type { Health } from '../../../shared/domain/types';
import { useApi } from '../common/api';
import { HealthBadge } from '../common/HealthBadge';
import { InlineError } from '../common/InlineError';
import { OVERALL_LABEL } from '../common/labels';
import { formatClock } from '../common/time';
import { useAction } from '../common/useAction';

interface Props {
  overall: Health;
  sourceCount: number;
  /** ms since epoch, or null when notifications are on. */
  notificationsPausedUntil: number | null;
  now: number;
}

/** Window header: overall health in words and colour, notification pause state, "Check all" and "Settings". */
export function StatusHeader({ overall, sourceCount, notificationsPausedUntil, now }: Props) {
  const api = useApi();
  const checkAll = useAction(() => api.checkNow());
  const openSettings = useAction(() => api.openSettings());
  const paused = notificationsPausedUntil !== null && notificationsPausedUntil > now;
  return (
    <header className="status-header">
      <div className="overall" aria-live="polite">
        <h1 className="overall-title">{sourceCount === 0 ? 'Status Tray' : OVERALL_LABEL[overall]}</h1>
        {sourceCount > 0 && <HealthBadge health={overall} />}
        {paused && <p className="paused-note">Notifications paused until {formatClock(notificationsPausedUntil)}</p>}
      </div>
      <div className="header-actions">
        {sourceCount > 0 && (
          <button type="button" onClick={() => void checkAll.run()} disabled={checkAll.pending}>
            {checkAll.pending ? 'Checking…' : 'Check all'}
          </button>
        )}
        <button type="button" onClick={() => void openSettings.run()}>
          Settings
        </button>
      </div>
      <InlineError error={checkAll.error ?? openSettings.error} />
    </header>
  );
}
