import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../support/feeds';
import { buildTrayModel, trayIcon, type TrayAction } from '../../../shared/presentation/tray-model';
import { engineSnap, settingsWith, sourceSnap } from '../app/helpers';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { createAppTray, dotBitmap, toMenuTemplate } = await import('../../../electron/tray');

const NOW = Date.UTC(2026, 6, 9, 12);
const input = (health: 'operational' | 'major_outage') => ({
  engine: engineSnap([sourceSnap('gh', 'GitHub', health)], { overall: health }),
  settings: settingsWith([], { launchAtLogin: true }),
  now: NOW,
});
const model = (health: 'operational' | 'major_outage') => buildTrayModel(input(health));

describe('toMenuTemplate', () => {
  it('turns the model into Electron menu items whose clicks dispatch the model actions', () => {
    const actions: TrayAction[] = [];
    const template = toMenuTemplate(model('major_outage').menu, (a) => actions.push(a));
    expect(template[0]!.label).toBe('■ GitHub — Major outage');
    expect(template[1]).toEqual({ type: 'separator' });
    const login = template.find((i) => i.type === 'checkbox');
    expect(login).toMatchObject({ label: 'Launch at login', checked: true });
    const pause = template.find((i) => i.label === 'Pause notifications');
    const sub = pause!.submenu as { label?: string; click?: () => void; enabled?: boolean }[];
    sub[0]!.click!();
    template.at(-1)!.click!({} as never, undefined, {} as never);
    expect(actions).toEqual([{ type: 'pause-notifications', until: NOW + 3_600_000 }, { type: 'quit' }]);
    expect(sub.at(-1)).toMatchObject({ label: 'Resume notifications', enabled: false });
  });
});

describe('dotBitmap', () => {
  it('draws an opaque dot of the colour in BGRA order, transparent in the corners', () => {
    const size = 16;
    const buf = dotBitmap('#cf222e', size);
    expect(buf.length).toBe(size * size * 4);
    const centre = ((size / 2) * size + size / 2) * 4;
    expect([...buf.subarray(centre, centre + 4)]).toEqual([0x2e, 0x22, 0xcf, 255]);
    expect([...buf.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
  });
});

describe('createAppTray', () => {
  const options = (onClick: () => void = () => undefined, platform = 'linux') => ({ initialIcon: trayIcon('unknown', false), onClick, platform });

  it('applies icon, tooltip and menu, and calls onClick (not a menu action) on a click of the icon', () => {
    const actions: TrayAction[] = [];
    let clicks = 0;
    const tray = createAppTray(undefined, (a) => actions.push(a), options(() => clicks++));
    const t = double.Tray.last!;
    tray.update(model('major_outage'));
    expect(t.tooltip).toBe('GitHub: major outage');
    expect(t.poppedUp).toEqual([]);
    expect(t.image).toMatchObject({ source: 'bitmap:16' });
    expect((t.menu as { template: unknown[] }).template.length).toBeGreaterThan(5);
    t.emit('click');
    expect(clicks).toBe(1);
    expect(actions).toEqual([]);
  });

  it.each(['darwin', 'win32'])('on %s keeps the left-click for the popover and pops the menu up on right-click', (platform) => {
    let clicks = 0;
    const tray = createAppTray(undefined, () => undefined, options(() => clicks++, platform));
    const t = double.Tray.last!;
    t.emit('right-click');
    expect(t.poppedUp).toEqual([]);
    tray.update(model('operational'));
    expect(t.menu).toBeUndefined();
    t.emit('right-click');
    t.emit('click', { ctrlKey: false });
    expect(t.poppedUp).toHaveLength(1);
    expect((t.poppedUp[0] as { template: unknown[] }).template.length).toBeGreaterThan(5);
    expect(clicks).toBe(1);
    // Control-click (a Mac trackpad's right-click) opens the menu too.
    t.emit('click', { ctrlKey: true });
    expect(t.poppedUp).toHaveLength(2);
    expect(clicks).toBe(1);
  });

  it('marks macOS template icons as templates and leaves the coloured badge icons alone', () => {
    const tray = createAppTray(join(REPO_ROOT, 'build/tray'), () => undefined, { initialIcon: trayIcon('operational', false, { platform: 'darwin' }), onClick: () => undefined, platform: 'darwin' });
    const t = double.Tray.last!;
    expect(t.image).toMatchObject({ source: `path:${join(REPO_ROOT, 'build/tray/trayTemplate.png')}`, template: true });
    tray.update(buildTrayModel({ ...input('major_outage'), look: { platform: 'darwin', darkMenuBar: true } }));
    expect(t.image).toMatchObject({ source: `path:${join(REPO_ROOT, 'build/tray/trayBadge-major_outage-dark.png')}`, template: false });
  });

  it('reports the tray icon bounds for placing the popover', () => {
    const tray = createAppTray(undefined, () => undefined, options());
    double.Tray.last!.boundsValue = { x: 10, y: 0, width: 22, height: 24 };
    expect(tray.bounds()).toEqual({ x: 10, y: 0, width: 22, height: 24 });
  });

  it('uses the shipped icon for each health from build/tray', () => {
    const tray = createAppTray(join(REPO_ROOT, 'build/tray'), () => undefined, options());
    tray.update(model('major_outage'));
    expect(double.Tray.last!.image).toMatchObject({ source: `path:${join(REPO_ROOT, 'build/tray/tray-major_outage.png')}` });
    tray.update(model('operational'));
    expect(double.Tray.last!.image).toMatchObject({ source: `path:${join(REPO_ROOT, 'build/tray/tray-operational.png')}` });
  });
});
