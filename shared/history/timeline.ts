/**
 * Uptime and the 90-day bar, computed from recorded history. Pure: no I/O, `now` passed in.
 *
 * The rule (docs/storage.md "Uptime"), after Atlassian Statuspage's published uptime calculation
 * (https://help.statuspage.io/help/uptime-calendar): time in `major_outage` counts fully as downtime, time
 * in `partial_outage` counts 0.3, and `degraded` and `maintenance` are not downtime. Uptime over a window is
 * `100 × (1 − weighted downtime / covered time)`, where the covered time is the part of the window that
 * history reaches back to.
 *
 * Where the health comes from: once the engine has parsed a source (its first health transition), the
 * recorded transitions alone say the health at every instant. Before that, only the source's own past is
 * known (incidents from the first document or a backfill): there, the health is the worst of the incidents
 * open at that instant (impact `critical` → major outage, `major` → partial outage, else degraded;
 * maintenances → maintenance), and operational between them.
 */
import { healthOfImpact, HEALTH_RANK } from '../domain/health';
import type { Health } from '../domain/types';
import { UPTIME_WINDOWS, type DayCell, type HealthTransition, type HistoryIncident, type UptimeFigure } from './types';

/** One UTC day, ms. */
export const DAY_MS = 86_400_000;

/** Downtime weight of each health (Statuspage: partial outage counts 30 %). */
export const DOWNTIME_WEIGHT: Readonly<Record<Health, number>> = {
  major_outage: 1,
  partial_outage: 0.3,
  degraded: 0,
  maintenance: 0,
  operational: 0,
  unknown: 0,
};

/** `[start, end)` in one health, ms. */
export interface Segment {
  start: number;
  end: number;
  health: Health;
}

/** What the timeline reads of an incident: its kind, impact and window. */
export type IncidentWindow = Pick<HistoryIncident, 'kind' | 'impact' | 'startedAt' | 'resolvedAt'>;

/** What an incident window means for health. */
function incidentHealth(incident: IncidentWindow): Health {
  return incident.kind === 'maintenance' ? 'maintenance' : healthOfImpact(incident.impact);
}

/** End of an incident window: its resolution, else `to` (still open). */
function incidentEnd(incident: IncidentWindow, to: number): number {
  return incident.resolvedAt ?? to;
}

/**
 * The health of one provider or component over `[from, to)` as consecutive segments (same-health
 * neighbours merged), starting where history begins (see the module comment).
 * @param transitions that pair's transitions, sorted by `at` ascending (earlier ones than `from` are used
 *   to know the health at `from`).
 * @param incidents the incidents that concern it (for a component: those naming it), any order.
 */
export function healthTimeline(transitions: readonly HealthTransition[], incidents: readonly IncidentWindow[], from: number, to: number): Segment[] {
  const liveStart = transitions[0]?.at ?? Infinity;
  let coverageStart = liveStart;
  for (const i of incidents) coverageStart = Math.min(coverageStart, i.startedAt);
  const start = Math.max(from, coverageStart);
  if (!(start < to)) return [];
  const out: Segment[] = [];
  const push = (s: number, e: number, health: Health) => {
    if (!(s < e)) return;
    const last = out.at(-1);
    if (last && last.end === s && last.health === health) last.end = e;
    else out.push({ start: s, end: e, health });
  };

  // Before the first live transition: incident windows over an operational background.
  const pastEnd = Math.min(liveStart, to);
  if (start < pastEnd) {
    const relevant = incidents.filter((i) => i.startedAt < pastEnd && incidentEnd(i, pastEnd) > start);
    const points = new Set<number>([start, pastEnd]);
    for (const i of relevant) {
      if (i.startedAt > start) points.add(i.startedAt);
      const e = incidentEnd(i, pastEnd);
      if (e < pastEnd) points.add(e);
    }
    const sorted = [...points].sort((a, b) => a - b);
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k]!;
      const b = sorted[k + 1]!;
      let health: Health = 'operational';
      for (const i of relevant) {
        if (i.startedAt <= a && incidentEnd(i, pastEnd) > a) {
          const h = incidentHealth(i);
          if (HEALTH_RANK[h] > HEALTH_RANK[health]) health = h;
        }
      }
      push(a, b, health);
    }
  }

  // From the first live transition: the transitions alone.
  const liveFrom = Math.max(start, liveStart);
  if (liveFrom < to) {
    let k = 0;
    while (k + 1 < transitions.length && transitions[k + 1]!.at <= liveFrom) k++;
    for (; k < transitions.length; k++) {
      const t = transitions[k]!;
      const s = Math.max(t.at, liveFrom);
      const e = Math.min(transitions[k + 1]?.at ?? to, to);
      push(s, e, t.health);
      if (e >= to) break;
    }
  }
  return out;
}

