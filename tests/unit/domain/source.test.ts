import { describe, expect, it } from 'vitest';
import { displayName, intervalProblem } from '../../../shared/domain/source';

describe('displayName', () => {
  it('prefers the user’s name, then the document’s provider, then the host', () => {
    expect(displayName({ name: '  My GitHub ', url: 'https://www.githubstatus.com/api/v2/summary.json' }, 'GitHub')).toBe('My GitHub');
    expect(displayName({ name: '   ', url: 'https://www.githubstatus.com/api/v2/summary.json' }, 'GitHub')).toBe('GitHub');
    expect(displayName({ url: 'https://www.githubstatus.com:8443/api/v2/summary.json' })).toBe('www.githubstatus.com:8443');
    expect(displayName({ url: 'not a url' })).toBe('not a url');
  });
});

describe('intervalProblem', () => {
  it('accepts whole seconds from a minute to a day and names what is wrong otherwise', () => {
    expect(intervalProblem(60)).toBeUndefined();
    expect(intervalProblem(86_400)).toBeUndefined();
    expect(intervalProblem(90.5)).toBe('not-whole');
    expect(intervalProblem(Number.NaN)).toBe('not-whole');
    expect(intervalProblem(59)).toBe('too-short');
    expect(intervalProblem(86_401)).toBe('too-long');
  });
});
