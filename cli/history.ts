/**
 * `status-tray history` and `status-tray uptime`: read what the engine recorded in the database (--db) and
 * print it as a table, JSON lines or CSV. Read-only; works while another process polls into the same file
 * (SQLite WAL).
 */
import { findCatalogEntry } from '../shared/catalog';
import type { HistoryIncident, UptimeReport } from '../shared/history/types';
import type { HistoryReader, RecordedProvider } from '../shared/storage/sqlite';
import type { CliOptions } from './args';
import { csvLine, historyJson, historyTable, HISTORY_CSV_HEADER, historyCsvRow, uptimeJson, uptimeTable } from './history-output';

/**
 * Which recorded sources the SOURCE arguments name: a source id, a catalog name, a URL, a provider name or
 * one word of it (case-insensitive). @returns the ids, or `{ error }` naming the first argument that matches nothing.
 */
export function matchSources(args: readonly string[], providers: readonly RecordedProvider[]): { ids: string[] } | { error: string } {
  const ids: string[] = [];
  for (const arg of args) {
    const lower = arg.toLowerCase();
    const catalogId = findCatalogEntry(arg)?.id;
    let hits = providers.filter((p) => p.sourceId === arg || p.sourceId === catalogId || p.url === arg || p.name.toLowerCase() === lower);
    // "openai" for "OpenAI status": a word of the name, when nothing matched exactly.
    if (hits.length === 0) hits = providers.filter((p) => p.name.toLowerCase().split(/\s+/).includes(lower));
    if (hits.length === 0) {
      const known = providers.map((p) => p.name).slice(0, 10).join(', ');
      return { error: `"${arg}" matches no source in the database.${known ? ` Recorded: ${known}.` : ' Nothing is recorded yet.'}` };
    }
    for (const h of hits) if (!ids.includes(h.sourceId)) ids.push(h.sourceId);
  }
  return { ids };
}

/** Run `history` or `uptime` on an open database. @returns the exit code (0, or 2 for an unknown SOURCE). */
export function runHistoryCommand(opts: CliOptions, history: HistoryReader, now: number, out: (l: string) => void, err: (l: string) => void): number {
  const matched = matchSources(opts.sources, history.providers());
  if ('error' in matched) {
    err(`status-tray: ${matched.error}`);
    return 2;
  }
  const sourceIds = matched.ids.length ? matched.ids : undefined;
  if (opts.mode === 'uptime') {
    const reports: UptimeReport[] = history.uptime(sourceIds, now, { components: opts.byComponent });
    if (opts.json) for (const r of reports) out(JSON.stringify(uptimeJson(r)));
    else out(uptimeTable(reports));
    return 0;
  }
  const incidents: HistoryIncident[] = history.listIncidents({ sourceIds, ...(opts.since !== undefined ? { since: opts.since } : {}), limit: 100_000 });
  if (opts.json) for (const i of incidents) out(JSON.stringify(historyJson(i)));
  else if (opts.csv) {
    out(csvLine(HISTORY_CSV_HEADER));
    for (const i of incidents) out(csvLine(historyCsvRow(i)));
  } else out(historyTable(incidents, now));
  return 0;
}
