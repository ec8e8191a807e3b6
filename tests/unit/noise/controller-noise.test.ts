/**
 * Noise control through the controller: what is persisted in the settings (snooze, watches, quiet hours,
 * held notifications) and how a restart — a new controller on the same settings store — carries on.
 */
import { describe, expect, it } from 'vitest';
import { createAppController } from '../../../shared/app/controller';
import type { Toast } from '../../../shared/presentation/notifications';
import type { QuietHours } from '../../../shared/domain/noise';
import { FakeClock, FakeEngine, MemorySettings, engineSnap, incident, opened, settingsWith, source, sourceSnap, throughIpc } from '../app/helpers';
import { at, utcCalendar } from './calendar';

const quietAllWeek: QuietHours = { enabled: true, start: '22:00', end: '07:00', days: [0, 1, 2, 3, 4, 5, 6], criticalAlwaysNotifies: true };

function start(settings: MemorySettings, clock: FakeClock, engine = new FakeEngine()) {
  const shown: Toast[] = [];
  const controller = createAppController({
    engine,
    settings,
    clock,
    calendar: utcCalendar,
    preview: async () => ({ ok: false, error: { code: 'internal', message: 'unused' } }),
    notifier: { show: (t) => void shown.push(t) },
    notifyBatchMs: 0,
  });
  return { controller, engine, shown };
}

const openAt = (id: string, incidentIds: string[]) =>
  engineSnap([sourceSnap(id, 'GitHub', 'degraded', { status: { provider: 'GitHub', format: 'statuspage-json', health: 'degraded', components: [], activeIncidents: incidentIds.map((i) => incident(i)), recentIncidents: [], scheduledMaintenances: [], coverage: 'active-only' } })]);

