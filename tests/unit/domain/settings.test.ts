import { describe, expect, it } from 'vitest';
import { toSourceConfigs } from '../../../shared/domain/settings';
import { settingsWith, source } from '../app/helpers';

describe('toSourceConfigs', () => {
  it('maps sources to engine configs, disabled ones included', () => {
    expect(toSourceConfigs(settingsWith([source('a', { enabled: false, name: 'A' })]))).toEqual([
      { id: 'a', url: source('a').url, name: 'A', intervalSeconds: 300, enabled: false, failAfter: 2 },
    ]);
  });
});
