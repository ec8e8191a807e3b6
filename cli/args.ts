/**
 * Command-line arguments of the headless runner (`status-tray` / `npm run headless --`), parsed with
 * Node's `util.parseArgs`. Returns a typed `CliOptions` or a usage error message; never exits by itself.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../shared/domain/source';
import { DEFAULT_CONCURRENCY } from '../shared/engine/engine';
import { DEFAULT_RETENTION_DAYS } from '../shared/storage/sqlite/prune';
import type { SourceConfig } from '../shared/domain/source';
import { CHECK_OPTIONS, CHECK_USAGE, checksFromTokens } from './check-args';

/** What the user asked for. */
export interface CliOptions {
  mode: 'watch' | 'once' | 'discover' | 'list-components' | 'help' | 'history' | 'uptime';
  /** With `--discover`: the URL or name to look into. */
  discover?: string;
  json: boolean;
  /**
   * `--state FILE`, if given: without `--db`, the database is kept beside FILE and FILE (a JSON state file of
   * earlier versions) is imported once (cli/state-alias.ts); with `--db`, FILE is only imported.
   */
  state?: string;
  /** SQLite database file (`--db`): state and history (docs/storage.md). */
  db?: string;
  /** History retention, days (`--retention`, default 90). */
  retentionDays: number;
  /** `history`: only incidents still going at or after this time, ms since epoch. */
  since?: number;
  /** `history`: CSV instead of a table. */
  csv: boolean;
  /** `uptime`: per component too (`--by-component`). */
  byComponent: boolean;
  intervalSeconds: number;
  concurrency: number;
  /** Whole-request deadline, seconds. */
  timeoutSeconds: number;
  /** Source arguments as given: URLs or catalog names (resolved by main.ts). */
  sources: string[];
  /** `--components` given after each SOURCE (same index as `sources`), split at commas. */
  components?: (string[] | undefined)[];
  /** With `--list-components`: the SOURCE whose components to print. */
  listComponents?: string;
  /** Endpoint checks from `--check` (see ./check-args.ts). */
  checks?: SourceConfig[];
  /** `--channels FILE`. */
  channelsFile?: string;
  /** `--test-channels`: send a test alert to every channel and exit. */
  testChannels?: boolean;
}

/** Help text. */
export const USAGE = `Usage: status-tray [options] SOURCE...
       status-tray history [SOURCE...] --db FILE [--since 7d] [--json | --csv]
       status-tray uptime [SOURCE...] --db FILE [--by-component] [--json]
       (--state FILE works wherever --db FILE does: see --state below)

Watch status pages and report each provider's health and every new incident.
SOURCE is a catalog name (github, openai, aws@us-east-1 …) or the URL of a status document: a Statuspage API
(https://www.githubstatus.com/api/v2/summary.json), an Atom or RSS feed (https://status.openai.com/history.rss),
or another supported platform's feed.

Options (in any order):
  --discover URL       find the best source for a status page URL (or name), print it and exit
  --list-components SOURCE
                       print the components the page lists, grouped as the page groups them, and exit
  --components "A,B"   after a SOURCE: only these components count for it (health, incidents, events);
                       an incident that names no component still counts
  --once               poll every source once, print a table and exit (exit 0: all fetched and
                       parsed; 1: a source failed or the state could not be saved; 2: usage error)
  --json               one JSON object per line (per source with --once, per event when watching)
  --db FILE            keep state and history in the SQLite database FILE (created if missing), so the
                       next run sends conditional requests and reports only what is new, and the
                       history and uptime commands can read what was recorded
  --state FILE         the older name of --db, kept working: the database is kept beside FILE
                       (DIR/NAME.json → DIR/NAME.db; FILE itself when it is already a database), and
                       a JSON state file of an earlier version at FILE is imported once and kept as
                       FILE.migrated. FILE's folder must exist; a directory or a file that is not a
                       Status Tray state file is refused (exit 1) and left untouched. With --db too,
                       FILE is imported into the --db database
  --retention DAYS     keep history this many days (default ${DEFAULT_RETENTION_DAYS})
  --interval SECONDS   poll interval when watching (default ${DEFAULT_INTERVAL_SECONDS}, ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS})
  --concurrency N      requests in flight at most (default ${DEFAULT_CONCURRENCY})
  --timeout SECONDS    deadline for one whole request (default 30)
${CHECK_USAGE}
  -h, --help           show this help

Commands reading the database (SOURCE: a catalog name, URL, source id or provider name; default all):
  history              resolved and open incidents, newest first; --since 7d / 24h / 2026-11-01;
                       --json (one object per line) or --csv to export
  uptime               uptime % for 24 h, 7 d, 30 d and 90 d (Statuspage's rule: major outage counts
                       fully, partial outage 30 %); --by-component adds each component
  status-tray serve --help   the headless HTTP server (status API, SSE, metrics, Statuspage webhooks)

Examples:
  status-tray --once github openai
  status-tray --discover https://www.githubstatus.com
  status-tray --list-components github
  status-tray --once github --components "Actions,Webhooks" openai
  status-tray --once https://www.githubstatus.com/api/v2/summary.json https://status.openai.com/history.rss
  status-tray --db ~/.status-tray.db https://www.githubstatus.com/api/v2/summary.json
  status-tray --state ~/.status-tray.json github    (uses ~/.status-tray.db, importing the .json once)
  status-tray history github --db ~/.status-tray.db --since 7d
  status-tray uptime --db ~/.status-tray.db --json
`;

