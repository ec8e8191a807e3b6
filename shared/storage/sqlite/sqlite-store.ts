/**
 * The engine's `StateStore` on `status.db` (see docs/storage.md). Each source is one `source_state` row;
 * `commitPoll` writes that row and the poll's history (shared/history/record.ts) in one transaction, so a
 * 304 costs one small UPDATE and nothing ever rewrites the whole state. The store remembers, per source,
 * the status and seen-map objects it last committed: an unchanged object (304, same body) is not
 * serialised again.
 *
 * Group commit: polls that finish close together (a whole cycle at start-up) are committed in one
 * transaction, so a cycle of 1000 sources costs a few dozen commits (and syncs), not 1000. `commitPoll`
 * resolves only after the transaction holding its poll committed, so "events leave the engine only after
 * the commit that recorded them" holds unchanged; a batch that fails is retried poll by poll, so one bad
 * poll fails alone.
 */
import type Database from 'better-sqlite3';
import { parseEngineState, type EngineState, type SourceState } from '../../engine/state';
import { takeJsonOf } from '../../engine/detached';
import { historyOfPoll } from '../../history/record';
import type { ProviderStatus } from '../../domain/types';
import type { BackfillSink } from '../../history/backfill';
import type { PollCommit, StateReadResult, StateStore } from '../../engine/ports';
import { DEFAULT_RETENTION_DAYS, pruneHistory } from './prune';
import { createHistoryWriter } from './history-writer';
import { saveFailure } from './save-failure';

/** A `StateStore` with per-poll commits, plus what the composition roots need around it. */
export interface SqliteStateStore extends StateStore, BackfillSink {
  commitPoll(commit: PollCommit): Promise<void>;
  /** Commit the polls waiting for their group commit now (before closing the database). */
  flush(): void;
}

/** Options of `createSqliteStateStore`. */
export interface SqliteStoreOptions {
  /** Clock, ms since epoch (pruning cut-off). */
  now?: () => number;
  /** History older than this is pruned (default 90). */
  retentionDays?: number;
  /** Set when the database file was damaged and replaced (openDatabase's `reason`): read() reports it. */
  recoveryReason?: string;
  /** The database file, as the user would name it: shown in "Cannot save to <location>: <reason>". */
  location?: string;
}

interface Committed {
  obj: SourceState;
  status: ProviderStatus | undefined;
  seen: SourceState['seen'];
  nextPollAt: number | undefined;
}

/** How often history is pruned while running, ms. */
const PRUNE_EVERY_MS = 3_600_000;
/**
 * How long a poll's commit may wait for others to join its transaction, ms, when the poll has news to
 * announce. Short beside any poll interval and any toast; long enough that a burst of polls shares one
 * transaction and one sync.
 */
export const GROUP_COMMIT_WAIT_MS = 50;
/**
 * The same for a poll with nothing to announce (a baseline, a 304, an unchanged body), ms: nobody is waiting
 * for it, and each commit rewrites the pages it shares with the previous one (the end of each table, the
 * index pages between neighbouring sources), so fewer, larger commits write less. A poll with news joining
 * the batch still has it committed within GROUP_COMMIT_WAIT_MS.
 */
export const GROUP_COMMIT_QUIET_WAIT_MS = 150;
/** A batch is committed at once when this many polls wait. */
export const GROUP_COMMIT_MAX = 128;

