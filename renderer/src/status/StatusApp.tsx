import { useState } from 'react';
import { useApi } from '../common/api';
import { useNow } from '../common/useNow';
import { useSnapshot } from '../common/useSnapshot';
import { InlineError } from '../common/InlineError';
import { EmptyState } from './EmptyState';
import { FilterBox } from './FilterBox';
import { ProviderList } from './ProviderList';
import { RecoveryBanner } from './RecoveryBanner';
import { SaveErrorBanner } from './SaveErrorBanner';
import { StatusHeader } from './StatusHeader';

/** The status window: overall health, then every provider with its incidents, live from pushed snapshots. */
export function StatusApp() {
  const api = useApi();
  const { snapshot, error } = useSnapshot(api);
  const now = useNow();
  const [filter, setFilter] = useState('');

  if (!snapshot) {
    return (
      <main className="app">
        {error ? <InlineError error={error} /> : <p className="loading" aria-busy="true">Loading status…</p>}
      </main>
    );
  }
  const { engine, settings } = snapshot;
  return (
    <div className="app">
      <StatusHeader
        overall={engine.overall}
        sourceCount={engine.sources.length}
        notificationsPausedUntil={settings.notificationsPausedUntil}
        now={now}
      />
      <main>
        {engine.saveError && <SaveErrorBanner error={engine.saveError} />}
        {engine.recoveryNotice && <RecoveryBanner message={engine.recoveryNotice} />}
        {engine.sources.length === 0 ? (
          <EmptyState />
        ) : (
          <>
            <FilterBox value={filter} onChange={setFilter} />
            <ProviderList sources={engine.sources} configs={settings.sources} filter={filter} now={now} />
          </>
        )}
      </main>
    </div>
  );
}
