import { describe, expect, it } from 'vitest';
import type { IncidentUpdate } from '../../../../shared/domain/types';
import { loadErrorText, timelineKey, timelineView, UPDATES_SHOWN } from '../../../../renderer/src/status/timeline-view';

/** `n` updates, newest first, an hour apart, ending at a fixed instant (nothing depends on today). */
function updates(n: number, newestAt = Date.UTC(2026, 2, 1, 20, 0, 0)): IncidentUpdate[] {
  return Array.from({ length: n }, (_, k) => ({ status: k === 0 ? 'identified' : 'investigating', text: `Update ${n - k}.`, at: new Date(newestAt - k * 3_600_000).toISOString() }));
}

describe('timelineView without updateCount (the snapshot holds every update)', () => {
  it('shows the newest three, and all of them once expanded, without reading anything', () => {
    const all = updates(6);
    const folded = timelineView({ updates: all, expanded: false });
    expect(folded).toMatchObject({ total: 6, showingAll: false, hasMore: true, mustFetch: false, label: 'Show all 6 updates' });
    expect(folded.shown).toEqual(all.slice(0, UPDATES_SHOWN));
    const open = timelineView({ updates: all, expanded: true });
    expect(open).toMatchObject({ showingAll: true, mustFetch: false, label: 'Show the newest 3' });
    expect(open.shown).toEqual(all);
  });

  it('offers no button for three updates or fewer', () => {
    expect(timelineView({ updates: updates(3), expanded: false })).toMatchObject({ total: 3, hasMore: false, mustFetch: false });
    expect(timelineView({ updates: [], expanded: false })).toMatchObject({ total: 0, hasMore: false, shown: [] });
  });
});

describe('timelineView with updateCount (the snapshot carries the newest few)', () => {
  const all = updates(17);
  const kept = all.slice(0, 3);

  it('counts what the document listed and must read the full list before showing all', () => {
    const view = timelineView({ updates: kept, updateCount: 17, expanded: false });
    expect(view).toMatchObject({ total: 17, hasMore: true, mustFetch: true, showingAll: false, label: 'Show all 17 updates' });
    expect(view.shown).toEqual(kept);
    // Pressed but nothing read yet (loading, or the read failed): the newest three stay.
    expect(timelineView({ updates: kept, updateCount: 17, expanded: true })).toMatchObject({ showingAll: false, mustFetch: true, shown: kept });
  });

  it('shows the list read for this version of the incident', () => {
    const fetched = { key: timelineKey(kept, 17), updates: all };
    const view = timelineView({ updates: kept, updateCount: 17, expanded: true, fetched });
    expect(view).toMatchObject({ showingAll: true, mustFetch: false, label: 'Show the newest 3' });
    expect(view.shown).toEqual(all);
    // Folded again: the snapshot's newest three, and no second read needed.
    expect(timelineView({ updates: kept, updateCount: 17, expanded: false, fetched })).toMatchObject({ showingAll: false, mustFetch: false, shown: kept });
  });

  it('drops a list read before a newer update arrived, so the newest never lag behind', () => {
    const fetched = { key: timelineKey(kept, 17), updates: all };
    const newer = updates(18, Date.UTC(2026, 2, 1, 21, 0, 0)).slice(0, 3);
    const view = timelineView({ updates: newer, updateCount: 18, expanded: true, fetched });
    expect(view).toMatchObject({ showingAll: false, mustFetch: true, total: 18, label: 'Show all 18 updates' });
    expect(view.shown).toEqual(newer);
  });

  it('keeps the button when the count is above what the snapshot carries even at three or fewer', () => {
    expect(timelineView({ updates: updates(2), updateCount: 3, expanded: false })).toMatchObject({ hasMore: true, mustFetch: true, label: 'Show all 3 updates' });
  });

  it('ignores a count that is not above what the snapshot carries', () => {
    expect(timelineView({ updates: updates(5), updateCount: 5, expanded: true })).toMatchObject({ showingAll: true, mustFetch: false, total: 5 });
  });
});

describe('loadErrorText', () => {
  it('says what went wrong, then what to do: the general advice, or none beyond main\'s own for not-found', () => {
    const internal = loadErrorText({ code: 'internal', message: 'database is locked' }, 17);
    expect(internal.message).toBe('Could not load all 17 updates. database is locked');
    expect(internal.advice).toMatch(/^Try again/);
    const missing = loadErrorText({ code: 'not-found', message: 'Status Tray has no record of this incident’s updates.' }, 17);
    expect(missing.advice).not.toMatch(/removed/);
  });
});
