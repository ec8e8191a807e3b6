import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../shared/domain/settings';
import { toSettingsFile } from '../../../shared/ipc/settings-schema';
import { emptyEngineState, newSourceState } from '../../../shared/engine/state';
import { settingsWith, source } from '../app/helpers';

vi.mock('electron', () => import('./electron-double'));
// electron-store is loaded by Node outside Vitest's module graph, so its own `import electron` cannot be
// replaced; the double is electron-store's documented behaviour on top of the real `conf` it extends
// (same ajv validation, atomic writes, defaults): `name` → `configName`, `projectVersion` from the app.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreDouble extends Conf {
    constructor(options: Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: (name as string) ?? 'config', projectVersion: '0.1.0' } as never);
    }
  }
  return { default: ElectronStoreDouble };
});

const { loadJsonWithRecovery } = await import('../../../shared/platform/node/json-file');
const { openSettingsStore, createStateStore, SETTINGS_FILE, STATE_FILE } = await import('../../../electron/store');
const { parseSettingsFile } = await import('../../../shared/ipc/settings-schema');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-tray-store-'));
});

const good = settingsWith([source('gh', { name: 'GitHub' })], { launchAtLogin: true });
const goodText = JSON.stringify(toSettingsFile(good));
const damaged: [string, string | Buffer][] = [
  ['truncated', goodText.slice(0, Math.floor(goodText.length * 0.6))],
  ['empty', ''],
  ['NUL bytes', Buffer.alloc(512)],
  ['schema violation pollSeconds: 5', JSON.stringify({ sources: [{ id: 'gh', url: 'https://x.example/', pollSeconds: 5, notify: true }] })],
  ['interval under 60', JSON.stringify(toSettingsFile(settingsWith([source('gh', { intervalSeconds: 10 })])))],
];
const corruptFiles = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`));

describe('loadJsonWithRecovery', () => {
  it('reports a missing file as nothing, without recovery', () => {
    expect(loadJsonWithRecovery(join(dir, 'x.json'), parseSettingsFile, () => 1, 'X')).toEqual({ value: undefined, from: 'none', recovered: false });
  });

  it('reads a good file and writes the .bak after the good load', () => {
    writeFileSync(join(dir, 'x.json'), goodText);
    const r = loadJsonWithRecovery(join(dir, 'x.json'), parseSettingsFile, () => 1, 'X');
    expect(r).toMatchObject({ value: good, from: 'file', recovered: false });
    expect(readFileSync(join(dir, 'x.json.bak'), 'utf8')).toBe(goodText);
  });

  it.each(damaged)('%s: moves the file aside as .corrupt-<ts> and loads the .bak', (_label, bytes) => {
    const path = join(dir, 'x.json');
    writeFileSync(`${path}.bak`, goodText);
    writeFileSync(path, bytes);
    const r = loadJsonWithRecovery(path, parseSettingsFile, () => 1_700_000_000_000, 'Your settings');
    expect(r).toMatchObject({ value: good, from: 'backup', recovered: true, corruptPath: `${path}.corrupt-1700000000000` });
    expect(r.reason).toBe('Your settings could not be read, so the last good copy were loaded. The damaged file was kept as x.json.corrupt-1700000000000.');
    expect(readFileSync(`${path}.corrupt-1700000000000`)).toEqual(Buffer.from(bytes));
    expect(existsSync(path)).toBe(false);
  });

  it('falls back to nothing (defaults) when the backup is bad too', () => {
    const path = join(dir, 'x.json');
    writeFileSync(path, '{');
    writeFileSync(`${path}.bak`, '\0\0');
    expect(loadJsonWithRecovery(path, parseSettingsFile, () => 5, 'X')).toMatchObject({ value: undefined, from: 'none', recovered: true });
  });
});

describe('openSettingsStore (electron-store)', () => {
  it('starts from defaults on a first run and persists changes through electron-store', () => {
    const opened = openSettingsStore(dir);
    expect(opened).toMatchObject({ recovered: false });
    expect(opened.store.get()).toEqual(defaultSettings());
    opened.store.set(good);
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).toEqual(toSettingsFile(good));
    expect(openSettingsStore(dir).store.get()).toEqual(good);
  });

  it('migrates a version-0 file and writes it back in the current version', () => {
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ sources: [{ id: 'gh', url: 'https://www.githubstatus.com/history.atom', pollSeconds: 600, notify: true }] }));
    const opened = openSettingsStore(dir);
    expect(opened.recovered).toBe(false);
    expect(opened.store.get().sources).toEqual([{ id: 'gh', url: 'https://www.githubstatus.com/history.atom', intervalSeconds: 600, notify: 'all', enabled: true }]);
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).settingsVersion).toBe(1);
  });

  it.each(damaged)('%s settings.json: starts from the .bak, keeps the corrupt copy, and says so (FAULTS 43–44)', (_label, bytes) => {
    openSettingsStore(dir).store.set(good);
    openSettingsStore(dir); // a good load writes the .bak
    writeFileSync(join(dir, SETTINGS_FILE), bytes);
    const opened = openSettingsStore(dir, () => 42);
    expect(opened.recovered).toBe(true);
    expect(opened.notice).toMatch(/last good copy/);
    expect(opened.store.get()).toEqual(good);
    expect(corruptFiles(SETTINGS_FILE)).toEqual([`${SETTINGS_FILE}.corrupt-42`]);
    expect(parseSettingsFile(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')))).toEqual(good);
  });

  it('starts from defaults when there is no backup', () => {
    writeFileSync(join(dir, SETTINGS_FILE), '{"sources": [');
    const opened = openSettingsStore(dir);
    expect(opened).toMatchObject({ recovered: true });
    expect(opened.store.get()).toEqual(defaultSettings());
  });

  it('persists the popover size through electron-store, and its JSON schema refuses a size out of bounds', () => {
    const opened = openSettingsStore(dir);
    const withSize = { ...good, popoverSize: { width: 420, height: 640 } };
    opened.store.set(withSize);
    expect(openSettingsStore(dir).store.get()).toEqual(withSize);
    expect(() => opened.store.set({ ...good, popoverSize: { width: 40, height: 640 } })).toThrow(/schema/i);
    expect(opened.store.get()).toEqual(withSize);
  });

  it('refuses to save settings that violate the schema, keeping the old ones', () => {
    const opened = openSettingsStore(dir);
    opened.store.set(good);
    expect(() => opened.store.set(settingsWith([source('gh', { intervalSeconds: 5 })]))).toThrow(/schema/i);
    expect(opened.store.get()).toEqual(good);
  });
});

describe('createStateStore', () => {
  const state = () => {
    const s = emptyEngineState();
    s.sources.gh = newSourceState('https://www.githubstatus.com/history.atom');
    s.sources.gh.baselined = true;
    return s;
  };

  it('reads nothing on a first run, then what it wrote', async () => {
    const store = createStateStore(dir);
    expect(await store.read()).toEqual({ state: undefined, recovered: false });
    await store.write(state());
    expect((await store.read()).state?.sources.gh?.baselined).toBe(true);
  });

  it.each([['truncated', '{"version":1,"sources":{"gh":'], ['empty', ''], ['NUL bytes', '\0'.repeat(64)], ['wrong version', '{"version":7,"sources":{}}']])(
    '%s state.json: recovered from the .bak, reported as recovered',
    async (_label, bytes) => {
      const store = createStateStore(dir, () => 9);
      await store.write(state());
      await store.read(); // good load → .bak
      writeFileSync(join(dir, STATE_FILE), bytes);
      const r = await store.read();
      expect(r.recovered).toBe(true);
      expect(r.recoveryReason).toMatch(/could not be read/);
      expect(r.state?.sources.gh?.url).toBe('https://www.githubstatus.com/history.atom');
      expect(corruptFiles(STATE_FILE)).toEqual([`${STATE_FILE}.corrupt-9`]);
    },
  );

  it('reports recovery when settings were recovered, even for a good state file', async () => {
    await createStateStore(dir).write(state());
    const r = await createStateStore(dir, Date.now, 'Your settings could not be read.').read();
    expect(r).toMatchObject({ recovered: true, recoveryReason: 'Your settings could not be read.' });
    expect(r.state?.sources.gh).toBeDefined();
  });

  it('writes atomically: no temp file is left behind', async () => {
    await createStateStore(dir).write(state());
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
