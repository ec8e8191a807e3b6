import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { viewFromSearch } from '../../../shared/ipc/contract';
import { arrangeRows } from '../../../shared/presentation/status-rows';
import { useApi } from '../common/api';
import { useNow } from '../common/useNow';
import { useSnapshot } from '../common/useSnapshot';
import { InlineError } from '../common/InlineError';
import { HistorySection } from '../history/HistorySection';
import { EmptyState } from './EmptyState';
import { FilterBox } from './FilterBox';
import { GROUP_KEY, ProviderList } from './ProviderList';
import { RecoveryBanner } from './RecoveryBanner';
import { SaveErrorBanner } from './SaveErrorBanner';
import { StatusHeader } from './StatusHeader';

/**
 * The status window, live from pushed snapshots: overall health, then every provider as a dense row. The
 * same app is the tray popover (`?view=popover`: compact, pin and "Open full window", the operational group
 * folded) and the full window (the group open, history below). Escape collapses the expanded row (or all),
 * then, in the popover, asks main to close it. Main can ask to show one provider (tray menu item).
 */
export function StatusApp() {
  const api = useApi();
  const view = useMemo(() => viewFromSearch(window.location.search), []);
  const { snapshot, error } = useSnapshot(api);
  const now = useNow();
  const [filter, setFilter] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [groupOpen, setGroupOpen] = useState(view === 'full');
  const toggles = useRef(new Map<string, RefObject<HTMLButtonElement | null>>()).current;
  const pendingFocus = useRef<string | undefined>(undefined);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // Escape: collapse the row holding focus, else every expanded row (and the popover's group), else close the popover.
  const escapeState = useRef({ expanded, groupOpen, view, api });
  escapeState.current = { expanded, groupOpen, view, api };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const state = escapeState.current;
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('li.provider')?.dataset.sourceId;
      if (focused !== undefined && state.expanded.has(focused)) {
        e.preventDefault();
        setExpanded((prev) => new Set([...prev].filter((id) => id !== focused)));
        toggles.get(focused)?.current?.focus();
        return;
      }
      if (state.expanded.size > 0 || (state.view === 'popover' && state.groupOpen)) {
        e.preventDefault();
        setExpanded(new Set());
        if (state.view === 'popover') setGroupOpen(false);
        if (state.view === 'popover' && state.groupOpen && focused !== undefined) pendingFocus.current = GROUP_KEY;
        return;
      }
      if (state.view === 'popover') void state.api.closePopover();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toggles]);

  // Main asks to show a provider: open its group if it is folded there, expand it, then scroll to it and focus it.
  const sourcesRef = useRef(snapshot?.engine.sources ?? []);
  sourcesRef.current = snapshot?.engine.sources ?? [];
  useEffect(() =>
    api.onFocusProvider((sourceId) => {
      const source = sourcesRef.current.find((s) => s.id === sourceId);
      if (!source) return;
      setFilter('');
      if (arrangeRows([source]).operational.length > 0) setGroupOpen(true);
      setExpanded((prev) => new Set([...prev, sourceId]));
      pendingFocus.current = sourceId;
    }), [api]);
  useEffect(() => {
    const key = pendingFocus.current;
    if (key === undefined) return;
    const button = toggles.get(key)?.current;
    if (!button) return;
    pendingFocus.current = undefined;
    button.scrollIntoView({ block: 'nearest' });
    button.focus();
  });

  if (!snapshot) {
    return (
      <main className={`app app-${view}`}>
        {error ? <InlineError error={error} /> : <p className="loading" aria-busy="true">Loading status…</p>}
      </main>
    );
  }
  const { engine, settings } = snapshot;
  return (
    <div className={`app app-${view}`}>
      <StatusHeader
        overall={engine.overall}
        sourceCount={engine.sources.length}
        notificationsPausedUntil={settings.notificationsPausedUntil}
        now={now}
        view={view}
      />
      <main>
        {engine.saveError && <SaveErrorBanner error={engine.saveError} />}
        {engine.recoveryNotice && <RecoveryBanner message={engine.recoveryNotice} />}
        {engine.sources.length === 0 ? (
          <EmptyState />
        ) : (
          <>
            <FilterBox value={filter} onChange={setFilter} />
            <ProviderList
              sources={engine.sources}
              configs={settings.sources}
              filter={filter}
              now={now}
              expanded={expanded}
              onToggle={toggle}
              groupOpen={groupOpen}
              onToggleGroup={() => setGroupOpen((v) => !v)}
              toggles={toggles}
            />
            {view === 'full' && (
              <>
                <button type="button" className="history-toggle" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
                  {showHistory ? 'Hide history' : 'History and uptime'}
                </button>
                {showHistory && <HistorySection refreshKey={Math.max(0, ...engine.sources.map((s) => s.lastCheckedAt ?? 0))} />}
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}
