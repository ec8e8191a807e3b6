import { describe, expect, it } from 'vitest';
import { dayCells, healthTimeline, uptimeFigures, uptimeOf } from '../../../shared/history/timeline';
import type { HealthTransition, HistoryIncident } from '../../../shared/history/types';
import { toHistoryIncident } from '../../../shared/history/record';
import { DAY, HOUR, T0, incident } from './fixtures';

const tr = (at: number, health: HealthTransition['health'], component = ''): HealthTransition => ({ sourceId: 's', component, at, health });
const hist = (i: Parameters<typeof incident>[0], over: Parameters<typeof incident>[1]): HistoryIncident => toHistoryIncident('s', 'Example', incident(i, over), T0, true);

describe('uptime rule (Statuspage: major 100 %, partial 30 %, degraded and maintenance 0 %)', () => {
  it('weights a partial outage at 0.3 and a major outage fully', () => {
    // 10 h covered: 1 h major, 2 h partial, 3 h degraded, 1 h maintenance.
    const t = [tr(T0, 'operational'), tr(T0 + HOUR, 'major_outage'), tr(T0 + 2 * HOUR, 'partial_outage'), tr(T0 + 4 * HOUR, 'degraded'), tr(T0 + 7 * HOUR, 'maintenance'), tr(T0 + 8 * HOUR, 'operational')];
    const u = uptimeOf(healthTimeline(t, [], T0, T0 + 10 * HOUR), T0, T0 + 10 * HOUR);
    expect(u.coveredMs).toBe(10 * HOUR);
    expect(u.downtimeMs).toBeCloseTo(HOUR + 0.6 * HOUR);
    expect(u.percent).toBeCloseTo(100 * (1 - 1.6 / 10));
  });

  it('counts only the time history covers, and says null when it covers none of the window', () => {
    const t = [tr(T0 - 2 * HOUR, 'major_outage'), tr(T0 - HOUR, 'operational')];
    const figures = uptimeFigures(t, [], T0);
    const day = figures.find((f) => f.window === '24h')!;
    expect(day.coveredMs).toBe(2 * HOUR);
    expect(day.percent).toBeCloseTo(50);
    expect(uptimeFigures([], [], T0).every((f) => f.percent === null)).toBe(true);
  });

  it('uses the health at the window start from the transition before it', () => {
    const t = [tr(T0 - 10 * DAY, 'partial_outage'), tr(T0 - HOUR, 'operational')];
    const day = uptimeFigures(t, [], T0).find((f) => f.window === '24h')!;
    expect(day.coveredMs).toBe(24 * HOUR);
    expect(day.downtimeMs).toBeCloseTo(23 * HOUR * 0.3);
  });

  it('before the first live transition, backfilled incidents give the health (critical = major outage)', () => {
    const crit = hist('a', { impact: 'critical', startedAt: T0 - 5 * DAY, resolvedAt: T0 - 5 * DAY + 2 * HOUR });
    const minor = hist('b', { impact: 'minor', startedAt: T0 - 4 * DAY, resolvedAt: T0 - 4 * DAY + 5 * HOUR });
    const t = [tr(T0 - DAY, 'operational')];
    const week = uptimeFigures(t, [crit, minor], T0).find((f) => f.window === '7d')!;
    expect(week.coveredMs).toBe(5 * DAY); // from the first incident on
    expect(week.downtimeMs).toBe(2 * HOUR); // the minor incident is degraded: no downtime
    // Live transitions win once they exist: an incident window inside the live period adds nothing.
    const late = hist('c', { impact: 'critical', startedAt: T0 - HOUR, resolvedAt: T0 - HOUR / 2 });
    expect(uptimeFigures(t, [late], T0).find((f) => f.window === '24h')!.downtimeMs).toBe(0);
  });
});

describe('90-day bar', () => {
  it('gives each UTC day its worst health and the incidents overlapping it, unknown before history', () => {
    const now = Date.UTC(2026, 10, 21, 12);
    const today = Date.UTC(2026, 10, 21);
    const t = [tr(today - 2 * DAY, 'operational'), tr(today - DAY + 3 * HOUR, 'partial_outage'), tr(today - DAY + 4 * HOUR, 'operational')];
    const inc = hist('x', { startedAt: today - DAY + 3 * HOUR, resolvedAt: today - DAY + 4 * HOUR });
    const cells = dayCells(t, [inc], now);
    expect(cells).toHaveLength(90);
    expect(cells.at(-1)!.day).toBe(today);
    expect(cells.at(-1)!.worst).toBe('operational');
    expect(cells.at(-2)!).toEqual({ day: today - DAY, worst: 'partial_outage', incidentIds: ['x'] });
    expect(cells.at(-3)!.worst).toBe('operational');
    expect(cells.at(-4)!.worst).toBe('unknown');
    expect(cells.at(-4)!.incidentIds).toEqual([]);
  });
});
