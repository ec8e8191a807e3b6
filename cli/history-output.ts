/**
 * How `history` and `uptime` print: a table for people, JSON lines and CSV (RFC 4180) for export. Times in
 * JSON and CSV are ISO 8601 UTC; durations are whole seconds in JSON/CSV and words in the table.
 */
import type { HistoryIncident, UptimeFigure, UptimeReport } from '../shared/history/types';
export { csvLine, historyCsvRow, historyJson, HISTORY_CSV_HEADER } from '../shared/history/export';
import { UPTIME_WINDOWS } from '../shared/history/types';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A duration in words: `45 min`, `3 h 5 min`, `2 d 4 h`. */
export function durationWords(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** `history`: START (UTC), DURATION, PROVIDER, IMPACT, TITLE — link on the next line. */
export function historyTable(incidents: readonly HistoryIncident[], now: number): string {
  if (incidents.length === 0) return 'No incidents recorded in that range.';
  const lines = ['START (UTC)        DURATION       PROVIDER              IMPACT    TITLE'];
  for (const i of incidents) {
    const start = iso(i.startedAt)!.slice(0, 16).replace('T', ' ');
    const dur = i.resolvedAt !== undefined ? durationWords(i.resolvedAt - i.startedAt) : `open ${durationWords(now - i.startedAt)}`;
    lines.push(`${start.padEnd(18)} ${dur.padEnd(14)} ${fit(i.provider, 21)} ${i.impact.padEnd(9)} ${i.title}${i.backfilled ? ' (backfilled)' : ''}`);
    if (i.url) lines.push(`${' '.repeat(19)}${i.url}`);
  }
  return lines.join('\n');
}

function fit(text: string, width: number): string {
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
}

/** An uptime percentage with three decimals, or `—` when history does not cover the window. */
export function percentText(f: UptimeFigure | undefined): string {
  return f?.percent == null ? '—' : `${f.percent.toFixed(3)}%`;
}

/** `uptime`: PROVIDER, COMPONENT and one column per window. */
export function uptimeTable(reports: readonly UptimeReport[]): string {
  if (reports.length === 0) return 'Nothing recorded yet.';
  const labels = UPTIME_WINDOWS.map((w) => w.label);
  const lines = [`${'PROVIDER'.padEnd(22)} ${'COMPONENT'.padEnd(24)} ${labels.map((l) => l.toUpperCase().padStart(9)).join(' ')}`];
  for (const r of reports) {
    const cells = labels.map((l) => percentText(r.figures.find((f) => f.window === l)).padStart(9));
    lines.push(`${fit(r.provider, 22)} ${fit(r.component || '(overall)', 24)} ${cells.join(' ')}`);
  }
  return lines.join('\n');
}

/** `uptime --json`: one object per provider or component. */
export function uptimeJson(r: UptimeReport): Record<string, unknown> {
  return {
    source: r.sourceId,
    provider: r.provider,
    ...(r.component ? { component: r.component } : {}),
    uptime: Object.fromEntries(r.figures.map((f) => [f.window, f.percent === null ? null : Math.round(f.percent * 1000) / 1000])),
    downtimeSeconds: Object.fromEntries(r.figures.map((f) => [f.window, Math.round(f.downtimeMs / 1000)])),
    coveredSeconds: Object.fromEntries(r.figures.map((f) => [f.window, Math.round(f.coveredMs / 1000)])),
  };
}