/** Uptime over `[from, to)` from a timeline (see the module comment for the rule). */
export function uptimeOf(segments: readonly Segment[], from: number, to: number): Omit<UptimeFigure, 'window'> {
  let covered = 0;
  let downtime = 0;
  for (const seg of segments) {
    const dur = Math.min(seg.end, to) - Math.max(seg.start, from);
    if (dur <= 0) continue;
    covered += dur;
    downtime += dur * DOWNTIME_WEIGHT[seg.health];
  }
  return { percent: covered > 0 ? 100 * (1 - downtime / covered) : null, downtimeMs: downtime, coveredMs: covered };
}

/**
 * Uptime for each of `UPTIME_WINDOWS` ending at `now`, for one provider or component.
 * Arguments as `healthTimeline`.
 */
export function uptimeFigures(transitions: readonly HealthTransition[], incidents: readonly IncidentWindow[], now: number): UptimeFigure[] {
  const longest = UPTIME_WINDOWS.at(-1)!.ms;
  const segments = healthTimeline(transitions, incidents, now - longest, now);
  return UPTIME_WINDOWS.map((w) => ({ window: w.label, ...uptimeOf(segments, now - w.ms, now) }));
}

/** Covered and weighted downtime ms of one window, summed elsewhere (the database sums live transitions). */
export interface WindowSums {
  coveredMs: number;
  downtimeMs: number;
}

/**
 * Uptime for each of `UPTIME_WINDOWS` ending at `now`, when the live part (from the first health transition
 * on) was already summed per window — by SQL over the transitions, in the same order as `UPTIME_WINDOWS` —
 * and only the past before it comes from incidents. Same rule and result as `uptimeFigures`.
 * @param liveStart the first transition's time, ms (`Infinity` when there is none).
 * @param past incidents that began before `liveStart`.
 */
export function uptimeFromSums(live: readonly WindowSums[], liveStart: number, past: readonly IncidentWindow[], now: number): UptimeFigure[] {
  const longest = UPTIME_WINDOWS.at(-1)!.ms;
  const segments = past.length > 0 ? healthTimeline([], past, now - longest, Math.min(liveStart, now)) : [];
  return UPTIME_WINDOWS.map((w, k) => {
    const before = uptimeOf(segments, now - w.ms, now);
    const coveredMs = before.coveredMs + (live[k]?.coveredMs ?? 0);
    const downtimeMs = before.downtimeMs + (live[k]?.downtimeMs ?? 0);
    return { window: w.label, percent: coveredMs > 0 ? 100 * (1 - downtimeMs / coveredMs) : null, downtimeMs, coveredMs };
  });
}

/**
 * The last `count` UTC days up to and including today (the day holding `now`), oldest first: each day's worst
 * health over its covered part (`unknown` when history does not reach it) and the incidents overlapping it.
 */
export function dayCells(transitions: readonly HealthTransition[], incidents: readonly HistoryIncident[], now: number, count = 90): DayCell[] {
  const firstDay = Math.floor(now / DAY_MS) * DAY_MS - (count - 1) * DAY_MS;
  const segments = healthTimeline(transitions, incidents, firstDay, now);
  const cells: DayCell[] = [];
  let k = 0;
  for (let d = 0; d < count; d++) {
    const day = firstDay + d * DAY_MS;
    const end = day + DAY_MS;
    let worst: Health | undefined;
    while (k < segments.length && segments[k]!.end <= day) k++;
    for (let j = k; j < segments.length && segments[j]!.start < end; j++) {
      const h = segments[j]!.health;
      if (worst === undefined || HEALTH_RANK[h] > HEALTH_RANK[worst]) worst = h;
    }
    const incidentIds = incidents.filter((i) => i.startedAt < end && incidentEnd(i, now) >= day).map((i) => i.id);
    cells.push({ day, worst: worst ?? 'unknown', incidentIds });
  }
  return cells;
}
