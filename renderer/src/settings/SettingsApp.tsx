import { useEffect, useState, type ReactNode } from 'react';
import type { AppSnapshot } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { formatDateTime } from '../common/time';
import { useNow } from '../common/useNow';
import { useSnapshot } from '../common/useSnapshot';
import { GeneralSettings } from './GeneralSettings';
import { NotificationPause } from './NotificationPause';
import { QuietHoursSettings } from './QuietHoursSettings';
import { SettingsTabs, type TabSpec } from './SettingsTabs';
import { SourcesPanel } from './SourcesPanel';
import { ChannelsSettings } from './channels/ChannelsSettings';
import { ChecksSettings } from './checks/ChecksSettings';

/** A settings tab: id (also the URL hash that opens it, e.g. settings.html#general), label, and its panel. */
interface SettingsTab {
  id: string;
  label: string;
  Panel: (props: { snapshot: AppSnapshot }) => ReactNode;
}

/** The tabs, in order. A new tab is one line here. */
const TABS: readonly SettingsTab[] = [
  { id: 'sources', label: 'Sources', Panel: ({ snapshot }) => <SourcesPanel settings={snapshot.settings} engineSources={snapshot.engine.sources} /> },
  { id: 'notifications', label: 'Notifications', Panel: ({ snapshot }) => <NotificationsPanel snapshot={snapshot} /> },
  { id: 'checks', label: 'Endpoint checks', Panel: ({ snapshot }) => <ChecksSettings sources={snapshot.settings.sources} engineSources={snapshot.engine.sources} defaultIntervalSeconds={snapshot.settings.defaultIntervalSeconds} /> },
  { id: 'channels', label: 'Channels', Panel: ({ snapshot }) => <ChannelsSettings sources={snapshot.settings.sources} engineSources={snapshot.engine.sources} /> },
  { id: 'general', label: 'General', Panel: ({ snapshot }) => <GeneralSettings launchAtLogin={snapshot.settings.launchAtLogin} defaultIntervalSeconds={snapshot.settings.defaultIntervalSeconds} failAfterPolls={snapshot.settings.failAfterPolls} /> },
];

function NotificationsPanel({ snapshot }: { snapshot: AppSnapshot }) {
  return (
    <>
      <NotificationPause pausedUntil={snapshot.settings.notificationsPausedUntil} />
      <QuietHoursSettings saved={snapshot.settings.quietHours} />
    </>
  );
}

/** The tab named by the URL hash, else the first. */
function tabFromHash(): string {
  const id = window.location.hash.slice(1);
  return TABS.some((t) => t.id === id) ? id : (TABS[0]?.id ?? '');
}

/**
 * The settings window as tabs: Sources (add a status page, the watched ones, OPML), Notifications (pause,
 * quiet hours) and General (app-wide options). The tab shown follows the URL hash, so main can open a tab.
 */
export function SettingsApp() {
  const api = useApi();
  const { snapshot, error } = useSnapshot(api);
  const [tab, setTab] = useState(tabFromHash);
  const now = useNow();
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (!snapshot) {
    return (
      <main className="app settings">
        {error ? <InlineError error={error} /> : <p className="loading" aria-busy="true">Loading settings…</p>}
      </main>
    );
  }
  const select = (id: string) => {
    setTab(id);
    // Replace, not push: switching tabs is not navigation the Back key should walk through.
    window.history.replaceState(null, '', `#${id}`);
  };
  const until = snapshot.settings.notificationsPausedUntil;
  const paused = until !== null && until > now ? until : null;
  const tabs: TabSpec[] = TABS.map(({ id, label, Panel }) => ({ id, label, panel: () => <Panel snapshot={snapshot} /> }));
  return (
    <div className="app settings">
      <header className="settings-header">
        <h1>Settings</h1>
        {paused !== null && (
          // Pause lives in its own tab; say it here too, so a paused app is never a surprise.
          <p className="pause-note">
            Notifications paused until {formatDateTime(paused)}.{' '}
            <button type="button" className="link-button" onClick={() => select('notifications')}>
              Change
            </button>
          </p>
        )}
      </header>
      <main>
        <SettingsTabs tabs={tabs} selected={tab} onSelect={select} label="Settings sections" />
      </main>
    </div>
  );
}
