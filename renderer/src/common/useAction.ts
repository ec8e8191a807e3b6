import { useCallback, useState } from 'react';
import type { IpcError, Result } from '../../../shared/ipc/contract';

/** State of one user action that calls main: whether it is running and the error it ended with. */
export interface ActionState<A extends unknown[], T> {
  /** Runs the call; resolves with the value, or `undefined` when it failed (the error is in `error`). */
  run: (...args: A) => Promise<T | undefined>;
  pending: boolean;
  error: IpcError | undefined;
  clearError: () => void;
}

/**
 * Wraps a `Result`-returning API call for a button or form: tracks `pending`, keeps the last error for inline
 * display, and turns a rejected promise (IPC itself failed) into an `internal` error instead of throwing.
 */
export function useAction<A extends unknown[], T>(call: (...args: A) => Promise<Result<T>>): ActionState<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(undefined);
    try {
      const result = await call(...args);
      if (result.ok) return result.value;
      setError(result.error);
      return undefined;
    } catch (err) {
      setError({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
      return undefined;
    } finally {
      setPending(false);
    }
  }, [call]);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