describe('snooze through the controller', () => {
  it('snoozes for hours, persists it, silences the provider, and a restart keeps it', async () => {
    const clock = new FakeClock(at('2026-07-10T10:00:00'));
    const settings = new MemorySettings(settingsWith([source('gh')]));
    const first = start(settings, clock);
    const r = await first.controller.snoozeSource('gh', { hours: 8 });
    expect(r).toMatchObject({ ok: true, value: { snooze: { until: at('2026-07-10T18:00:00') } } });
    first.controller.dispose();

    const second = start(settings, clock);
    second.engine.emitEvents([opened('gh', incident('a'))]);
    expect(second.shown).toEqual([]);
    clock.advance(8 * 3_600_000);
    second.engine.emitEvents([opened('gh', incident('b'))]);
    expect(second.shown).toHaveLength(1);
  });

  it('"until resolved" takes the incidents open now; refused when none is open; null ends a snooze', async () => {
    const clock = new FakeClock(at('2026-07-10T10:00:00'));
    const settings = new MemorySettings(settingsWith([source('gh')]));
    const { controller, engine } = start(settings, clock);
    expect(await controller.snoozeSource('gh', { untilResolved: true })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    engine.emitSnapshot(openAt('gh', ['x']));
    expect(await controller.snoozeSource('gh', { untilResolved: true })).toMatchObject({ ok: true, value: { snooze: { untilResolved: ['x'] } } });
    expect(await controller.snoozeSource('gh', null)).toMatchObject({ ok: true });
    expect(settings.value.sources[0]!.snooze).toBeUndefined();
    expect(await throughIpc(controller).snoozeSource('gh', { hours: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('quiet hours across a restart', () => {
  it('holds notifications in the settings, and after a restart shows one summary when quiet hours end', async () => {
    const clock = new FakeClock(at('2026-07-10T23:00:00'));
    const settings = new MemorySettings(settingsWith([source('gh'), source('oa')], { quietHours: quietAllWeek }));
    const first = start(settings, clock);
    first.engine.emitEvents([opened('gh', incident('a', { title: 'Actions slow' }))]);
    first.engine.emitEvents([opened('oa', incident('b', { title: 'API errors' }), 'OpenAI')]);
    expect(first.shown).toEqual([]);
    expect(settings.value.heldNotifications).toHaveLength(2);
    first.controller.dispose();

    clock.advance(2 * 3_600_000);
    const second = start(settings, clock);
    expect(second.shown).toEqual([]);
    clock.advance(6 * 3_600_000);
    expect(second.shown).toEqual([expect.objectContaining({ title: 'While notifications were held: 2 updates' })]);
    expect(second.shown[0]!.body).toMatch(/^GitHub \(1\), OpenAI \(1\)/);
    expect(settings.value.heldNotifications).toBeUndefined();
  });

  it('a restart after quiet hours ended shows the summary at once, never the held ones one by one', () => {
    const clock = new FakeClock(at('2026-07-11T09:00:00'));
    const held = [1, 2, 3].map((n) => ({ sourceId: 'gh', provider: 'GitHub', headline: `Update ${n}`, at: at('2026-07-11T01:00:00') + n }));
    const settings = new MemorySettings(settingsWith([source('gh')], { quietHours: quietAllWeek, heldNotifications: held }));
    const { shown } = start(settings, clock);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('While notifications were held: 3 updates');
  });

  it('switching quiet hours off releases what was held', async () => {
    const clock = new FakeClock(at('2026-07-10T23:00:00'));
    const settings = new MemorySettings(settingsWith([source('gh')], { quietHours: quietAllWeek }));
    const { controller, engine, shown } = start(settings, clock);
    engine.emitEvents([opened('gh', incident('a'))]);
    expect(shown).toEqual([]);
    await controller.setQuietHours({ ...quietAllWeek, enabled: false });
    expect(shown).toHaveLength(1);
  });
});

describe('tell me when it is fixed', () => {
  it('watches an incident of a muted provider, notifies once when it resolves, then forgets the watch', async () => {
    const clock = new FakeClock();
    const settings = new MemorySettings(settingsWith([source('gh', { notify: 'none' })]));
    const { controller, engine, shown } = start(settings, clock);
    expect(await controller.watchIncident('gh', 'w', true)).toMatchObject({ ok: true, value: { fixWatches: ['w'] } });
    const done = { type: 'incident.resolved' as const, sourceId: 'gh', provider: 'GitHub', health: 'operational' as const, at: 0, previousStatus: 'monitoring' as const, incident: incident('w', { status: 'resolved' }) };
    engine.emitEvents([done]);
    expect(shown).toHaveLength(1);
    expect(settings.value.sources[0]!.fixWatches).toBeUndefined();
    engine.emitEvents([{ ...done, incident: incident('w', { status: 'postmortem' }) }]);
    expect(shown).toHaveLength(1);
  });
});

describe('component choice after adding', () => {
  it('edits a source\'s filter, clears it with null, and refuses one that duplicates another source', async () => {
    const clock = new FakeClock();
    const url = 'https://status.example.com/api/v2/summary.json';
    const settings = new MemorySettings(settingsWith([source('a', { url }), source('b', { url, filter: { components: ['API'] } })]));
    const { controller, engine } = start(settings, clock);
    expect(await controller.updateSource('a', { filter: { components: ['Webhooks'] } })).toMatchObject({ ok: true, value: { filter: { components: ['Webhooks'] } } });
    expect(engine.sources.find((s) => s.id === 'a')?.filter).toEqual({ components: ['Webhooks'] });
    expect(await controller.updateSource('a', { filter: { components: ['api'] } })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await controller.updateSource('a', { filter: null })).toMatchObject({ ok: true });
    expect(settings.value.sources[0]!.filter).toBeUndefined();
    // Now "b" without its filter would be the same source as "a".
    expect(await controller.updateSource('b', { filter: null })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('the maintenance toggle and the flap threshold are saved', async () => {
    const settings = new MemorySettings(settingsWith([source('a')]));
    const { controller, engine } = start(settings, new FakeClock());
    expect(await controller.updateSource('a', { notifyMaintenance: true })).toMatchObject({ ok: true, value: { notifyMaintenance: true } });
    expect(await controller.setFailAfterPolls(3)).toEqual({ ok: true, value: null });
    expect(engine.sources[0]!.failAfter).toBe(3);
    expect(await throughIpc(controller).setFailAfterPolls(0)).toMatchObject({ ok: false });
  });
});
