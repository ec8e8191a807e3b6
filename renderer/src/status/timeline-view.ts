/**
 * What an incident's timeline shows, as plain data (IncidentTimeline.tsx renders it): the newest few updates
 * or all of them, and what "Show all N updates" says and whether pressing it must first read the full list
 * from status.db (`getIncidentUpdates`, docs/popover.md, "Incident timeline").
 */
import { NEWEST_UPDATES_SHOWN, type IncidentUpdate } from '../../../shared/domain/types';
import type { IpcError } from '../../../shared/ipc/contract';
import { IPC_ERROR_ADVICE } from '../common/advice';

/** How many updates an incident shows until "Show all N" is pressed: the newest the engine keeps. */
export const UPDATES_SHOWN = NEWEST_UPDATES_SHOWN;

/** A full list read with `getIncidentUpdates`, and the snapshot's version of the incident it was read for. */
export interface FetchedUpdates {
  key: string;
  updates: readonly IncidentUpdate[];
}

/** What the timeline renders. */
export interface TimelineView {
  /** The updates to list, newest first. */
  shown: readonly IncidentUpdate[];
  /** N of "Show all N updates": how many the document listed (`updateCount`), else how many the snapshot has. */
  total: number;
  /** Every update is listed (the button then offers the newest few again). */
  showingAll: boolean;
  /** There is more than UPDATES_SHOWN, or the snapshot is trimmed: there is a button. */
  hasMore: boolean;
  /** Pressing the button must read the full list first: the snapshot is trimmed and no list read fits it. */
  mustFetch: boolean;
  /** The button's visible words. */
  label: string;
}

/**
 * The snapshot's version of an incident's timeline: a full list read for another version (a newer update
 * arrived since, or the count changed) is not shown, so the list never lags behind the newest three.
 */
export function timelineKey(updates: readonly IncidentUpdate[], updateCount: number | undefined): string {
  const newest = updates[0];
  return `${updateCount ?? updates.length}\u0000${newest?.at ?? ''}\u0000${newest?.status ?? ''}`;
}

/**
 * Decide what the timeline shows.
 * @param updates the snapshot's updates, newest first (all of them, or the newest few when `updateCount` is set)
 * @param updateCount `Incident.updateCount`: how many the document listed, present only when `updates` is trimmed
 * @param expanded the user pressed "Show all" (and has not pressed "Show the newest 3" since)
 * @param fetched the full list read from status.db, if any
 */
export function timelineView(input: {
  updates: readonly IncidentUpdate[];
  updateCount?: number;
  expanded: boolean;
  fetched?: FetchedUpdates;
}): TimelineView {
  const { updates, updateCount, expanded, fetched } = input;
  const trimmed = updateCount !== undefined && updateCount > updates.length;
  const total = trimmed ? updateCount : updates.length;
  const all = trimmed ? (fetched && fetched.key === timelineKey(updates, updateCount) ? fetched.updates : undefined) : updates;
  const showingAll = expanded && all !== undefined;
  return {
    shown: showingAll ? all : updates.slice(0, UPDATES_SHOWN),
    total,
    showingAll,
    hasMore: trimmed || total > UPDATES_SHOWN,
    mustFetch: trimmed && all === undefined,
    label: showingAll ? `Show the newest ${UPDATES_SHOWN}` : `Show all ${total} updates`,
  };
}

/**
 * The words of a failed read of the full list: what went wrong, then what to do. A `not-found` message from
 * main already says what to do (the incident is not recorded), so only other errors get the general advice.
 */
export function loadErrorText(error: IpcError, total: number): { message: string; advice: string } {
  return {
    message: `Could not load all ${total} updates. ${error.message}`,
    advice: error.code === 'not-found' ? 'The newest ones are still shown above.' : IPC_ERROR_ADVICE[error.code],
  };
}
