import { useEffect, useState } from 'react';
import type { HistoryView } from '../../../shared/ipc/contract';
import { historyCsv, historyJson } from '../../../shared/history/export';
import { UPTIME_WINDOWS, type UptimeWindowLabel } from '../../../shared/history/types';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { DayBar } from './DayBar';
import { ResolvedList } from './ResolvedList';
import { UptimeFigures } from './UptimeFigures';
import './history.css';

/** Save `text` as a file through the browser's download (Electron shows its save dialog). */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The history view: each provider's 90-day bar and uptime figures, and the resolved incidents, filterable by
 * provider and time range, exportable as JSON or CSV. Self-contained: reads `getHistory` over IPC; `refreshKey`
 * (e.g. the newest check time) makes it reload when new polls may have recorded something.
 */
export function HistorySection({ refreshKey }: { refreshKey: number }) {
  const api = useApi();
  const [provider, setProvider] = useState('');
  const [range, setRange] = useState<UptimeWindowLabel>('90d');
  const [view, setView] = useState<HistoryView | undefined>();
  // Every provider seen, so the filter keeps offering the others while one is selected.
  const [known, setKnown] = useState<{ id: string; name: string }[]>([]);
  const load = useAction(api.getHistory);
  const { run } = load;

  useEffect(() => {
    let live = true;
    const since = Date.now() - UPTIME_WINDOWS.find((w) => w.label === range)!.ms;
    void run({ ...(provider ? { sourceIds: [provider] } : {}), since }).then((v) => {
      if (!live || !v) return;
      setView(v);
      if (!provider) setKnown(v.providers.map((p) => ({ id: p.sourceId, name: p.provider })));
    });
    return () => {
      live = false;
    };
  }, [run, provider, range, refreshKey]);

  const providers = view?.providers ?? [];
  const stamp = view ? new Date(view.now).toISOString().slice(0, 10) : 'history';
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <div className="history-filters">
        <label>
          Provider{' '}
          <select value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">All providers</option>
            {known.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Resolved in the last{' '}
          <select value={range} onChange={(e) => setRange(e.target.value as UptimeWindowLabel)}>
            {UPTIME_WINDOWS.map((w) => (
              <option key={w.label} value={w.label}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!view} onClick={() => view && download(`status-history-${stamp}.json`, 'application/json', JSON.stringify(view.resolved.map(historyJson), null, 2))}>
          Export JSON
        </button>
        <button type="button" disabled={!view} onClick={() => view && download(`status-history-${stamp}.csv`, 'text/csv', historyCsv(view.resolved))}>
          Export CSV
        </button>
      </div>
      {load.error && <InlineError error={load.error} />}
      {!view && !load.error && <p className="loading" aria-busy="true">Loading history…</p>}
      {view && (
        <>
          <ul className="provider-history-list">
            {providers.map((p) => (
              <li key={p.sourceId} className="provider-history" data-source-id={p.sourceId}>
                <div className="provider-history-head">
                  <span className="provider-history-name">{p.provider}</span>
                  <UptimeFigures figures={p.uptime} />
                </div>
                <DayBar provider={p.provider} days={p.days} incidents={p.incidents} />
              </li>
            ))}
          </ul>
          <h3>Resolved incidents</h3>
          <ResolvedList incidents={view.resolved} />
        </>
      )}
    </section>
  );
}
