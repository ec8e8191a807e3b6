import { describe, expect, it } from 'vitest';
import { trayMenu, type TrayMenuItem } from '../../../shared/presentation/tray-model';
import { engineSnap, incident, settingsWith, source, sourceSnap } from '../app/helpers';

const NOW = Date.UTC(2026, 6, 10, 10, 0, 0);
const withIncident = sourceSnap('gh', 'GitHub', 'degraded', {
  status: { provider: 'GitHub', format: 'statuspage-json', health: 'degraded', components: [], activeIncidents: [incident('x')], recentIncidents: [], scheduledMaintenances: [], coverage: 'active-only' },
});

function providerItems(menu: TrayMenuItem[]): TrayMenuItem[] {
  const first = menu[0]!;
  if (first.kind !== 'provider' || !first.items) throw new Error('no provider submenu');
  return first.items;
}

describe('tray: snooze one provider', () => {
  it('each provider opens a submenu with Snooze 1 h / 8 h / 24 h / until resolved', () => {
    const menu = trayMenu({ engine: engineSnap([withIncident]), settings: settingsWith([source('gh')]), now: NOW });
    const items = providerItems(menu).filter((i) => i.kind === 'action');
    expect(items.map((i) => i.kind === 'action' && [i.label, i.enabled])).toEqual([
      ['Show GitHub', true],
      ['Snooze 1 h', true],
      ['Snooze 8 h', true],
      ['Snooze 24 h', true],
      ['Snooze until resolved', true],
      ['End snooze', false],
    ]);
    expect(items[0]).toMatchObject({ action: { type: 'show-provider', sourceId: 'gh' } });
    expect(items[2]).toMatchObject({ action: { type: 'snooze-source', sourceId: 'gh', request: { hours: 8 } } });
  });

  it('"until resolved" is disabled without an open incident; a snoozed provider says until when and can be woken', () => {
    const snoozed = settingsWith([source('gh', { snooze: { until: NOW + 3_600_000 } })]);
    const menu = trayMenu({ engine: engineSnap([sourceSnap('gh', 'GitHub', 'operational')]), settings: snoozed, now: NOW });
    expect(menu[0]).toMatchObject({ label: expect.stringMatching(/^GitHub — Operational \(snoozed until \d\d:\d\d\)$/) });
    const items = providerItems(menu);
    expect(items.find((i) => i.kind === 'action' && i.label === 'Snooze until resolved')).toMatchObject({ enabled: false });
    expect(items.find((i) => i.kind === 'action' && i.label === 'End snooze')).toMatchObject({ enabled: true, action: { request: null } });
  });

});
