/**
 * What the headless runner prints. Pure formatting: snapshot/event in, string or JSON-ready object out.
 * The JSON shapes are the runner's public interface (documented in README.md): change them compatibly.
 */
import { healthWords } from '../shared/presentation/health-text';
import { describeChanges } from '../shared/noise/what-changed';
import type { Component, Incident } from '../shared/domain/types';
import type { SourceSnapshot } from '../shared/engine/api';
import type { EngineEvent } from '../shared/engine/events';

/** `--once --json`: one object per source. */
export function sourceJson(s: SourceSnapshot): Record<string, unknown> {
  const status = s.status;
  return {
    source: s.url,
    provider: s.name,
    health: s.health,
    ...(status?.indicator ? { indicator: status.indicator } : {}),
    components: (status?.components ?? []).map((c) => ({ name: c.name, status: c.status })),
    activeIncidents: (status?.activeIncidents ?? []).map(incidentSummary),
    ...(s.lastError ? { error: { code: s.lastError.code, message: s.lastError.message } } : {}),
  };
}

/**
 * What the PROVIDER column calls each source: its name, and where two or more share a name ("GitHub" for
 * the Statuspage API, its Atom feed and a mirror), the URL's host — or host and path when the host is
 * shared too — so every row can be told apart. @returns labels in the order of `sources`.
 */
export function providerLabels(sources: readonly Pick<SourceSnapshot, 'name' | 'url'>[]): string[] {
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const names = sources.map((s) => s.name);
  const nameCount = count(names);
  const withHost = sources.map((s, i) => (nameCount.get(names[i]!)! > 1 ? `${s.name} (${urlPart(s.url, false)})` : s.name));
  const hostCount = count(withHost);
  return sources.map((s, i) => (hostCount.get(withHost[i]!)! > 1 ? `${s.name} (${urlPart(s.url, true)})` : withHost[i]!));
}

function urlPart(url: string, withPath: boolean): string {
  try {
    const u = new URL(url);
    return withPath ? `${u.host}${u.pathname}${u.search}` : u.host;
  } catch {
    return url;
  }
}

/** Widest PROVIDER column before names are cut with "…": room for a name and a host. */
const PROVIDER_WIDTH = 60;

/** `--once`: a plain-text table (provider, health, active incidents) plus error lines. */
export function sourcesTable(sources: readonly SourceSnapshot[]): string {
  const labels = providerLabels(sources);
  const rows = sources.map((s, i) => [
    labels[i]!,
    healthWords(s.health),
    s.lastError ? `error: ${s.lastError.message}` : incidentsCell(s.status?.activeIncidents ?? []),
  ]);
  const header = ['PROVIDER', 'HEALTH', 'ACTIVE INCIDENTS'];
  const widths = [PROVIDER_WIDTH, 40].map((max, i) => Math.min(max, Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) => [pad(r[0]!, widths[0]!), pad(r[1]!, widths[1]!), r[2]].join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function incidentsCell(incidents: readonly Incident[]): string {
  if (incidents.length === 0) return '-';
  return incidents.map((i) => `${i.title} (${i.status.replace('_', ' ')})`).join('; ');
}

function pad(text: string, width: number): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return cut.padEnd(width);
}

/** Local wall-clock time `YYYY-MM-DD HH:MM:SS` for event lines. */
export function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Watch mode: one or more human lines for an event (local time, provider, health, title, latest update). */
export function eventText(e: EngineEvent): string {
  const head = `${localTime(e.at)}  ${e.provider}  [${healthWords(e.health)}]`;
  switch (e.type) {
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved': {
      const verb = e.type === 'incident.opened' ? 'NEW' : e.type === 'incident.resolved' ? 'RESOLVED' : 'UPDATE';
      const latest = e.incident.updates[0];
      const detail = latest ? `\n    ${latest.text.replace(/\s+/g, ' ').slice(0, 500)}` : '';
      return `${head}  ${verb}: ${e.incident.title} (${e.incident.status.replace('_', ' ')})${detail}`;
    }
    case 'provider.health-changed': {
      const what = describeChanges(e.changes ?? []);
      return `${head}  health ${healthWords(e.previousHealth)} → ${healthWords(e.health)}${what ? `: ${what}` : ''}`;
    }
    case 'source.baselined': {
      const open = e.openIncidents.map((i) => `\n    open: ${i.title} (${i.status.replace('_', ' ')})`).join('');
      return `${head}  watching${e.openIncidents.length ? `, ${e.openIncidents.length} open` : ''}${open}`;
    }
  }
}

/** Watch mode with `--json`: one object per event. */
export function eventJson(e: EngineEvent): Record<string, unknown> {
  const base = { type: e.type, at: new Date(e.at).toISOString(), source: e.sourceId, provider: e.provider, health: e.health };
  switch (e.type) {
    case 'incident.opened':
      return { ...base, incident: incidentJson(e.incident) };
    case 'incident.updated':
    case 'incident.resolved':
      return { ...base, previousStatus: e.previousStatus, incident: incidentJson(e.incident) };
    case 'provider.health-changed':
      return { ...base, previousHealth: e.previousHealth, ...(e.changes ? { changes: e.changes } : {}) };
    case 'source.baselined':
      return { ...base, openIncidents: e.openIncidents.map(incidentJson) };
  }
}

/** The incident fields of the runner's JSON output. */
function incidentSummary(i: Incident): Record<string, unknown> {
  return { id: i.id, title: i.title, status: i.status, impact: i.impact, updatedAt: i.updatedAt, url: i.url ?? null };
}

function incidentJson(i: Incident): Record<string, unknown> {
  return { ...incidentSummary(i), latestUpdate: i.updates[0]?.text ?? null };
}

/** Watch mode: a line when a source fails. */
export function errorText(s: SourceSnapshot, at: number): string {
  return `${localTime(at)}  ${s.name}  [error ${s.lastError?.code}] ${s.lastError?.message}`;
}

/**
 * `--list-components`: the page's components grouped as the page groups them (ungrouped ones first), each
 * with its status, and how to choose them with `--components`.
 */
export function componentsText(provider: string, components: readonly Component[]): string[] {
  if (components.length === 0) return [`${provider} lists no components: --components cannot narrow it (names are matched in incident texts).`];
  const groups = new Map<string, Component[]>();
  for (const c of components) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c]);
  const lines = [`${provider}: ${components.length} component${components.length === 1 ? '' : 's'}`];
  for (const [group, list] of [...groups.entries()].sort((a, b) => (a[0] === '' ? -1 : b[0] === '' ? 1 : 0))) {
    if (group) lines.push(`${group}:`);
    for (const c of list) lines.push(`${group ? '    ' : '  '}${c.name} (${c.status.replace(/_/g, ' ')})`);
  }
  const example = components.slice(0, 2).map((c) => c.name).join(',');
  lines.push(`Watch some of them with: SOURCE --components "${example}"`);
  return lines;
}

/** `--list-components --json`: one object per component. */
export function componentsJson(components: readonly Component[]): Record<string, unknown>[] {
  return components.map((c) => ({ name: c.name, status: c.status, group: c.group ?? null }));
}
