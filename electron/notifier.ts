/**
 * System notifications through Electron's `Notification`. When they cannot be shown — unsupported (Linux
 * without a notification daemon) or `failed` (an unsigned macOS build, Electron ≥ 42) — the toast goes to
 * the fallback (the tray's "missed alerts" count and the list) and the notifier stops trying system
 * notifications for the rest of the session: no retry loop (docs/http-and-faults.md, row 50).
 */
import { Notification } from 'electron';
import type { NotifierPort } from '../shared/app/notifier';
import type { Toast, ToastAction } from '../shared/presentation/notifications';

/** What the Electron notifier needs. */
export interface ElectronNotifierDeps {
  /** Clicked toast (or its "Open" button): open its URL (via openExternalSafe) or the main window. */
  onClick: (toast: Toast) => void;
  /** Its "Snooze 1 h" button: snooze the toast's provider for an hour. */
  onSnooze?: (toast: Toast) => void;
  /** A toast that could not be shown as a system notification. Called once per toast. */
  onFallback: (toast: Toast) => void;
  log?: (message: string) => void;
}

/** The notifier port for the desktop app, plus whether system notifications still work. */
export interface ElectronNotifier extends NotifierPort {
  /** False once notifications are unsupported or one failed; from then on toasts go to the fallback. */
  readonly systemAvailable: boolean;
}

const ACTION_TEXT: Readonly<Record<ToastAction, string>> = { open: 'Open', 'snooze-1h': 'Snooze 1 h' };

/**
 * The buttons a toast gets on this platform. Electron shows `actions` on macOS only (Windows needs custom
 * toast XML, Linux daemons ignore them), so elsewhere a toast has none and a click opens it.
 */
export function notificationActions(toast: Toast, platform: NodeJS.Platform): ToastAction[] {
  if (platform !== 'darwin' || !toast.sourceId) return [];
  return toast.actions ?? [];
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
      const actions = notificationActions(toast, process.platform);
      const n = new Notification({ title: toast.title, body: toast.body, silent: false, ...(actions.length > 0 ? { actions: actions.map((a) => ({ type: 'button' as const, text: ACTION_TEXT[a] })) } : {}) });
      live.add(n);
      const done = () => live.delete(n);
      n.on('click', () => {
        done();
        deps.onClick(toast);
      });
      n.on('action', (_event, index) => {
        done();
        if (actions[index] === 'snooze-1h') deps.onSnooze?.(toast);
        else deps.onClick(toast);
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
