import { useState } from 'react';
import type { Health } from '../../../shared/domain/types';
import { ok, type Result } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { HEALTH_GLYPH } from '../common/HealthBadge';
import { InlineError } from '../common/InlineError';
import { OVERALL_LABEL } from '../common/labels';
import { formatAbsolute, formatClock } from '../common/time';
import { useAction } from '../common/useAction';

interface Props {
  overall: Health;
  sourceCount: number;
  /** ms since epoch, or null when notifications are on. */
  notificationsPausedUntil: number | null;
  now: number;
  /** Which window this is (shared/ipc/contract.ts `viewFromSearch`). */
  view: 'popover' | 'full';
}

/**
 * Window header: overall health in words and colour, notification pause state, "Check now" and "Settings";
 * in the popover also "Pin window" (a toggle) and "Open full window". Buttons
 * stay enabled while their call runs (a second press is ignored), so focus never drops to the page.
 */
export function StatusHeader({ overall, sourceCount, notificationsPausedUntil, now, view }: Props) {
  const api = useApi();
  const checkAll = useAction(() => api.checkNow());
  const openSettings = useAction(() => api.openSettings());
  const [pinned, setPinned] = useState(false);
  // Resolves `true` once main applied the pin, so a failure can put the toggle back.
  const pin = useAction(async (value: boolean): Promise<Result<true>> => {
    const result = await api.setPopoverPinned(value);
    return result.ok ? ok(true) : result;
  });
  const openFull = useAction(() => api.openFullWindow());
  const paused = notificationsPausedUntil !== null && notificationsPausedUntil > now;
  return (
    <header className="status-header">
      <div className="overall" aria-live="polite">
        {sourceCount > 0 && <span className={`overall-glyph health-${overall}`} aria-hidden="true">{HEALTH_GLYPH[overall]}</span>}
        <h1 className="overall-title">{sourceCount === 0 ? 'Status Tray' : OVERALL_LABEL[overall]}</h1>
        {paused && (
          <p className="paused-note">
            Notifications paused until <time dateTime={new Date(notificationsPausedUntil).toISOString()} title={formatAbsolute(notificationsPausedUntil)}>{formatClock(notificationsPausedUntil)}</time>
          </p>
        )}
      </div>
      <div className="header-actions">
        {sourceCount > 0 && (
          <button
            type="button"
            className="check-now"
            aria-disabled={checkAll.pending || undefined}
            onClick={() => {
              if (!checkAll.pending) void checkAll.run();
            }}
          >
            {checkAll.pending ? 'Checking…' : 'Check now'}
          </button>
        )}
        <button type="button" onClick={() => void openSettings.run()}>
          Settings
        </button>
        {view === 'popover' && (
          <button type="button" aria-label="Open full window" title="Open the full window" onClick={() => void openFull.run()}>
            Full window
          </button>
        )}
        {view === 'popover' && (
          <button
            type="button"
            className="pin-toggle"
            aria-pressed={pinned}
            title={pinned ? 'Pinned: stays open when it loses focus' : 'Keep this window open when it loses focus'}
            onClick={async () => {
              const next = !pinned;
              setPinned(next);
              if ((await pin.run(next)) !== true) setPinned(!next);
            }}
          >
            Pin<span className="sr-only"> window</span>
          </button>
        )}
      </div>
      <InlineError error={checkAll.error ?? openSettings.error ?? pin.error ?? openFull.error} />
    </header>
  );
}
