import { useApi } from '../common/api';
import { FailAfterField } from './FailAfterField';
import { IntervalField } from './IntervalField';
import { SavedCheckbox } from './SavedCheckbox';

/** App-wide options: start with the OS session, how often newly added pages are checked, when a page shows as failing. */
export function GeneralSettings({ launchAtLogin, defaultIntervalSeconds, failAfterPolls }: { launchAtLogin: boolean; defaultIntervalSeconds: number; failAfterPolls?: number | undefined }) {
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
        label="Check new status pages every (minutes)"
        value={defaultIntervalSeconds}
        onSave={(seconds) => api.setDefaultInterval(seconds)}
      />
      <FailAfterField saved={failAfterPolls} />
    </section>
  );
}
