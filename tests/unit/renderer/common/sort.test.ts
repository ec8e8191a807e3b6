import { describe, expect, it } from 'vitest';
import { matchesFilter, sortBySeverity } from '../../../../renderer/src/common/sort';
import { incident, sourceSnap } from '../../app/helpers';

describe('sortBySeverity', () => {
  it('puts the worst health first, then names in order, disabled sources last', () => {
    const list = [
      sourceSnap('a', 'beta', 'operational'),
      sourceSnap('b', 'Alpha', 'operational'),
      sourceSnap('c', 'Zulu', 'major_outage'),
      sourceSnap('d', 'Off', 'major_outage', { enabled: false }),
      sourceSnap('e', 'Mid', 'degraded'),
    ];
    expect(sortBySeverity(list).map((s) => s.name)).toEqual(['Zulu', 'Mid', 'Alpha', 'beta', 'Off']);
  });

  it('returns a new array and leaves the input alone', () => {
    const list = [sourceSnap('a', 'B', 'operational'), sourceSnap('b', 'A', 'major_outage')];
    const sorted = sortBySeverity(list);
    expect(sorted).not.toBe(list);
    expect(list.map((s) => s.name)).toEqual(['B', 'A']);
  });
});

describe('matchesFilter', () => {
  const gh = sourceSnap('gh', 'GitHub', 'partial_outage', {
    status: {
      provider: 'GitHub Status',
      format: 'statuspage-json',
      health: 'partial_outage',
      components: [{ name: 'Actions', status: 'partial_outage' }],
      activeIncidents: [incident('i1', { title: 'Delayed webhooks' })],
      recentIncidents: [],
      scheduledMaintenances: [],
    } as never,
  });

  it('matches name, URL, provider, incident titles and component names, ignoring case and spaces', () => {
    for (const text of ['github', 'GH.EXAMPLE', 'status', 'webhooks', 'actions', '  ']) expect(matchesFilter(gh, text)).toBe(true);
  });

  it('does not match text found nowhere', () => {
    expect(matchesFilter(gh, 'openai')).toBe(false);
  });
});