/**
 * Parse `argv` (without node and script); options may come in any order, before or after SOURCEs.
 * `--discover` is a flag whose URL is the one positional argument, so `--discover --json URL`,
 * `--json --discover URL` and `--discover=URL --json` all mean the same.
 * @returns options, or `{ error }` for a usage error.
 */
export function parseCliArgs(argv: string[]): CliOptions | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.flatMap((a) => {
        for (const flag of ['--discover', '--list-components']) if (a.startsWith(`${flag}=`)) return [flag, a.slice(flag.length + 1)];
        return [a];
      }),
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        ...CHECK_OPTIONS,
        once: { type: 'boolean', default: false },
        discover: { type: 'boolean', default: false },
        'list-components': { type: 'boolean', default: false },
        components: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        state: { type: 'string' },
        db: { type: 'string' },
        retention: { type: 'string' },
        since: { type: 'string' },
        csv: { type: 'boolean', default: false },
        'by-component': { type: 'boolean', default: false },
        interval: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return { error: (err as Error).message };
  }
  const { values, positionals } = parsed;
  const tokens = parsed.tokens ?? [];
  const components = componentsPerSource(tokens);
  if (typeof components === 'string') return { error: components };
  const base = { csv: false, byComponent: false, retentionDays: DEFAULT_RETENTION_DAYS };
  if (values.help) return { ...base, mode: 'help', json: false, intervalSeconds: 0, concurrency: 0, timeoutSeconds: 0, sources: [] };

  const interval = numberOption('--interval', values.interval, DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS);
  const concurrency = numberOption('--concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1);
  const timeout = numberOption('--timeout', values.timeout, 30, 1);
  const retention = numberOption('--retention', values.retention, DEFAULT_RETENTION_DAYS, 1);
  for (const n of [interval, concurrency, timeout, retention]) if (typeof n === 'string') return { error: n };
  base.retentionDays = retention as number;
  const command = positionals[0];
  if (!values.discover && (command === 'history' || command === 'uptime')) {
    if (!values.db && !values.state) return { error: `${command} reads the database: give --db FILE.` };
    if (values.csv && values.json) return { error: 'Give --json or --csv, not both.' };
    let since: number | undefined;
    if (values.since !== undefined) {
      since = parseSince(values.since, Date.now());
      if (since === undefined) return { error: `--since takes a duration like 24h, 7d or 2w, or a date (got "${values.since}").` };
    }
    return { ...base, mode: command, json: values.json ?? false, csv: values.csv ?? false, byComponent: values['by-component'] ?? false, ...(values.db !== undefined ? { db: values.db } : {}), ...(values.state !== undefined ? { state: values.state } : {}), ...(since !== undefined ? { since } : {}), intervalSeconds: 0, concurrency: 0, timeoutSeconds: 0, sources: positionals.slice(1) };
  }
  if (values.discover) {
    if (values.once || positionals.length !== 1) return { error: '--discover takes one URL and no SOURCE arguments.' };
    return { ...base, mode: 'discover', discover: positionals[0], json: values.json ?? false, intervalSeconds: interval as number, concurrency: 1, timeoutSeconds: timeout as number, sources: [] };
  }
  if (values['list-components']) {
    if (values.once || values.components || positionals.length !== 1) return { error: '--list-components takes one SOURCE and nothing else.' };
    return { ...base, mode: 'list-components', listComponents: positionals[0], json: values.json ?? false, intervalSeconds: interval as number, concurrency: 1, timeoutSeconds: timeout as number, sources: [] };
  }
  const checked = checksFromTokens(tokens, interval as number);
  if ('error' in checked) return checked;
  const extras = { checks: checked.checks, ...(values.channels !== undefined ? { channelsFile: values.channels } : {}), testChannels: values['test-channels'] ?? false };
  // --db with --test-channels: the test deliveries are logged in the database like any other.
  if (extras.testChannels) return { ...base, mode: 'once', json: values.json ?? false, ...(values.db !== undefined ? { db: values.db } : {}), intervalSeconds: interval as number, concurrency: 1, timeoutSeconds: timeout as number, sources: [], ...extras };
  if (positionals.length === 0 && checked.checks.length === 0) return { error: 'Give at least one SOURCE (a catalog name or the URL of a status document) or --check URL.' };
  return {
    ...base,
    ...extras,
    mode: values.once ? 'once' : 'watch',
    json: values.json ?? false,
    ...(values.state !== undefined ? { state: values.state } : {}),
    ...(values.db !== undefined ? { db: values.db } : {}),
    intervalSeconds: interval as number,
    concurrency: Math.floor(concurrency as number),
    timeoutSeconds: timeout as number,
    sources: positionals,
    ...(components.some((c) => c !== undefined) ? { components } : {}),
  };
}

