import { useEffect, useState } from 'react';
import type { AppSnapshot, IpcError, StatusTrayApi } from '../../../shared/ipc/contract';

/** What the page knows about the app: the latest snapshot, or why it could not get one. */
export interface SnapshotState {
  snapshot?: AppSnapshot;
  error?: IpcError;
}

/**
 * Subscribes to pushed snapshots and fetches the current one once. A snapshot pushed before the initial
 * `getSnapshot()` answers is newer, so the late answer does not overwrite it.
 */
export function useSnapshot(api: StatusTrayApi): SnapshotState {
  const [state, setState] = useState<SnapshotState>({});
  useEffect(() => {
    let live = true;
    const unsubscribe = api.onSnapshot((snapshot) => {
      if (live) setState({ snapshot });
    });
    void api.getSnapshot().then(
      (result) => {
        if (!live) return;
        setState((prev) => (prev.snapshot ? prev : result.ok ? { snapshot: result.value } : { error: result.error }));
      },
      (err: unknown) => {
        if (live) setState((prev) => prev.snapshot ? prev : { error: { code: 'internal', message: String(err) } });
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}
