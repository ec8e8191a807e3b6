import { describe, expect, it } from 'vitest';
import { viewFromSearch } from '../../../renderer/src/status/view';

describe('viewFromSearch', () => {
  it('is the popover only for ?view=popover, else the full window', () => {
    expect(viewFromSearch('?view=popover')).toBe('popover');
    expect(viewFromSearch('?x=1&view=popover')).toBe('popover');
    expect(viewFromSearch('')).toBe('full');
    expect(viewFromSearch('?view=full')).toBe('full');
    expect(viewFromSearch('?view=Popover')).toBe('full');
  });
});