/**
 * `--components` lists by SOURCE: each applies to the SOURCE before it. Names are split at commas and
 * trimmed. @returns one entry per positional, or an error sentence.
 */
function componentsPerSource(tokens: readonly { kind: string; name?: string; value?: string }[]): (string[] | undefined)[] | string {
  const out: (string[] | undefined)[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') out.push(undefined);
    else if (t.kind === 'option' && t.name === 'components') {
      if (out.length === 0) return '--components must come after the SOURCE it applies to.';
      const names = (t.value ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length === 0) return '--components needs at least one name, e.g. --components "API,Webhooks".';
      out[out.length - 1] = [...(out[out.length - 1] ?? []), ...names];
    }
  }
  return out;
}

/**
 * `--since`: `24h`, `7d`, `2w` before `now`, or an ISO 8601 date/time (UTC when it has no zone).
 * @returns ms since epoch, or `undefined` when unreadable.
 */
export function parseSince(text: string, now: number): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(h|d|w)$/i.exec(text.trim());
  if (m) return now - Number(m[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase() as 'h' | 'd' | 'w'];
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || text.length === 10 ? text : `${text}Z`);
  return Number.isFinite(t) ? t : undefined;
}

/** A numeric option: its value, the default when absent, or an error message. */
function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max = Infinity): number | string {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    return max === Infinity ? `${name} must be a number ≥ ${min} (got "${raw}").` : `${name} must be a number from ${min} to ${max} (got "${raw}").`;
  }
  return n;
}
