/**
 * The engine's listeners: events and snapshots fanned out to each, one failing listener logged and skipped
 * so the others still hear (docs/architecture.md, "Commit order").
 */
import type { EngineListener, EngineSnapshot } from './api';
import type { EngineEvent } from './events';

/** Listeners of one engine. */
export interface Listeners {
  /** Add `listener`; returns the function that removes it. */
  add(listener: EngineListener): () => void;
  /** Hand `events` to every `onEvents`. */
  emit(events: EngineEvent[]): void;
  /** Whether anyone listens for snapshots (building one for nobody is skipped). */
  wantSnapshots(): boolean;
  /** Hand `snapshot` to every `onSnapshot`. */
  sendSnapshot(snapshot: EngineSnapshot): void;
}

/** @param log where a listener's failure is reported (its message; never thrown). */
export function createListeners(log: (message: string) => void): Listeners {
  const listeners = new Set<EngineListener>();
  const each = (what: string, call: (l: EngineListener) => void) => {
    for (const l of [...listeners]) {
      try {
        call(l);
      } catch (err) {
        log(`A${what} listener failed: ${(err as Error)?.message ?? err}`);
      }
    }
  };
  return {
    add(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (events) => each('n event', (l) => l.onEvents?.(events)),
    wantSnapshots: () => [...listeners].some((l) => l.onSnapshot),
    sendSnapshot: (snapshot) => each(' snapshot', (l) => l.onSnapshot?.(snapshot)),
  };
}
