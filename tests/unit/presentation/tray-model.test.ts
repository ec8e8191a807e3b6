import { describe, expect, it } from 'vitest';
import { buildTrayModel, tomorrowAtLocal, trayIcon, trayMenu, trayTooltip, type TrayMenuItem } from '../../../shared/presentation/tray-model';
import { engineSnap, settingsWith, sourceSnap } from '../app/helpers';
import type { Health } from '../../../shared/domain/types';

const NOW = Date.UTC(2026, 6, 9, 12, 0, 0);

describe('trayIcon', () => {
  it.each<[Health, string, string]>([
    ['operational', 'tray-operational', '#2da44e'],
    ['maintenance', 'tray-maintenance', '#0969da'],
    ['degraded', 'tray-degraded', '#d4a72c'],
    ['partial_outage', 'tray-partial_outage', '#e16f24'],
    ['major_outage', 'tray-major_outage', '#cf222e'],
    ['unknown', 'tray-unknown', '#8c959f'],
  ])('Windows/Linux: %s → %s %s, a colour icon', (health, name, colour) => {
    expect(trayIcon(health, false)).toEqual({ name, colour, template: false });
    expect(trayIcon(health, false, { platform: 'win32' })).toEqual({ name, colour, template: false });
  });

  it('has its own paused icon, not the grey of unknown, whatever the last health', () => {
    for (const health of ['operational', 'major_outage', 'unknown'] as const) {
      expect(trayIcon(health, true, { platform: 'linux' })).toEqual({ name: 'tray-paused', colour: '#8250df', template: false });
    }
    expect(trayIcon('unknown', true).name).not.toBe(trayIcon('unknown', false).name);
  });

  it.each<[Health, string]>([
    ['operational', 'trayTemplate'],
    ['unknown', 'trayUnknownTemplate'],
    ['maintenance', 'trayMaintenanceTemplate'],
  ])('macOS: %s → the template image %s, tinted by the system (no colour)', (health, name) => {
    for (const darkMenuBar of [false, true]) expect(trayIcon(health, false, { platform: 'darwin', darkMenuBar })).toMatchObject({ name, template: true });
  });

  it.each<[Health, string]>([
    ['degraded', 'degraded'],
    ['partial_outage', 'partial_outage'],
    ['major_outage', 'major_outage'],
  ])('macOS: %s adds a coloured badge, drawn for the light or dark menu bar', (health, badge) => {
    expect(trayIcon(health, false, { platform: 'darwin', darkMenuBar: false })).toMatchObject({ name: `trayBadge-${badge}-light`, template: false });
    expect(trayIcon(health, false, { platform: 'darwin', darkMenuBar: true })).toMatchObject({ name: `trayBadge-${badge}-dark`, template: false });
  });

  it('macOS: paused is a template too, even when the last health was an outage', () => {
    expect(trayIcon('major_outage', true, { platform: 'darwin', darkMenuBar: true })).toMatchObject({ name: 'trayPausedTemplate', template: true });
  });
});

