import { describe, expect, it, vi } from 'vitest';
import { createAppController, type AppControllerDeps } from '../../../shared/app/controller';
import type { AppSnapshot } from '../../../shared/ipc/contract';
import type { Toast } from '../../../shared/presentation/notifications';
import { FakeClock, FakeEngine, MemorySettings, engineSnap, incident, opened, settingsWith, source, sourceSnap, throughIpc } from './helpers';

function setup(over: Partial<AppControllerDeps> = {}, settings = new MemorySettings()) {
  const engine = new FakeEngine();
  const clock = new FakeClock();
  let n = 0;
  const shown: Toast[] = [];
  const deps: AppControllerDeps = {
    engine,
    settings,
    clock,
    preview: async (url) => ({ ok: true, value: { sourceUrl: url, format: 'statuspage-json', provider: 'Example', health: 'operational', activeIncidents: 0, foundVia: 'test' } }),
    notifier: { show: (t) => void shown.push(t) },
    newId: () => `src-${++n}`,
    notifyBatchMs: 0,
    ...over,
  };
  const controller = createAppController(deps);
  const pushed: AppSnapshot[] = [];
  controller.onSnapshot((s) => pushed.push(s));
  return { controller, ipc: throughIpc(controller), engine, clock, settings, shown, pushed };
}

describe('addSource', () => {
  it('adds with defaults, persists, configures the engine and pushes a snapshot', async () => {
    const { controller, engine, settings, pushed } = setup({}, new MemorySettings(settingsWith([], { defaultIntervalSeconds: 120 })));
    const r = await controller.addSource({ url: 'https://www.githubstatus.com/api/v2/summary.json', name: 'GitHub' });
    expect(r).toEqual({ ok: true, value: { id: 'src-1', url: 'https://www.githubstatus.com/api/v2/summary.json', name: 'GitHub', enabled: true, intervalSeconds: 120, notify: 'all' } });
    expect(settings.value.sources).toHaveLength(1);
    expect(engine.sources).toEqual([{ id: 'src-1', url: 'https://www.githubstatus.com/api/v2/summary.json', name: 'GitHub', intervalSeconds: 120, enabled: true, failAfter: 2 }]);
    expect(pushed.at(-1)?.settings.sources[0]?.id).toBe('src-1');
  });

  it.each([
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['ftp://example.com/feed'],
    ['not a url'],
    [`https://example.com/${'a'.repeat(2050)}`],
  ])('refuses %s', async (url) => {
    const { ipc, settings } = setup();
    const r = await ipc.addSource({ url });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-payload');
    expect(settings.writes).toBe(0);
  });

  it('refuses an interval under 60 s with a clear message', async () => {
    const { ipc } = setup();
    const r = await ipc.addSource({ url: 'https://status.example.com/', intervalSeconds: 30 });
    expect(r).toEqual({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('at least 60 seconds') } });
  });

  it('refuses a duplicate, comparing normalised URLs', async () => {
    const { controller } = setup({}, new MemorySettings(settingsWith([source('gh', { url: 'https://www.githubstatus.com/history.atom', name: 'GitHub' })])));
    for (const url of ['HTTPS://WWW.GITHUBSTATUS.COM/history.atom', 'https://www.githubstatus.com:443/history.atom#x', 'https://www.githubstatus.com/history.atom/']) {
      const r = await controller.addSource({ url });
      expect(r).toEqual({ ok: false, error: { code: 'duplicate', message: 'GitHub is already in your list.' } });
    }
    expect((await controller.addSource({ url: 'https://www.githubstatus.com/history.rss' })).ok).toBe(true);
  });

  it('keeps the old settings when saving fails', async () => {
    const store = new MemorySettings();
    const { controller, engine } = setup({}, store);
    store.failNext = true;
    const r = await controller.addSource({ url: 'https://status.example.com/' });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'The settings could not be saved.' } });
    expect(controller.settings().sources).toEqual([]);
    expect(engine.sources).toEqual([]);
  });
});