interface Waiting {
  commit: PollCommit;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Whether a poll's events announce news, so its commit must survive a power cut (FULL sync, see open.ts).
 * A baseline announces nothing new: if a power cut loses it, the source baselines again, silently but for
 * the same summary of what is open.
 */
const announces = (c: PollCommit) => c.events.some((e) => e.type !== 'source.baselined');

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Create the store on an open, migrated database (see open.ts). */
export function createSqliteStateStore(db: Database.Database, options: SqliteStoreOptions = {}): SqliteStateStore {
  const now = options.now ?? Date.now;
  const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * 86_400_000;
  const committed = new Map<string, Committed>();
  let lastPrune = -Infinity;
  let durable = false;

  // Positional parameters in the order of `scalars` (then, for the upsert, the filter key and source id).
  const upsertRow = db.prepare(`
    INSERT INTO source_state (url, etag, last_modified, content_hash, pending_move, baselined, failures,
      last_checked_at, last_success_at, next_poll_at, retry_not_before, last_error, last_health, filter_key, source_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (source_id) DO UPDATE SET url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
      content_hash = excluded.content_hash, pending_move = excluded.pending_move, baselined = excluded.baselined,
      failures = excluded.failures, last_checked_at = excluded.last_checked_at, last_success_at = excluded.last_success_at,
      next_poll_at = excluded.next_poll_at, retry_not_before = excluded.retry_not_before, last_error = excluded.last_error,
      last_health = excluded.last_health, filter_key = excluded.filter_key`);
  // What a parse changes, apart from the scalars (schema version 6).
  const upsertMemory = db.prepare('INSERT OR REPLACE INTO source_memory (source_id, last_status, seen, page_components) VALUES (?, ?, ?, ?)');
  // A poll that parsed nothing new (304, same body, error) changes only these.
  const updateScalars = db.prepare(`
    UPDATE source_state SET url = ?, etag = ?, last_modified = ?, content_hash = ?, pending_move = ?, baselined = ?,
      failures = ?, last_checked_at = ?, last_success_at = ?, next_poll_at = ?, retry_not_before = ?, last_error = ?,
      last_health = ?
    WHERE source_id = ?`);
  // A poll that changed nothing but its times (a 304, an unchanged body): the commonest write by far.
  const updateTimes = db.prepare('UPDATE source_state SET last_checked_at = ?, last_success_at = ?, next_poll_at = ? WHERE source_id = ?');
  const deleteRow = db.prepare('DELETE FROM source_state WHERE source_id = ?');
  const deleteMemory = db.prepare('DELETE FROM source_memory WHERE source_id = ?');
  const allRows = db.prepare('SELECT s.*, m.last_status, m.seen, m.page_components FROM source_state AS s LEFT JOIN source_memory AS m USING (source_id)');
  const history = createHistoryWriter(db);

  /** The row's columns up to `last_health`, in the order of `updateScalars` and `upsertRow`. */
  function scalars(s: SourceState): unknown[] {
    return [
      s.url,
      s.etag ?? null,
      s.lastModified ?? null,
      s.contentHash ?? null,
      json(s.pendingMove),
      s.baselined ? 1 : 0,
      s.failures,
      s.lastCheckedAt ?? null,
      s.lastSuccessAt ?? null,
      s.nextPollAt ?? null,
      s.retryNotBefore ?? null,
      json(s.lastError),
      s.lastHealth ?? null,
    ];
  }

  function writeRow(id: string, s: SourceState): void {
    const prev = committed.get(id);
    if (prev && onlyTimesChanged(prev.obj, s)) updateTimes.run(s.lastCheckedAt ?? null, s.lastSuccessAt ?? null, s.nextPollAt ?? null, id);
    // filterKey and pageComponents change only with a new lastStatus (poll-source.ts), so they ride with it.
    else if (prev && prev.status === s.lastStatus && prev.seen === s.seen) {
      const row = scalars(s);
      row.push(id);
      updateScalars.run(row);
    } else {
      const row = scalars(s);
      row.push(s.filterKey ?? null, id);
      upsertRow.run(row);
      // The engine kept both as JSON already (engine/detached.ts): written as they were read, not serialised again.
      upsertMemory.run(id, s.lastStatus ? takeJsonOf(s.lastStatus) : null, takeJsonOf(s.seen), json(s.pageComponents));
    }
    committed.set(id, { obj: s, status: s.lastStatus, seen: s.seen, nextPollAt: s.nextPollAt });
  }

  /** Raise to FULL sync for commits whose events will be announced (see open.ts), NORMAL otherwise. */
  function setDurable(want: boolean): void {
    if (want === durable) return;
    db.pragma(`synchronous = ${want ? 'FULL' : 'NORMAL'}`);
    durable = want;
  }

  /** One poll's rows and history; runs inside a transaction. */
  function commitOne(c: PollCommit): void {
    const prev = committed.get(c.sourceId);
    writeRow(c.sourceId, c.state);
    const recorded = historyOfPoll({
      sourceId: c.sourceId,
      provider: c.provider,
      prev: prev?.status,
      // The whole parsed status: the state keeps only part of it (engine/kept-status.ts).
      next: c.parsed ?? c.state.lastStatus,
      at: c.at,
      baseline: c.events.some((e) => e.type === 'source.baselined'),
      events: c.events,
    });
    if (c.state.lastStatus !== prev?.status) history.provider(c.sourceId, c.provider, c.state.url);
    history.write(recorded);
  }
  const commitTx = db.transaction(commitOne);

  const writeTx = db.transaction((state: EngineState) => {
    for (const id of [...committed.keys()]) {
      if (state.sources[id]) continue;
      deleteRow.run(id);
      deleteMemory.run(id);
      committed.delete(id);
    }
    for (const [id, s] of Object.entries(state.sources)) {
      const prev = committed.get(id);
      if (prev && prev.obj === s && prev.nextPollAt === s.nextPollAt) continue;
      writeRow(id, s);
      // A poll whose own commit failed reaches the database here (the engine's fallback): keep its history.
      if (s.lastStatus && s.lastStatus !== prev?.status) {
        const provider = s.lastStatus.provider;
        history.provider(id, provider, s.url);
        history.write(historyOfPoll({ sourceId: id, provider, prev: prev?.status, next: s.lastStatus, at: s.lastSuccessAt ?? now(), baseline: !prev?.status, events: [] }));
      }
    }
  });

  const backfillTx = db.transaction(history.backfill);

  let waiting: Waiting[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  // Set when a waiting poll announces: the batch goes within GROUP_COMMIT_WAIT_MS of it.
  let urgentTimer: ReturnType<typeof setTimeout> | undefined;
  const batchTx = db.transaction((commits: readonly PollCommit[]) => {
    for (const c of commits) commitOne(c);
  });

  /** Commit every waiting poll in one transaction, then settle their promises. */
  function flushWaiting(): void {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    if (urgentTimer !== undefined) clearTimeout(urgentTimer);
    flushTimer = urgentTimer = undefined;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    setDurable(batch.some((w) => announces(w.commit)));
    const before = new Map(batch.map((w) => [w.commit.sourceId, committed.get(w.commit.sourceId)]));
    // A rolled-back transaction leaves `committed` ahead of the file: put back what the file holds.
    const rollBack = (ids: Iterable<string>) => {
      for (const id of ids) {
        const was = before.get(id);
        if (was) committed.set(id, was);
        else committed.delete(id);
      }
    };
    try {
      batchTx(batch.map((w) => w.commit));
      for (const w of batch) w.resolve();
    } catch (err) {
      rollBack(before.keys());
      if (batch.length === 1) return batch[0]!.reject(saveFailure(err, options.location));
      // Each poll on its own, so one that cannot be committed fails alone.
      for (const w of batch) {
        try {
          commitTx(w.commit);
          w.resolve();
        } catch (one) {
          rollBack([w.commit.sourceId]);
          w.reject(saveFailure(one, options.location));
        }
      }
    }
    maybePrune();
  }

  function maybePrune(): void {
    const t = now();
    if (t - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = t;
    pruneHistory(db, t - retentionMs);
  }

  return {
    async read(): Promise<StateReadResult> {
      flushWaiting();
      const sources: Record<string, unknown> = {};
      let dropped = 0;
      for (const row of allRows.all() as Record<string, unknown>[]) {
        const id = row.source_id as string;
        try {
          const one = parseEngineState({ version: 1, sources: { [id]: fromRow(row) } });
          if (one) sources[id] = one.sources[id];
          else dropped++;
        } catch {
          dropped++;
        }
      }
      const state = { version: 1, sources } as EngineState;
      committed.clear();
      for (const [id, s] of Object.entries(state.sources)) committed.set(id, { obj: s, status: s.lastStatus, seen: s.seen, nextPollAt: s.nextPollAt });
      maybePrune();
      const reason = options.recoveryReason ?? (dropped > 0 ? `The saved state of ${dropped} source(s) could not be read; they start over.` : undefined);
      return reason ? { state, recovered: true, recoveryReason: reason } : { state, recovered: false };
    },
    ...(options.location ? { location: options.location } : {}),
    async write(state: EngineState): Promise<void> {
      // Polls waiting for their commit go first: the rows they change, and the history they record, are theirs.
      flushWaiting();
      setDurable(false);
      try {
        writeTx(state);
      } catch (err) {
        throw saveFailure(err, options.location);
      }
    },
    recordBackfill(incidents) {
      flushWaiting();
      setDurable(false);
      backfillTx(incidents);
    },
    flush: flushWaiting,
    commitPoll(commit: PollCommit): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ commit, resolve, reject });
        if (waiting.length >= GROUP_COMMIT_MAX) flushWaiting();
        else if (announces(commit)) urgentTimer ??= setTimeout(flushWaiting, GROUP_COMMIT_WAIT_MS);
        else flushTimer ??= setTimeout(flushWaiting, GROUP_COMMIT_QUIET_WAIT_MS);
      });
    },
  };
}

