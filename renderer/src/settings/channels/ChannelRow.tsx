import { useEffect, useRef, useState } from 'react';
import type { ChannelTestResult, ChannelView, IpcError } from '../../../../shared/ipc/contract';
import { deliveryAdvice } from '../../../../shared/presentation/channel-advice';
import { useApi } from '../../common/api';
import { InlineError } from '../../common/InlineError';
import { useAction } from '../../common/useAction';
import { filterSummary, kindLabel } from './channel-draft';
import { DeliveryLog } from './DeliveryLog';

/**
 * One configured channel: its name, kind and filter, "Send test" with its outcome (what went wrong and what
 * to do), Edit, Remove (asks first, in place), and its recent deliveries.
 */
export function ChannelRow({ view, nameOf, onEdit, onRemoved }: { view: ChannelView; nameOf: (id: string) => string; onEdit: () => void; onRemoved: () => void }) {
  const api = useApi();
  const { channel } = view;
  const title = channel.name ?? kindLabel(channel.kind);
  const [outcome, setOutcome] = useState<ChannelTestResult | undefined>();
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const test = useAction(() => api.testChannel(channel.id));
  const remove = useAction(() => api.removeChannel(channel.id));
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  async function sendTest() {
    setOutcome(undefined);
    const r = await test.run();
    if (r) setOutcome(r);
    setVersion((v) => v + 1);
  }

  const failure: IpcError | undefined = outcome && !outcome.ok ? { code: 'fetch-failed', message: outcome.error } : undefined;
  return (
    <li className="channel-row" data-channel-id={channel.id}>
      <div className="channel-row-head">
        <strong className="channel-name">{title}</strong>
        <span className="muted">{kindLabel(channel.kind)}</span>
        {channel.enabled === false && <span className="channel-off">Off</span>}
        <span className="channel-actions">
          <button type="button" disabled={test.pending} onClick={() => void sendTest()} aria-label={`Send test to ${title}`}>
            {test.pending ? 'Sending…' : 'Send test'}
          </button>
          <button type="button" onClick={onEdit} aria-label={`Edit ${title}`}>
            Edit
          </button>
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)} aria-label={`Remove ${title}`}>
            Remove…
          </button>
        </span>
      </div>
      <p className="muted channel-filter-summary">{filterSummary(channel.filter, nameOf)}</p>
      {confirming && (
        <div className="confirm" role="group" aria-label={`Confirm removing ${title}`}>
          <p>Stop sending alerts to {title}? Its saved secrets are deleted from the keychain.</p>
          <button
            type="button"
            className="danger"
            disabled={remove.pending}
            onClick={() => void remove.run().then((r) => r !== undefined && onRemoved())}
          >
            Remove {title}
          </button>
          <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <InlineError error={remove.error} onDismiss={remove.clearError} />
        </div>
      )}
      {outcome?.ok && (
        <p className="success test-outcome" role="status">
          Test delivered to {title}. Check that it arrived.
        </p>
      )}
      {failure && outcome && !outcome.ok && (
        <div className="inline-error test-outcome" role="alert">
          <span className="inline-error-message">Test failed: {outcome.error}</span>{' '}
          <span className="inline-error-advice">{deliveryAdvice(channel.kind, outcome.error, outcome.httpStatus)}</span>
        </div>
      )}
      <InlineError error={test.error} onDismiss={test.clearError} />
      <DeliveryLog channelId={channel.id} version={version} />
    </li>
  );
}
