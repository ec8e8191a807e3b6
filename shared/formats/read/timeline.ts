/**
 * Turns the updates of one incident, as a document lists them, into a timeline: newest first by their own
 * timestamps, each carrying the status in force after it, plus the incident's current status. Listing order
 * is not trusted: GitHub's feed lists "Investigating" above "Resolved" at the same minute, and an RCA "Update"
 * above the resolution (see feeds/statuspage-feeds/githubstatus-history-2024-06-26-misordered-updates.atom).
 */
import type { IncidentStatus, IncidentUpdate } from '../../domain/types';
import { toIso } from './dates';
import { lifecycleRank } from './statuses';

/** One update as read from a document, before ordering. */
export interface RawUpdate {
  /** The label as written ("Update", "Status: Resolved"), if any. */
  label?: string;
  /** Status the label names; `null` for a neutral "Update" (keeps the status in force). */
  status: IncidentStatus | null;
  /** Plain text. */
  text: string;
  /** When it was posted, ms since the epoch; `undefined` if unreadable. */
  atMs?: number;
  /** The platform's id of this update, if it has one (copied to `IncidentUpdate.id`). */
  id?: string;
}

/** Result of `buildTimeline`. */
export interface Timeline {
  /** Newest first, uncapped (see limits.capIncident). */
  updates: IncidentUpdate[];
  /** Status in force after the newest update. */
  status: IncidentStatus;
  /** Oldest and newest update time, ms (when any update had a time). */
  firstMs?: number;
  lastMs?: number;
}

/**
 * Order `listed` (document order) chronologically and replay it. Sort key: timestamp, then lifecycle rank
 * (a same-minute "Resolved" follows "Investigating"), then reverse listing position (feeds list newest first).
 * If any update lacks a readable time, listing order (newest first) is used for all of them.
 * `initial` is the status before the first update (`investigating` or `scheduled`); `fallbackAt` (ISO) stands in
 * for missing update times in the output.
 */
export function buildTimeline(listed: readonly RawUpdate[], initial: IncidentStatus, fallbackAt: string): Timeline {
  const indexed = listed.map((u, i) => ({ u, i }));
  const allTimed = listed.every((u) => u.atMs !== undefined);
  if (allTimed) {
    indexed.sort(
      (a, b) =>
        (a.u.atMs as number) - (b.u.atMs as number) ||
        lifecycleRank(a.u.status) - lifecycleRank(b.u.status) ||
        b.i - a.i,
    );
  } else {
    indexed.reverse();
  }
  let current = initial;
  let firstMs: number | undefined;
  let lastMs: number | undefined;
  const chronological: IncidentUpdate[] = [];
  for (const { u } of indexed) {
    if (u.status) current = u.status;
    if (u.atMs !== undefined) {
      firstMs = firstMs === undefined ? u.atMs : Math.min(firstMs, u.atMs);
      lastMs = lastMs === undefined ? u.atMs : Math.max(lastMs, u.atMs);
    }
    const update: IncidentUpdate = { status: current, text: u.text, at: toIso(u.atMs) ?? fallbackAt };
    if (u.label) update.label = u.label;
    if (u.id) update.id = u.id;
    chronological.push(update);
  }
  const result: Timeline = { updates: chronological.reverse(), status: current };
  if (firstMs !== undefined) result.firstMs = firstMs;
  if (lastMs !== undefined) result.lastMs = lastMs;
  return result;
}
