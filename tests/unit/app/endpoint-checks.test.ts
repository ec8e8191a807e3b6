/**
 * Endpoint checks kept in the app's settings: added and edited through main's IPC guard, validated by the
 * check schema, handed to the engine with their rules (so the engine's check path polls them, as for the
 * CLI's --check), kept apart from a status document at the same URL, and left out of OPML export.
 */
import { describe, expect, it } from 'vitest';
import { toSourceConfigs } from '../../../shared/domain/settings';
import { parseSettingsFile, toSettingsFile } from '../../../shared/ipc/settings-schema';
import { controllerOver, MemorySettings, settingsWith, source } from './helpers';

const setup = controllerOver;

const URL_ = 'https://api.example.com/health';

describe('endpoint checks in the settings', () => {
  it('adds a check that the engine receives with its rules, and keeps it in settings.json', async () => {
    const { ipc, engine, settings } = setup();
    const r = await ipc.addSource({ url: URL_, name: 'Our API', intervalSeconds: 120, check: { expectStatus: [200], contains: 'ok', slowMs: 800, timeoutMs: 5_000, retries: 1 } });
    expect(r).toMatchObject({ ok: true, value: { id: 'src-1', check: { expectStatus: [200], contains: 'ok' } } });
    expect(engine.sources).toEqual([expect.objectContaining({ id: 'src-1', url: URL_, name: 'Our API', intervalSeconds: 120, check: { expectStatus: [200], contains: 'ok', slowMs: 800, timeoutMs: 5_000, retries: 1 } })]);
    expect(parseSettingsFile(JSON.parse(JSON.stringify(toSettingsFile(settings.value))))).toEqual(settings.value);
  });

  it('refuses rules main cannot run: bad regular expression, codes, timeouts, unknown keys', async () => {
    const { ipc, settings } = setup();
    const refused = [
      { matches: '(unclosed' },
      { expectStatus: [99] },
      { timeoutMs: 500 },
      { retries: 11 },
      { method: 'DELETE' },
      { contains: 'x', followRedirects: true },
    ];
    for (const check of refused) {
      const r = await ipc.addSource({ url: URL_, check: check as never });
      expect(r, JSON.stringify(check)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(settings.value.sources).toEqual([]);
  });

  it('a check and a status document at the same URL are two sources; two checks of one URL are one', async () => {
    const { ipc } = setup();
    expect((await ipc.addSource({ url: URL_ })).ok).toBe(true);
    expect((await ipc.addSource({ url: URL_, check: {} })).ok).toBe(true);
    expect(await ipc.addSource({ url: `${URL_}/`, check: { contains: 'ok' } })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('only a check has check rules to edit', async () => {
    const { ipc, controller } = setup(new MemorySettings(settingsWith([source('page'), source('mine', { url: URL_, check: {} })])));
    expect(await ipc.updateSource('page', { check: { contains: 'ok' } })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await ipc.updateSource('mine', { check: { notMatches: 'error|fail' }, intervalSeconds: 600 })).toMatchObject({ ok: true, value: { check: { notMatches: 'error|fail' }, intervalSeconds: 600 } });
    expect(controller.settings().sources[1]!.check).toEqual({ notMatches: 'error|fail' });
  });

  it('leaves checks out of OPML export', async () => {
    const { controller } = setup(new MemorySettings(settingsWith([source('page'), source('mine', { url: URL_, check: {} })])));
    const r = await controller.exportOpmlText();
    expect(r.ok && r.value).toContain('page.example.com');
    expect(r.ok && r.value).not.toContain('api.example.com');
  });

  it('toSourceConfigs passes no check for a status page', () => {
    expect(toSourceConfigs(settingsWith([source('page')]))[0]).not.toHaveProperty('check');
  });
});
