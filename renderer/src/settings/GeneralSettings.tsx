import { useApi } from '../common/api';
import { IntervalField } from './IntervalField';
import { SavedCheckbox } from './SavedCheckbox';

/** App-wide options: start with the OS session, and how often newly added pages are checked. */
export function GeneralSettings({ launchAtLogin, defaultIntervalSeconds }: { launchAtLogin: boolean; defaultIntervalSeconds: number }) {
  const api = useApi();
  return (
    <section className="card" aria-labelledby="general-title">
      <h2 id="general-title">General</h2>
      <SavedCheckbox
        label="Start Status Tray when I log in"
        checked={launchAtLogin}
        onSave={(enabled) => api.setLaunchAtLogin(enabled)}
      />
      <IntervalField
        label="Check new status pages every (seconds)"
        value={defaultIntervalSeconds}
        onSave={(seconds) => api.setDefaultInterval(seconds)}
      />
    </section>
  );
}