describe('trayTooltip', () => {
  const saveError = (path: string) => ({ path, reason: 'the disk is full', code: 'ENOSPC', since: NOW, failures: 1, heldEvents: 2 });

  it('leads with "Cannot save to <path>: <reason>" while the state cannot be saved, then the health', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'operational')], { saveError: saveError('/home/me/.status-tray.json') });
    expect(trayTooltip({ engine, settings: settingsWith([]), now: NOW })).toBe('Cannot save to /home/me/.status-tray.json: the disk is full\nAll systems operational');
  });

  it('keeps the save error within the tooltip limit, cutting the path from the left and dropping the rest', () => {
    const path = `/home/me/${'very-long-folder-name/'.repeat(8)}state.json`;
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'major_outage')], { overall: 'major_outage', saveError: saveError(path) });
    const text = trayTooltip({ engine, settings: settingsWith([]), now: NOW });
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text).toMatch(/^Cannot save to …[^\n]*\/state\.json: the disk is full$/);
  });

  it('lists troubled providers worst first with human words', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'partial_outage'), sourceSnap('oa', 'OpenAI', 'degraded'), sourceSnap('sl', 'Slack', 'operational')], {
      overall: 'partial_outage',
    });
    expect(trayTooltip({ engine, settings: settingsWith([]), now: NOW })).toBe('GitHub: partial outage · OpenAI: degraded');
  });

  it('says all systems operational when every enabled provider is fine', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'operational'), sourceSnap('x', 'Off', 'major_outage', { enabled: false })]);
    expect(trayTooltip({ engine, settings: settingsWith([]), now: NOW })).toBe('All systems operational');
  });

  it('says when nothing is watched', () => {
    expect(trayTooltip({ engine: engineSnap([]), settings: settingsWith([]), now: NOW })).toMatch(/no status pages/);
  });

  it('notes paused checks, paused notifications and missed alerts', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'operational')], { paused: true });
    const text = trayTooltip({ engine, settings: settingsWith([], { notificationsPausedUntil: NOW + 1000 }), now: NOW, missedAlerts: 2 });
    expect(text).toBe('All systems operational (checks paused, notifications paused, 2 missed alerts)');
  });

  it('does not mention a notification pause that has ended', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'operational')]);
    expect(trayTooltip({ engine, settings: settingsWith([], { notificationsPausedUntil: NOW - 1 }), now: NOW })).toBe('All systems operational');
  });

  it('stays under 128 characters with many troubled providers and says how many were left out', () => {
    const sources = Array.from({ length: 20 }, (_, i) => sourceSnap(`s${i}`, `Provider number ${i}`, 'major_outage'));
    const text = trayTooltip({ engine: engineSnap(sources), settings: settingsWith([]), now: NOW });
    expect(text.length).toBeLessThan(128);
    const shown = text.split(' · ').filter((p) => p.startsWith('Provider')).length;
    expect(text).toContain(`+${20 - shown} more`);
  });
});

