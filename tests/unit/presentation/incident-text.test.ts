import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import {
  firstLine,
  impactText,
  incidentHeadline,
  isStaleIncident,
  latestUpdate,
  maintenanceTiming,
  ongoingText,
} from '../../../shared/presentation/incident-text';
import { readFeed } from '../../support/feeds';

const NOW = Date.UTC(2026, 8, 26, 1, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function incident(patch: Partial<Incident> = {}): Incident {
  return {
    id: 'i', kind: 'incident', title: 'API errors', status: 'investigating', impact: 'minor',
    createdAt: iso(NOW - 3 * HOUR), updatedAt: iso(NOW - HOUR), updates: [], components: [], ...patch,
  };
}

describe('impactText', () => {
  it('names the impact as the incident’s own fact, never as a health word', () => {
    expect(impactText('critical')).toBe('Incident impact: critical');
    expect(impactText('minor')).toBe('Incident impact: minor');
    expect(impactText('none')).toBe('Incident impact: none stated');
    expect(impactText('maintenance')).toBe('Maintenance');
  });
});

describe('headline and first line', () => {
  it('takes the first sentence of the newest update by time, not by position', () => {
    const updates = [
      { status: 'investigating' as const, text: 'Older. More.', at: iso(NOW - 2 * HOUR) },
      { status: 'identified' as const, text: 'We found the cause. A fix is rolling out.', at: iso(NOW - HOUR) },
    ];
    expect(latestUpdate({ updates })?.status).toBe('identified');
    expect(incidentHeadline(incident({ updates }))).toBe('We found the cause.');
  });

  it('falls back to the title without updates, and cuts long text at a word', () => {
    expect(incidentHeadline(incident())).toBe('API errors');
    const long = firstLine(`${'word '.repeat(60)}end`, 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
    expect(firstLine('   ')).toBe('');
  });

  it('reads the Cursor summary’s open incident as its update says', async () => {
    const status = await parseDocument(readFeed('statuspage-json/cursor-summary-2026-09-25-active-incident.json'), { url: 'https://status.cursor.com/api/v2/summary.json', now: NOW });
    const open = status.activeIncidents[0]!;
    expect(incidentHeadline(open)).toBe('We are investigating a service degradation affecting Grok Bot.');
    expect(ongoingText(open, NOW)).toMatch(/^ongoing 1 h \d+ min$/);
  });
});

describe('ongoing and stale', () => {
  it('says how long an open incident has been going, from its start', () => {
    expect(ongoingText(incident(), NOW)).toBe('ongoing 3 h');
  });

  it('marks an incident silent past the threshold as stale, even if the adapter did not', () => {
    const old = incident({ createdAt: iso(NOW - 30 * DAY), updatedAt: iso(NOW - 20 * DAY) });
    expect(isStaleIncident(old, NOW)).toBe(true);
    expect(ongoingText(old, NOW)).toBe('stale: no update for 20 days');
    expect(isStaleIncident(incident({ updatedAt: iso(NOW - 13 * DAY) }), NOW)).toBe(false);
    expect(isStaleIncident(incident({ stale: true }), NOW)).toBe(true);
  });

  it('says nothing about a start that lies ahead of the clock', () => {
    expect(ongoingText(incident({ createdAt: iso(NOW + HOUR) }), NOW)).toBe('');
  });
});

describe('maintenanceTiming', () => {
  const m = (patch: Partial<Incident>) => incident({ kind: 'maintenance', impact: 'maintenance', status: 'scheduled', ...patch });

  it('gives an upcoming window its start and length', () => {
    expect(maintenanceTiming(m({ scheduledFor: iso(NOW + 3 * HOUR), scheduledUntil: iso(NOW + 7 * HOUR) }), NOW)).toEqual({
      phase: 'upcoming',
      text: 'Starts in 3 h · planned for 4 h',
    });
  });

  it('never calls a window that began or passed "Scheduled"', () => {
    const due = maintenanceTiming(m({ scheduledFor: iso(NOW - 2 * HOUR), scheduledUntil: iso(NOW + 2 * HOUR) }), NOW);
    expect(due.phase).toBe('due');
    expect(due.text).toBe('Planned start passed 2 h ago · planned for 4 h');
    const passed = maintenanceTiming(m({ scheduledFor: iso(NOW - 5 * DAY), scheduledUntil: iso(NOW - 3 * DAY) }), NOW);
    expect(passed.phase).toBe('window-passed');
    expect(passed.text).not.toMatch(/scheduled/i);
  });

  it('gives one in progress its duration and end, and marks it stale when the page went silent', () => {
    expect(maintenanceTiming(m({ status: 'in_progress', scheduledFor: iso(NOW - HOUR), scheduledUntil: iso(NOW + 2 * HOUR), updatedAt: iso(NOW - HOUR) }), NOW).text)
      .toBe('In progress for 1 h · ends in 2 h');
    expect(maintenanceTiming(m({ status: 'in_progress', createdAt: iso(NOW - 40 * DAY), updatedAt: iso(NOW - 40 * DAY) }), NOW).text)
      .toBe('Marked in progress · stale: no update for 40 days');
    expect(maintenanceTiming(m({ status: 'completed' }), NOW).phase).toBe('done');
  });

  it('reads GitHub’s May 2025 Codespaces maintenance as upcoming then, as a passed window now', async () => {
    const captured = Date.UTC(2025, 4, 26, 4, 32);
    const status = await parseDocument(readFeed('statuspage-feeds/githubstatus-history-2025-05-26-scheduled.atom'), { url: 'https://www.githubstatus.com/history.atom', now: captured });
    const scheduled = status.scheduledMaintenances[0]!;
    expect(maintenanceTiming(scheduled, captured)).toEqual({ phase: 'upcoming', text: 'Starts in 2 days · planned for 24 h' });
    expect(maintenanceTiming(scheduled, NOW).phase).toBe('window-passed');
  });
});
