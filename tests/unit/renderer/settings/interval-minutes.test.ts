import { describe, expect, it } from 'vitest';
import { checkIntervalMinutes, intervalShort, minutesValue } from '../../../../renderer/src/settings/interval-minutes';

describe('minutesValue', () => {
  it('shows seconds as minutes, with decimals only where needed', () => {
    expect(minutesValue(300)).toBe('5');
    expect(minutesValue(90)).toBe('1.5');
    expect(minutesValue(100)).toBe('1.67');
    expect(minutesValue(86_400)).toBe('1440');
  });
});

describe('intervalShort', () => {
  it('says minutes, hours and days the short way', () => {
    expect(intervalShort(60)).toBe('1 min');
    expect(intervalShort(300)).toBe('5 min');
    expect(intervalShort(3_600)).toBe('1 h');
    expect(intervalShort(5_400)).toBe('1 h 30 min');
    expect(intervalShort(86_400)).toBe('1 day');
  });

  it('rounds to whole minutes and never shows 0', () => {
    expect(intervalShort(90)).toBe('2 min');
    expect(intervalShort(20)).toBe('1 min');
  });
});

describe('checkIntervalMinutes', () => {
  it('turns minutes into whole seconds, accepting decimals and a decimal comma', () => {
    expect(checkIntervalMinutes('5')).toEqual({ ok: true, seconds: 300 });
    expect(checkIntervalMinutes(' 1.5 ')).toEqual({ ok: true, seconds: 90 });
    expect(checkIntervalMinutes('2,5')).toEqual({ ok: true, seconds: 150 });
    expect(checkIntervalMinutes('1440')).toEqual({ ok: true, seconds: 86_400 });
  });

  it('explains what is wrong, in minutes', () => {
    expect(checkIntervalMinutes('0.5')).toEqual({ ok: false, message: 'Check at most once a minute (1 min or more).' });
    expect(checkIntervalMinutes('1441')).toEqual({ ok: false, message: 'Check at least once a day (1,440 min or less).' });
    for (const bad of ['', '  ', 'five', '5 min', 'Infinity']) {
      expect(checkIntervalMinutes(bad)).toEqual({ ok: false, message: 'Enter a number of minutes, such as 5.' });
    }
  });
});
