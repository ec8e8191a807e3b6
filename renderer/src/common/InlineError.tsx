import type { IpcError } from '../../../shared/ipc/contract';
import { IPC_ERROR_ADVICE } from './advice';

/** A failed call's message and what to do about it, announced to screen readers; renders nothing without an error. */
export function InlineError({ error, onDismiss }: { error: IpcError | undefined; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div className="inline-error" role="alert">
      <span className="inline-error-message">{error.message}</span>{' '}
      <span className="inline-error-advice">{IPC_ERROR_ADVICE[error.code]}</span>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
