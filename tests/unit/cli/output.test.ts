import { describe, expect, it } from 'vitest';
import { eventJson, eventText, localTime, providerLabels } from '../../../cli/output';
import type { IncidentOpenedEvent } from '../../../shared/engine/events';

const at = new Date(2026, 6, 9, 7, 4, 8).getTime(); // local time
const opened: IncidentOpenedEvent = {
  type: 'incident.opened',
  sourceId: 'gh',
  provider: 'GitHub',
  health: 'partial_outage',
  at,
  incident: {
    id: 'abc',
    kind: 'incident',
    title: 'Delays starting Actions runs',
    status: 'identified',
    impact: 'major',
    url: 'https://www.githubstatus.com/incidents/abc',
    createdAt: '2026-07-09T06:50:00.000Z',
    updatedAt: '2026-07-09T07:04:00.000Z',
    updates: [
      { status: 'identified', text: 'We have identified the cause\n  and are   deploying a fix.', at: '2026-07-09T07:04:00.000Z' },
      { status: 'investigating', text: 'We are investigating.', at: '2026-07-09T06:50:00.000Z' },
    ],
    components: ['Actions'],
  },
};

describe('watch output', () => {
  it('prints local time, provider, health, title and the latest update as one plain-text block', () => {
    expect(localTime(at)).toBe('2026-07-09 07:04:08');
    expect(eventText(opened)).toBe(
      '2026-07-09 07:04:08  GitHub  [partial outage]  NEW: Delays starting Actions runs (identified)\n    We have identified the cause and are deploying a fix.',
    );
  });

  it('--json gives one object per event with the latest update', () => {
    expect(eventJson(opened)).toMatchObject({
      type: 'incident.opened',
      provider: 'GitHub',
      health: 'partial_outage',
      at: new Date(at).toISOString(),
      incident: { id: 'abc', status: 'identified', latestUpdate: 'We have identified the cause\n  and are   deploying a fix.' },
    });
  });

  it('names resolved incidents and health changes', () => {
    expect(eventText({ ...opened, type: 'incident.resolved', previousStatus: 'identified', health: 'operational', incident: { ...opened.incident, status: 'resolved' } })).toMatch(/\[operational\] {2}RESOLVED: Delays starting Actions runs \(resolved\)/);
    expect(eventText({ type: 'provider.health-changed', sourceId: 'gh', provider: 'GitHub', health: 'degraded', previousHealth: 'operational', at })).toMatch(/health operational → degraded$/);
  });
});

describe('provider labels in the --once table', () => {
  it('keep unique names as they are and add the host, then the path, only where names collide', () => {
    expect(
      providerLabels([
        { name: 'GitHub', url: 'https://www.githubstatus.com/api/v2/summary.json' },
        { name: 'GitHub', url: 'https://www.githubstatus.com/history.atom' },
        { name: 'GitHub', url: 'https://mirror.example/github.json' },
        { name: 'OpenAI', url: 'https://status.openai.com/history.rss' },
      ]),
    ).toEqual([
      'GitHub (www.githubstatus.com/api/v2/summary.json)',
      'GitHub (www.githubstatus.com/history.atom)',
      'GitHub (mirror.example)',
      'OpenAI',
    ]);
  });
});
