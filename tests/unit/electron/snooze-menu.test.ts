/** The snooze submenu and notification buttons as Electron receives them. */
import { describe, expect, it, vi } from 'vitest';
import { trayMenu } from '../../../shared/presentation/tray-model';
import { engineSnap, incident, settingsWith, source, sourceSnap } from '../app/helpers';

vi.mock('electron', () => import('./electron-double'));
const { toMenuTemplate } = await import('../../../electron/tray');
const { notificationActions } = await import('../../../electron/notifier');

const NOW = Date.UTC(2026, 6, 10, 10, 0, 0);
const withIncident = sourceSnap('gh', 'GitHub', 'degraded', {
  status: { provider: 'GitHub', format: 'statuspage-json', health: 'degraded', components: [], activeIncidents: [incident('x')], recentIncidents: [], scheduledMaintenances: [], coverage: 'active-only' },
});

describe('tray snooze submenu', () => {
  it('Electron gets a submenu whose clicks carry the snooze action', () => {
    const actions: unknown[] = [];
    const template = toMenuTemplate(trayMenu({ engine: engineSnap([withIncident]), settings: settingsWith([source('gh')]), now: NOW }), (a) => actions.push(a));
    const sub = template[0]!.submenu as { label?: string; click?: () => void }[];
    sub.find((i) => i.label === 'Snooze 1 h')!.click!();
    expect(actions).toEqual([{ type: 'snooze-source', sourceId: 'gh', request: { hours: 1 } }]);
  });
});

describe('notification actions', () => {
  const toast = { id: 'x', title: 't', body: 'b', sourceId: 'gh', actions: ['open', 'snooze-1h'] as const };
  it('buttons on macOS only, and only for a toast about one provider', () => {
    expect(notificationActions({ ...toast, actions: [...toast.actions] }, 'darwin')).toEqual(['open', 'snooze-1h']);
    expect(notificationActions({ ...toast, actions: [...toast.actions] }, 'win32')).toEqual([]);
    expect(notificationActions({ id: 'x', title: 't', body: 'b', actions: ['open'] }, 'darwin')).toEqual([]);
  });
});
