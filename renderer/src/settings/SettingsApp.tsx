import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useSnapshot } from '../common/useSnapshot';
import { AddSourceForm } from './AddSourceForm';
import { GeneralSettings } from './GeneralSettings';
import { NotificationPause } from './NotificationPause';
import { OpmlTransfer } from './OpmlTransfer';
import { QuietHoursSettings } from './QuietHoursSettings';
import { SourceList } from './SourceList';
import { ChannelsSettings } from './channels/ChannelsSettings';
import { ChecksSettings } from './checks/ChecksSettings';

/** The settings window: add a status page, edit the watched ones, OPML import/export, notifications, and app-wide options. */
export function SettingsApp() {
  const api = useApi();
  const { snapshot, error } = useSnapshot(api);
  if (!snapshot) {
    return (
      <main className="app settings">
        {error ? <InlineError error={error} /> : <p className="loading" aria-busy="true">Loading settings…</p>}
      </main>
    );
  }
  const { settings, engine } = snapshot;
  return (
    <div className="app settings">
      <header className="settings-header">
        <h1>Settings</h1>
      </header>
      <main>
        <AddSourceForm sources={settings.sources} />
        <SourceList sources={settings.sources} engineSources={engine.sources} />
        <OpmlTransfer />
        <NotificationPause pausedUntil={settings.notificationsPausedUntil} />
        <QuietHoursSettings saved={settings.quietHours} />
        <ChecksSettings sources={settings.sources} engineSources={engine.sources} defaultIntervalSeconds={settings.defaultIntervalSeconds} />
        <ChannelsSettings sources={settings.sources} engineSources={engine.sources} />
        <GeneralSettings launchAtLogin={settings.launchAtLogin} defaultIntervalSeconds={settings.defaultIntervalSeconds} failAfterPolls={settings.failAfterPolls} />
      </main>
    </div>
  );
}
