import { describe, expect, it } from 'vitest';
import { defaultSettings, migrateSettings } from '../../../shared/domain/settings';
import { parseSettingsFile, toSettingsFile } from '../../../shared/ipc/settings-schema';
import { settingsWith, source } from '../app/helpers';

describe('settings file', () => {
  it('round-trips the settings', () => {
    const s = settingsWith([source('a', { name: 'A' })], { launchAtLogin: true, notificationsPausedUntil: 5 });
    expect(parseSettingsFile(JSON.parse(JSON.stringify(toSettingsFile(s))))).toEqual(s);
  });

  it('keeps a remembered popover size, and refuses one outside the limits or fractional', () => {
    const s = settingsWith([], { popoverSize: { width: 420, height: 640 } });
    expect(parseSettingsFile(toSettingsFile(s))).toEqual(s);
    for (const popoverSize of [{ width: 100, height: 640 }, { width: 420, height: 1e6 }, { width: 420.5, height: 640 }, { width: 420 }, { width: 420, height: 640, x: 3 }]) {
      expect(parseSettingsFile(toSettingsFile({ ...defaultSettings(), popoverSize } as never))).toBeUndefined();
    }
  });

  it('migrates version 0 (pollSeconds, boolean notify) to the current shape', () => {
    const v0 = { sources: [{ id: 'gh', url: 'https://www.githubstatus.com/history.atom', pollSeconds: 120, notify: false }], launchAtLogin: true };
    expect(parseSettingsFile(v0)).toEqual({
      ...defaultSettings(),
      launchAtLogin: true,
      sources: [{ id: 'gh', url: 'https://www.githubstatus.com/history.atom', intervalSeconds: 120, notify: 'none', enabled: true }],
    });
    expect(migrateSettings(v0)).not.toBe(v0);
  });

  it.each([
    ['a pollSeconds under 60', { sources: [{ id: 'gh', url: 'https://x.example/', pollSeconds: 5, notify: true }] }],
    ['an interval under 60', { ...toSettingsFile(settingsWith([source('a', { intervalSeconds: 5 })])) }],
    ['a javascript: URL', toSettingsFile(settingsWith([source('a', { url: 'javascript:alert(1)' })]))],
    ['an unknown key', { ...toSettingsFile(defaultSettings()), surprise: 1 }],
    ['a future version', { ...toSettingsFile(defaultSettings()), settingsVersion: 99 }],
    ['a __proto__ id', toSettingsFile(settingsWith([source('__proto__')]))],
    ['not an object', 'settings'],
    ['null', null],
  ])('rejects %s', (_label, raw) => {
    expect(parseSettingsFile(raw)).toBeUndefined();
  });
});
