import { describe, expect, it } from 'vitest';
import { overrideFor } from '../../../../renderer/src/settings/name-override';

describe('overrideFor', () => {
  it('keeps a new name, trimmed', () => {
    expect(overrideFor('  GitHub (work) ', 'GitHub')).toBe('GitHub (work)');
  });

  it('drops the override for an empty name or the page’s own name', () => {
    expect(overrideFor('', 'GitHub')).toBe('');
    expect(overrideFor('   ', 'GitHub')).toBe('');
    expect(overrideFor(' GitHub ', 'GitHub')).toBe('');
  });

  it('treats a different case as a different name', () => {
    expect(overrideFor('github', 'GitHub')).toBe('github');
  });
});