describe('updateSource and removeSource', () => {
  const start = () => setup({}, new MemorySettings(settingsWith([source('a', { name: 'A' }), source('b')])));

  it('applies a patch and clears the name with an empty string', async () => {
    const { controller, engine } = start();
    const r = await controller.updateSource('a', { enabled: false, intervalSeconds: 600, notify: 'major', name: '' });
    expect(r).toEqual({ ok: true, value: { id: 'a', url: source('a').url, enabled: false, intervalSeconds: 600, notify: 'major' } });
    expect(engine.sources.find((s) => s.id === 'a')).toMatchObject({ enabled: false, intervalSeconds: 600 });
    expect(engine.sources.find((s) => s.id === 'a')?.name).toBeUndefined();
  });

  it('rejects unknown keys, bad values and unknown ids', async () => {
    const { controller } = start();
    expect(await throughIpc(controller).updateSource('a', { url: 'https://evil.example' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await throughIpc(controller).updateSource('a', { intervalSeconds: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await throughIpc(controller).updateSource('a', {})).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await controller.updateSource('zz', { enabled: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('removes a source from settings and engine', async () => {
    const { controller, engine } = start();
    expect(await controller.removeSource('a')).toEqual({ ok: true, value: null });
    expect(engine.sources.map((s) => s.id)).toEqual(['b']);
    expect(await controller.removeSource('a')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('other calls', () => {
  it('checkNow passes the id (or none) to the engine and refuses unknown ids', async () => {
    const { controller, engine } = setup({}, new MemorySettings(settingsWith([source('a')])));
    expect(await controller.checkNow()).toEqual({ ok: true, value: null });
    expect(await controller.checkNow('a')).toEqual({ ok: true, value: null });
    expect(await controller.checkNow('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(engine.checked).toEqual([undefined, 'a']);
  });

  it('returns engine failures as values', async () => {
    const { controller, engine } = setup({}, new MemorySettings(settingsWith([source('a')])));
    engine.checkNow = async () => {
      throw new Error('boom');
    };
    expect(await controller.checkNow()).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('pauses notifications until a time, and treats a past time as resume', async () => {
    const { controller, clock } = setup();
    await controller.pauseNotifications(clock.now() + 3_600_000);
    expect(controller.settings().notificationsPausedUntil).toBe(clock.now() + 3_600_000);
    await controller.pauseNotifications(clock.now() - 1);
    expect(controller.settings().notificationsPausedUntil).toBeNull();
  });

  it('sets launch at login through the system, and reports a refusal', async () => {
    const apply = vi.fn();
    const { controller } = setup({ applyLaunchAtLogin: apply });
    expect(await controller.setLaunchAtLogin(true)).toEqual({ ok: true, value: null });
    expect(apply).toHaveBeenCalledWith(true);
    expect(controller.settings().launchAtLogin).toBe(true);
    apply.mockImplementation(() => {
      throw new Error('denied');
    });
    expect(await controller.setLaunchAtLogin(false)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(controller.settings().launchAtLogin).toBe(true);
  });

  it('validates the default interval', async () => {
    const { controller } = setup();
    expect(await throughIpc(controller).setDefaultInterval(59)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await controller.setDefaultInterval(900)).toEqual({ ok: true, value: null });
    expect(controller.settings().defaultIntervalSeconds).toBe(900);
  });

  it('opens only http(s) URLs externally', async () => {
    const open = vi.fn();
    const { controller } = setup({ openExternal: open });
    expect(await throughIpc(controller).openExternal('javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await throughIpc(controller).openExternal('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(await controller.openExternal('https://www.githubstatus.com/')).toEqual({ ok: true, value: null });
    expect(open.mock.calls).toEqual([['https://www.githubstatus.com/']]);
  });

  it('previews through its dependency after validating the URL', async () => {
    const preview = vi.fn(async (url: string) => ({ ok: false as const, error: { code: 'fetch-failed' as const, message: `no ${url}` } }));
    const { controller } = setup({ preview });
    expect(await throughIpc(controller).previewSource('file:///x')).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(preview).not.toHaveBeenCalled();
    expect(await controller.previewSource('https://x.example/')).toEqual({ ok: false, error: { code: 'fetch-failed', message: 'no https://x.example/' } });
  });
});

describe('snapshots', () => {
  it('forwards engine snapshots with the settings, and merges a settings recovery notice', async () => {
    const { controller, engine, pushed } = setup({ settingsNotice: 'Your settings could not be read.' });
    engine.emitSnapshot(engineSnap([sourceSnap('a', 'A', 'degraded')], { overall: 'degraded', recoveryNotice: 'State restored.' }));
    expect(pushed.at(-1)?.engine.overall).toBe('degraded');
    expect(pushed.at(-1)?.engine.recoveryNotice).toBe('Your settings could not be read. State restored.');
    const got = await controller.getSnapshot();
    expect(got.ok && got.value.engine.sources[0]?.id).toBe('a');
  });

  it('carries the engine\'s save error to the windows unchanged', async () => {
    const { controller, engine, pushed } = setup();
    const saveError = { path: '/data/state.json', reason: 'the file system is read-only', code: 'EROFS', since: 1, failures: 3, retryAt: 9, heldEvents: 1 };
    engine.emitSnapshot(engineSnap([sourceSnap('a', 'A', 'operational')], { saveError }));
    expect(pushed.at(-1)?.engine.saveError).toEqual(saveError);
    const got = await controller.getSnapshot();
    expect(got.ok && got.value.engine.saveError).toEqual(saveError);
  });

  it('unsubscribes listeners, and one failing listener does not stop the others', () => {
    const { controller, engine } = setup();
    const seen: number[] = [];
    controller.onSnapshot(() => {
      throw new Error('bad listener');
    });
    const off = controller.onSnapshot(() => seen.push(1));
    engine.emitSnapshot();
    off();
    engine.emitSnapshot();
    expect(seen).toEqual([1]);
  });
});

describe('notifications through the controller', () => {
  it('toasts engine events by the source notify level and the pause', async () => {
    const { controller, engine, shown, clock } = setup({}, new MemorySettings(settingsWith([source('loud'), source('major', { notify: 'major' })])));
    engine.emitEvents([opened('loud', incident('1')), opened('major', incident('2', { impact: 'minor' }))]);
    expect(shown.map((t) => t.id)).toEqual(['loud|1|investigating']);
    await controller.pauseNotifications(clock.now() + 60_000);
    engine.emitEvents([opened('loud', incident('3'))]);
    expect(shown).toHaveLength(1);
  });

  it('stays silent for events of removed or disabled sources', () => {
    const { engine, shown } = setup({}, new MemorySettings(settingsWith([source('off', { enabled: false })])));
    engine.emitEvents([opened('off', incident('1')), opened('gone', incident('2'))]);
    expect(shown).toEqual([]);
  });

  it('keeps baseline summaries silent after a recovery', () => {
    const { engine, shown } = setup({ settingsNotice: 'recovered' }, new MemorySettings(settingsWith([source('a')])));
    engine.emitEvents([{ type: 'source.baselined', sourceId: 'a', provider: 'A', health: 'degraded', at: 0, openIncidents: [incident('x')] }]);
    expect(shown).toEqual([]);
  });
});

describe('popover and full window', () => {
  it('passes pin, close and open-full to the window port, and reports a failing port as internal', async () => {
    const calls: unknown[][] = [];
    const { ipc } = setup({
      windows: {
        setPopoverPinned: (pinned) => void calls.push(['pin', pinned]),
        closePopover: () => void calls.push(['close']),
        openFullWindow: () => {
          throw new Error('no display');
        },
      },
    });
    expect(await ipc.setPopoverPinned(true)).toEqual({ ok: true, value: undefined });
    expect(await ipc.closePopover()).toEqual({ ok: true, value: undefined });
    expect(await ipc.openFullWindow()).toEqual({ ok: false, error: { code: 'internal', message: 'no display' } });
    expect(await ipc.setPopoverPinned('yes' as never)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(calls).toEqual([['pin', true], ['close']]);
  });

  it('tells focus listeners which provider to show, until they unsubscribe', () => {
    const { controller } = setup();
    const seen: string[] = [];
    const off = controller.onFocusProvider((id) => seen.push(id));
    controller.onFocusProvider(() => {
      throw new Error('a broken page');
    });
    controller.focusProvider('gh');
    off();
    controller.focusProvider('aws');
    expect(seen).toEqual(['gh']);
  });
});

describe('setPopoverSize', () => {
  it('remembers the size in the settings, clamped to whole pixels within the limits, and skips an unchanged one', () => {
    const { controller, settings } = setup();
    expect(controller.setPopoverSize({ width: 420.6, height: 100 })).toEqual({ ok: true, value: null });
    expect(settings.value.popoverSize).toEqual({ width: 421, height: 300 });
    const writes = settings.writes;
    controller.setPopoverSize({ width: 421, height: 300 });
    expect(settings.writes).toBe(writes);
    expect(controller.setPopoverSize({ width: Number.NaN, height: 500 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(settings.value.popoverSize).toEqual({ width: 421, height: 300 });
  });
});

describe('getIncidentUpdates', () => {
  const recorded = [
    { status: 'identified' as const, text: 'Found the cause.', at: '2026-03-01T21:00:00.000Z' },
    { status: 'investigating' as const, label: 'Investigating', text: 'Looking.', at: '2026-03-01T20:00:00.000Z' },
  ];

  it("passes main's validated ids to status.db and returns its list as it is", async () => {
    const asked: [string, string][] = [];
    const { ipc } = setup({
      incidentUpdates: (sourceId, incidentId) => {
        asked.push([sourceId, incidentId]);
        return sourceId === 'aws' && incidentId === 'https://status.aws.amazon.com/#ec2_1' ? recorded : undefined;
      },
    });
    expect(await ipc.getIncidentUpdates('aws', 'https://status.aws.amazon.com/#ec2_1')).toEqual({ ok: true, value: recorded });
    expect(asked).toEqual([['aws', 'https://status.aws.amazon.com/#ec2_1']]);
  });

  it('fails with not-found, saying what to do, when status.db has no such incident', async () => {
    const { ipc } = setup({ incidentUpdates: () => undefined });
    const r = await ipc.getIncidentUpdates('aws', 'gone');
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!r.ok && r.error.message).toMatch(/no record of this incident.*open the incident page/);
  });

  it('fails with internal without a database, and when reading it throws', async () => {
    expect(await setup().ipc.getIncidentUpdates('aws', 'x')).toMatchObject({ ok: false, error: { code: 'internal' } });
    const broken = setup({
      incidentUpdates: () => {
        throw new Error('database is locked');
      },
    });
    expect(await broken.ipc.getIncidentUpdates('aws', 'x')).toEqual({ ok: false, error: { code: 'internal', message: 'database is locked' } });
  });

  it.each<[string, unknown[]]>([
    ['an empty incident id', ['aws', '']],
    ['an incident id over 500 characters', ['aws', 'x'.repeat(501)]],
    ['a source id that is not one', ['../etc', 'x']],
    ['a missing incident id', ['aws']],
    ['a number for an id', ['aws', 7]],
  ])('refuses %s before asking status.db', async (_what, args) => {
    let asked = 0;
    const { ipc } = setup({
      incidentUpdates: () => {
        asked++;
        return recorded;
      },
    });
    const r = await (ipc.getIncidentUpdates as (...a: unknown[]) => ReturnType<typeof ipc.getIncidentUpdates>)(...args);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(asked).toBe(0);
  });
});
