import { useEffect, useRef, useState } from 'react';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

/**
 * "Remove…" that asks first, in place (no modal dialog): the confirmation names the provider and focus moves
 * to Cancel, so a stray Enter does not delete.
 */
export function RemoveSourceButton({ id, name }: { id: string; name: string }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const remove = useAction(() => api.removeSource(id));
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
        Remove…
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={`Confirm removing ${name}`}>
      <p>Stop watching {name}? Its incident history is forgotten.</p>
      <button type="button" className="danger" disabled={remove.pending} onClick={() => void remove.run()}>
        Remove {name}
      </button>
      <button type="button" ref={cancelRef} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <InlineError error={remove.error} onDismiss={remove.clearError} />
    </div>
  );
}
