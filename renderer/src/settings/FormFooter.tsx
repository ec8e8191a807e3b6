import type { IpcError } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';

/**
 * The end of an edit form (a channel, an endpoint check): the field problem found before saving, Save and
 * Cancel, and the error main returned. `submitLabel` names the action ("Add check", "Save channel").
 */
export function FormFooter({ problem, submitLabel, pending, onCancel, error, onDismissError }: {
  problem: string | undefined;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  error: IpcError | undefined;
  onDismissError: () => void;
}) {
  return (
    <>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <InlineError error={error} onDismiss={onDismissError} />
    </>
  );
}
