import { describe, expect, it } from 'vitest';
import { toSourceConfigs, defaultSettings, migrateSettings } from '../../../shared/domain/settings';
import { normaliseUrl } from '../../../shared/domain/source-key';
import { parseSettingsFile, toSettingsFile } from '../../../shared/ipc/settings-schema';
import { settingsWith, source } from '../app/helpers';

describe('settings file', () => {
  it('round-trips the settings', () => {
    const s = settingsWith([source('a', { name: 'A' })], { launchAtLogin: true, notificationsPausedUntil: 5 });
    expect(parseSettingsFile(JSON.parse(JSON.stringify(toSettingsFile(s))))).toEqual(s);
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

  it('maps sources to engine configs, disabled ones included', () => {
    expect(toSourceConfigs(settingsWith([source('a', { enabled: false, name: 'A' })]))).toEqual([
      { id: 'a', url: source('a').url, name: 'A', intervalSeconds: 300, enabled: false },
    ]);
  });
});

describe('normaliseUrl', () => {
  it('treats case of scheme and host, default ports, fragments and a trailing slash as the same URL', () => {
    const forms = ['https://Status.Example.com/feed', 'HTTPS://status.example.com:443/feed#top', 'https://status.example.com/feed/'];
    expect(new Set(forms.map(normaliseUrl)).size).toBe(1);
  });
  it('keeps path case and query, which can select a different document', () => {
    expect(normaliseUrl('https://x.example/Feed')).not.toBe(normaliseUrl('https://x.example/feed'));
    expect(normaliseUrl('https://x.example/f?a=1')).not.toBe(normaliseUrl('https://x.example/f?a=2'));
  });
});
