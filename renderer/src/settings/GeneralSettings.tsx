import { useId } from 'react';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { IntervalField } from './IntervalField';

/** App-wide options: start with the OS session, and how often newly added pages are checked. */
export function GeneralSettings({ launchAtLogin, defaultIntervalSeconds }: { launchAtLogin: boolean; defaultIntervalSeconds: number }) {
  const api = useApi();
  const launchId = useId();
  const launch = useAction((enabled: boolean) => api.setLaunchAtLogin(enabled));
  return (
    <section className="card" aria-labelledby="general-title">
      <h2 id="general-title">General</h2>
      <div className="field field-inline">
        <input
          id={launchId}
          type="checkbox"
          checked={launchAtLogin}
          disabled={launch.pending}
          onChange={(e) => void launch.run(e.target.checked)}
        />
        <label htmlFor={launchId}>Start Status Tray when I log in</label>
      </div>
      <InlineError error={launch.error} onDismiss={launch.clearError} />
      <IntervalField
        label="Check new status pages every (seconds)"
        value={defaultIntervalSeconds}
        onSave={(seconds) => api.setDefaultInterval(seconds)}
      />
    </section>
  );
}
