/**
 * System notifications through Electron's `Notification`. When they cannot be shown — unsupported (Linux
 * without a notification daemon) or `failed` (an unsigned macOS build, Electron ≥ 42) — the toast goes to
 * the fallback (the tray's "missed alerts" count and the list) and the notifier stops trying system
 * notifications for the rest of the session: no retry loop (docs/http-and-faults.md, row 50).
 */
import { Notification } from 'electron';
import type { NotifierPort } from '../shared/app/notifier';
import type { Toast } from '../shared/presentation/notifications';

/** What the Electron notifier needs. */
export interface ElectronNotifierDeps {
  /** Clicked toast: open its URL (via openExternalSafe) or the main window when it has none. */
  onClick: (toast: Toast) => void;
  /** A toast that could not be shown as a system notification. Called once per toast. */
  onFallback: (toast: Toast) => void;
  log?: (message: string) => void;
}

/** The notifier port for the desktop app, plus whether system notifications still work. */
export interface ElectronNotifier extends NotifierPort {
  /** False once notifications are unsupported or one failed; from then on toasts go to the fallback. */
  readonly systemAvailable: boolean;
}

/** Create the notifier. */
export function createElectronNotifier(deps: ElectronNotifierDeps): ElectronNotifier {
  let available: boolean | undefined;
  // A Notification nobody references can be garbage-collected before it is clicked; keep them until done.
  const live = new Set<Notification>();

  return {
    get systemAvailable() {
      return available ?? true;
    },
    show(toast) {
      available ??= Notification.isSupported();
      if (!available) return deps.onFallback(toast);
      const n = new Notification({ title: toast.title, body: toast.body, silent: false });
      live.add(n);
      const done = () => live.delete(n);
      n.on('click', () => {
        done();
        deps.onClick(toast);
      });
      n.on('close', done);
      n.on('failed', (_event, error) => {
        done();
        if (available) deps.log?.(`System notifications failed (${error}); using the tray from now on.`);
        available = false;
        deps.onFallback(toast);
      });
      n.show();
    },
  };
}
