/**
 * History export, shared by the CLI (`history --json` / `--csv`) and the window's Export buttons: one JSON
 * object per incident, or CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180) with a header row. Times
 * are ISO 8601 UTC; durations whole seconds. Pure; safe for the renderer.
 */
import type { HistoryIncident } from './types';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** `history --json`: one object per incident. */
export function historyJson(i: HistoryIncident): Record<string, unknown> {
  return {
    source: i.sourceId,
    provider: i.provider,
    id: i.id,
    kind: i.kind,
    title: i.title,
    impact: i.impact,
    status: i.status,
    ...(i.url ? { url: i.url } : {}),
    startedAt: iso(i.startedAt),
    ...(i.resolvedAt !== undefined ? { resolvedAt: iso(i.resolvedAt), durationSeconds: Math.round((i.resolvedAt - i.startedAt) / 1000) } : {}),
    components: i.components,
    backfilled: i.backfilled,
    updates: i.updates.map((u) => ({ at: iso(u.at), status: u.status, ...(u.label ? { label: u.label } : {}), text: u.text })),
  };
}

/** Column names of `history --csv`. */
export const HISTORY_CSV_HEADER = ['provider', 'source', 'id', 'kind', 'title', 'impact', 'status', 'started_at', 'resolved_at', 'duration_seconds', 'components', 'url', 'backfilled'];

/** One `history --csv` row, in `HISTORY_CSV_HEADER` order. */
export function historyCsvRow(i: HistoryIncident): string[] {
  return [
    i.provider,
    i.sourceId,
    i.id,
    i.kind,
    i.title,
    i.impact,
    i.status,
    iso(i.startedAt)!,
    iso(i.resolvedAt) ?? '',
    i.resolvedAt !== undefined ? String(Math.round((i.resolvedAt - i.startedAt) / 1000)) : '',
    i.components.join('; '),
    i.url ?? '',
    i.backfilled ? 'true' : 'false',
  ];
}

/**
 * One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled. A field
 * starting with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet does not run an incident
 * title as a formula (OWASP "CSV injection").
 */
export function csvLine(fields: readonly string[]): string {
  return fields
    .map((f) => {
      const safe = /^[=+\-@\t\r]/.test(f) ? `'${f}` : f;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}


/** The whole CSV document (header and one record per incident, CRLF line ends as RFC 4180 says). */
export function historyCsv(incidents: readonly HistoryIncident[]): string {
  return [HISTORY_CSV_HEADER, ...incidents.map(historyCsvRow)].map(csvLine).join('\r\n') + '\r\n';
}
