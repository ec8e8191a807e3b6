import { useEffect, useState } from 'react';
import type { DeliveryEntry, IpcError } from '../../../../shared/ipc/contract';
import { useApi } from '../../common/api';
import { InlineError } from '../../common/InlineError';
import { formatDateTime } from '../../common/time';

const OUTCOME_LABEL: Readonly<Record<DeliveryEntry['outcome'], string>> = {
  delivered: 'Delivered',
  retrying: 'Failed, retrying',
  failed: 'Failed',
  dropped: 'Dropped (queue full)',
};

const TYPE_LABEL: Readonly<Record<string, string>> = {
  test: 'Test',
  'incident.opened': 'New incident',
  'incident.updated': 'Incident update',
  'incident.resolved': 'Resolved',
  'provider.health-changed': 'Health change',
};

/** The newest deliveries of one channel (from status.db), re-read whenever `version` changes. */
export function DeliveryLog({ channelId, version }: { channelId: string; version: number }) {
  const api = useApi();
  const [entries, setEntries] = useState<DeliveryEntry[] | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  useEffect(() => {
    let live = true;
    api.getChannelDeliveries(channelId, 5).then(
      (r) => {
        if (!live) return;
        if (r.ok) setEntries(r.value);
        else setError(r.error);
      },
      (err: unknown) => live && setError({ code: 'internal', message: String(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, channelId, version]);
  return (
    <div className="delivery-log" role="group" aria-label="Recent deliveries">
      <h3>Recent deliveries</h3>
      <InlineError error={error} />
      {entries && entries.length === 0 && <p className="muted">Nothing sent yet. Use “Send test” to try the channel.</p>}
      {entries && entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Alert</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.alertId}-${e.attempt}-${i}`} data-outcome={e.outcome}>
                <td>{formatDateTime(e.at)}</td>
                <td>{TYPE_LABEL[e.alertType] ?? e.alertType}</td>
                <td>
                  {OUTCOME_LABEL[e.outcome]}
                  {e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}
                  {e.error ? ` — ${e.error}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