describe('trayMenu', () => {
  const labels = (items: TrayMenuItem[]) => items.map((i) => (i.kind === 'separator' ? '—' : i.label));

  it('lists enabled providers with their health, then the actions in order', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'major_outage'), sourceSnap('off', 'Off', 'operational', { enabled: false })]);
    const menu = trayMenu({ engine, settings: settingsWith([], { launchAtLogin: true }), now: NOW });
    expect(labels(menu)).toEqual(['GitHub — Major outage', '—', 'Open Status Tray', 'Open Full Window', 'Check now', 'Pause notifications', '—', 'Settings…', 'Launch at login', '—', 'Quit Status Tray']);
    const provider = menu[0]!;
    expect(provider.kind === 'provider' && provider.health).toBe('major_outage');
    const login = menu.find((i) => i.kind === 'checkbox');
    expect(login?.kind === 'checkbox' && login.checked).toBe(true);
    expect(menu.at(-1)).toMatchObject({ action: { type: 'quit' } });
    expect(menu.find((i) => i.kind === 'action' && i.label === 'Open Status Tray')).toMatchObject({ action: { type: 'open-popover' } });
    expect(menu.find((i) => i.kind === 'action' && i.label === 'Open Full Window')).toMatchObject({ action: { type: 'open-window' } });
  });

  it('provider items open the popover at that provider', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'major_outage'), sourceSnap('aws', 'AWS', 'operational')]);
    const menu = trayMenu({ engine, settings: settingsWith([]), now: NOW });
    const providers = menu.filter((i) => i.kind === 'provider');
    expect(providers.map((p) => p.kind === 'provider' && p.action)).toEqual([
      { type: 'show-provider', sourceId: 'gh' },
      { type: 'show-provider', sourceId: 'aws' },
    ]);
    const first = providers[0]!;
    if (first.kind !== 'provider' || !first.items) throw new Error('no provider submenu');
    expect(first.items[0]).toEqual({ kind: 'action', label: 'Show GitHub', action: { type: 'show-provider', sourceId: 'gh' }, enabled: true });
  });

  it('offers pauses of 1 h, 4 h and until tomorrow 08:00, and resume only while paused', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'operational')]);
    const menu = trayMenu({ engine, settings: settingsWith([]), now: NOW });
    const sub = menu.find((i) => i.kind === 'submenu');
    if (sub?.kind !== 'submenu') throw new Error('no pause submenu');
    const actions = sub.items.map((i) => (i.kind === 'action' ? [i.action, i.enabled] : null));
    expect(actions).toEqual([
      [{ type: 'pause-notifications', until: NOW + 3_600_000 }, true],
      [{ type: 'pause-notifications', until: NOW + 4 * 3_600_000 }, true],
      [{ type: 'pause-notifications', until: tomorrowAtLocal(NOW) }, true],
      [{ type: 'pause-notifications', until: null }, false],
    ]);
    const pausedMenu = trayMenu({ engine, settings: settingsWith([], { notificationsPausedUntil: NOW + 3_600_000 }), now: NOW });
    const pausedSub = pausedMenu.find((i) => i.kind === 'submenu');
    if (pausedSub?.kind !== 'submenu') throw new Error('no pause submenu');
    expect(pausedSub.label).toMatch(/^Notifications paused until \d\d:\d\d/);
    expect(pausedSub.items.at(-1)).toMatchObject({ enabled: true, action: { until: null } });
  });

  it('offers Check for Updates… only when the updater is wired, disabled when updates are off', () => {
    const engine = engineSnap([]);
    expect(trayMenu({ engine, settings: settingsWith([]), now: NOW }).some((i) => i.kind === 'action' && i.action.type === 'check-updates')).toBe(false);
    const on = trayMenu({ engine, settings: settingsWith([]), now: NOW, updates: { enabled: true } });
    expect(on.find((i) => i.kind === 'action' && i.action.type === 'check-updates')).toMatchObject({ label: 'Check for Updates…', enabled: true });
    const off = trayMenu({ engine, settings: settingsWith([]), now: NOW, updates: { enabled: false } });
    expect(off.find((i) => i.kind === 'action' && i.action.type === 'check-updates')).toMatchObject({ enabled: false });
  });

  it('disables Check now when no source is enabled', () => {
    const menu = trayMenu({ engine: engineSnap([]), settings: settingsWith([]), now: NOW });
    expect(menu.find((i) => i.kind === 'action' && i.label === 'Check now')).toMatchObject({ enabled: false });
  });
});

describe('tomorrowAtLocal', () => {
  it('is 08:00 local on the next calendar day', () => {
    for (const start of [Date.UTC(2026, 2, 28, 23, 30), Date.UTC(2026, 9, 24, 1, 0), NOW, Date.UTC(2026, 11, 31, 7, 59)]) {
      const at = new Date(tomorrowAtLocal(start));
      const next = new Date(start);
      next.setDate(next.getDate() + 1);
      expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([next.getFullYear(), next.getMonth(), next.getDate(), 8, 0]);
      expect(at.getTime()).toBeGreaterThan(start);
    }
  });
});

describe('buildTrayModel', () => {
  it('combines icon, tooltip and menu from one snapshot', () => {
    const engine = engineSnap([sourceSnap('gh', 'GitHub', 'degraded')], { overall: 'degraded' });
    const model = buildTrayModel({ engine, settings: settingsWith([]), now: NOW });
    expect(model.icon.name).toBe('tray-degraded');
    expect(buildTrayModel({ engine, settings: settingsWith([]), now: NOW, look: { platform: 'darwin', darkMenuBar: false } }).icon.name).toBe('trayBadge-degraded-light');
    expect(model.tooltip).toBe('GitHub: degraded');
    expect(model.menu[0]).toMatchObject({ kind: 'provider', sourceId: 'gh' });
  });
});