/**
 * Whether `next` differs from the committed `prev` in its poll times only (last checked, last success, next
 * poll): then those three columns are all the row needs. Objects are compared by identity, as the engine
 * replaces what it changes.
 */
function onlyTimesChanged(prev: SourceState, next: SourceState): boolean {
  return (
    prev.url === next.url &&
    prev.etag === next.etag &&
    prev.lastModified === next.lastModified &&
    prev.contentHash === next.contentHash &&
    prev.pendingMove === next.pendingMove &&
    prev.baselined === next.baselined &&
    prev.failures === next.failures &&
    prev.retryNotBefore === next.retryNotBefore &&
    prev.lastError === next.lastError &&
    prev.lastHealth === next.lastHealth &&
    prev.lastStatus === next.lastStatus &&
    prev.seen === next.seen
  );
}

/** A `source_state` row as the engine's `SourceState` shape (validated by the caller). */
function fromRow(row: Record<string, unknown>): unknown {
  const opt = (v: unknown) => (v === null ? undefined : v);
  const parsed = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : undefined);
  return {
    url: row.url,
    etag: opt(row.etag),
    lastModified: opt(row.last_modified),
    contentHash: opt(row.content_hash),
    pendingMove: parsed(row.pending_move),
    baselined: row.baselined === 1,
    failures: row.failures,
    lastCheckedAt: opt(row.last_checked_at),
    lastSuccessAt: opt(row.last_success_at),
    nextPollAt: opt(row.next_poll_at),
    retryNotBefore: opt(row.retry_not_before),
    lastError: parsed(row.last_error),
    lastHealth: opt(row.last_health),
    lastStatus: parsed(row.last_status),
    seen: parsed(row.seen) ?? {},
    filterKey: opt(row.filter_key),
    pageComponents: parsed(row.page_components),
  };
}
