/**
 * The schema of `status.db`, as an ordered list of migrations. `PRAGMA user_version` holds how many have
 * been applied; `migrate` applies the rest, each in its own transaction, so a crash mid-upgrade leaves the
 * previous version intact. Append new migrations; never edit one that has shipped.
 *
 * Times are INTEGER ms since the Unix epoch (UTC). JSON columns hold the engine's own shapes
 * (shared/engine/state.ts), validated by zod when read back.
 */
import type Database from 'better-sqlite3';

/** Each entry is the SQL of one schema version, starting at version 1. */
export const MIGRATIONS: readonly string[] = [
  `
  -- The engine's per-source memory: one row per configured source, written by that source's poll only.
  CREATE TABLE source_state (
    source_id        TEXT PRIMARY KEY,
    url              TEXT NOT NULL,
    etag             TEXT,
    last_modified    TEXT,
    content_hash     TEXT,
    pending_move     TEXT,              -- JSON {url, count}
    baselined        INTEGER NOT NULL,
    failures         INTEGER NOT NULL,
    last_checked_at  INTEGER,
    last_success_at  INTEGER,
    next_poll_at     INTEGER,
    retry_not_before INTEGER,
    last_error       TEXT,              -- JSON SourceError
    last_health      TEXT,
    last_status      TEXT,              -- JSON ProviderStatus
    seen             TEXT NOT NULL      -- JSON Record<incident id, SeenIncident>
  );

  -- Display names for history, kept after a source is removed (until its history is pruned).
  CREATE TABLE provider (
    source_id TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    url       TEXT NOT NULL
  );

  CREATE TABLE incident (
    source_id   TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    provider    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    impact      TEXT NOT NULL,
    status      TEXT NOT NULL,
    url         TEXT,
    started_at  INTEGER NOT NULL,
    resolved_at INTEGER,
    updated_at  INTEGER NOT NULL,
    components  TEXT NOT NULL,          -- JSON string[]
    backfilled  INTEGER NOT NULL,
    PRIMARY KEY (source_id, incident_id)
  );
  CREATE INDEX incident_by_start ON incident (started_at);

  CREATE TABLE incident_update (
    source_id   TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,
    label       TEXT,
    text        TEXT NOT NULL,
    PRIMARY KEY (source_id, incident_id, at, status),
    FOREIGN KEY (source_id, incident_id) REFERENCES incident (source_id, incident_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- component '' is the provider's overall health.
  CREATE TABLE health_transition (
    source_id TEXT NOT NULL,
    component TEXT NOT NULL,
    at        INTEGER NOT NULL,
    health    TEXT NOT NULL,
    PRIMARY KEY (source_id, component, at)
  ) WITHOUT ROWID;
  -- Provider figures read only component '' series: a range scan instead of the whole table.
  CREATE INDEX health_transition_by_component ON health_transition (component, source_id, at);
  `,
  `
  -- Alert channels' delivery log (shared/storage/sqlite/delivery-log.ts): one row per attempt outcome of one
  -- alert on one channel, appended only; pruned with the history's retention (prune.ts). No secrets.
  CREATE TABLE channel_deliveries (
    id              INTEGER PRIMARY KEY,  -- insertion order breaks ties of \`at\`
    channel_id      TEXT NOT NULL,
    alert_id        TEXT NOT NULL,        -- the event key: one engine event, one id
    alert_type      TEXT NOT NULL,
    outcome         TEXT NOT NULL,        -- delivered | retrying | failed | dropped
    attempt         INTEGER NOT NULL,
    at              INTEGER NOT NULL,
    http_status     INTEGER,
    error           TEXT,
    next_attempt_at INTEGER
  );
  CREATE INDEX channel_deliveries_by_channel ON channel_deliveries (channel_id, at);
  CREATE INDEX channel_deliveries_by_time ON channel_deliveries (at);
  `,
  `
  -- Version 3: uptime without window functions, and update text stored compactly.
  -- Each transition knows when it ended (the next transition of its series, NULL while in force), so the
  -- uptime query sums durations row by row; the index covers what that query reads.
  ALTER TABLE health_transition ADD COLUMN until INTEGER;
  UPDATE health_transition AS t SET until = (SELECT MIN(u.at) FROM health_transition AS u
    WHERE u.source_id = t.source_id AND u.component = t.component AND u.at > t.at);
  DROP INDEX health_transition_by_component;
  CREATE INDEX health_transition_span ON health_transition (component, source_id, at, until, health);

  -- Updates carry up to 4000 characters of text: in a WITHOUT ROWID table such rows spill into overflow
  -- pages and the file grows to about 2.5 times the text. An ordinary table with a unique index holds them
  -- compactly.
  CREATE TABLE incident_update_v2 (
    source_id   TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    at          INTEGER NOT NULL,
    status      TEXT NOT NULL,
    label       TEXT,
    text        TEXT NOT NULL,
    FOREIGN KEY (source_id, incident_id) REFERENCES incident (source_id, incident_id) ON DELETE CASCADE
  );
  INSERT INTO incident_update_v2 (source_id, incident_id, at, status, label, text)
    SELECT source_id, incident_id, at, status, label, text FROM incident_update;
  DROP TABLE incident_update;
  ALTER TABLE incident_update_v2 RENAME TO incident_update;
  CREATE UNIQUE INDEX incident_update_key ON incident_update (source_id, incident_id, at, status);
  `,
  `
  -- Version 4: what a source's last status was made with, so a restart keeps it. The filter key lets a filter
  -- changed while the app was closed (a CLI run with other --components) re-baseline quietly instead of
  -- hiding behind a 304 or announcing what the new filter brings into view; the page's component list fills
  -- the component chooser before the first poll.
  ALTER TABLE source_state ADD COLUMN filter_key TEXT;
  ALTER TABLE source_state ADD COLUMN page_components TEXT;  -- JSON {name, group?}[]
  `,
  `
  -- Version 5: the uptime index follows the primary key's source order. Keyed by component first, it took
  -- every component transition at a place set by the component's name, so a commit of a few sources dirtied
  -- pages all over it (a first cycle wrote each of its pages dozens of times). Keyed by source, a poll's
  -- transitions land together; the queries that read every provider's series (component '') read this
  -- covering index whole, and a query by source seeks it or the primary key. (A partial index on
  -- component '' would read less, but SQLite maintains it several times slower on every write.)
  DROP INDEX health_transition_span;
  CREATE INDEX health_transition_by_source ON health_transition (source_id, at, until, health);
  `,
  `
  -- Version 6: a source's memory (its kept status, seen incidents and page components: kilobytes of JSON) in
  -- a table of its own. In source_state it made each row span pages of its own, so the UPDATE of three times
  -- that every 304 makes rewrote one page per source (a 1000-source cycle logged 4 MB); source_state now holds
  -- the scalars only, many rows to a page. A row of source_memory is written with its source_state row
  -- whenever a poll parsed a new document, in the same transaction.
  CREATE TABLE source_memory (
    source_id       TEXT PRIMARY KEY,
    last_status     TEXT,              -- JSON ProviderStatus (what the engine keeps of it)
    seen            TEXT NOT NULL,     -- JSON Record<incident id, SeenIncident>
    page_components TEXT               -- JSON {name, group?}[]
  );
  INSERT INTO source_memory (source_id, last_status, seen, page_components)
    SELECT source_id, last_status, seen, page_components FROM source_state;
  ALTER TABLE source_state DROP COLUMN last_status;
  ALTER TABLE source_state DROP COLUMN seen;
  ALTER TABLE source_state DROP COLUMN page_components;
  `,
];

/** Schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Bring `db` up to `SCHEMA_VERSION`.
 * @throws Error when the file was written by a newer version (user_version above ours): opening it would
 *   risk misreading it, so the caller treats it like a database it cannot use.
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new Error(`status.db has schema version ${current}, newer than this app's ${SCHEMA_VERSION}.`);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
