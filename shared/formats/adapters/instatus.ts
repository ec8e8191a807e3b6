/**
 * Instatus public status data (`instatus-json`), https://instatus.com/help/api/public-data: every Instatus page
 * serves `/summary.json` (also `/v3/summary.json`) and `/v2/components.json`.
 *
 * summary.json: `{page: {name, url, status: UP|HASISSUES|UNDERMAINTENANCE}, activeIncidents: [{id?, name,
 * started, status: INVESTIGATING|IDENTIFIED|MONITORING|RESOLVED, impact: MAJOROUTAGE|PARTIALOUTAGE|…, url}],
 * activeMaintenances: [{id?, name, start, status: NOTSTARTEDYET|INPROGRESS|COMPLETED, duration (minutes), url}]}`.
 * It lists only what is open now (`active-only`) and carries no update texts, so each incident has one
 * synthesised update holding its current status. Dates are JavaScript `Date#toString` text
 * ("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)") or ISO 8601.
 *
 * components.json: `{components: [{id, name, status: OPERATIONAL|DEGRADEDPERFORMANCE|PARTIALOUTAGE|MINOROUTAGE|
 * MAJOROUTAGE|UNDERMAINTENANCE, children?: [...]}]}`; a parent with children is a group.
 */
import { z } from 'zod';
import type { Component, Incident, IncidentStatus, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf, parseDateMs, toIso } from '../read/dates';
import { entryId } from '../read/ids';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { hostOf, isJsonHead } from '../sniff';
import { FormatError, type FormatAdapter } from '../types';
import { buildIncident, componentStatusOf, hostName, impactOf, incidentStatusOf, rootOf } from './common';

const pageSchema = z.object({ name: text, url: text, status: text });
const activeSchema = z.object({
  id: text,
  name: text,
  status: text,
  impact: text,
  url: text,
  started: text,
  start: text,
  updatedAt: text,
  duration: text,
});
const summarySchema = z
  .object({ page: pageSchema, activeIncidents: z.array(z.unknown()).nullish(), activeMaintenances: z.array(z.unknown()).nullish() })
  .refine((d) => d.activeIncidents !== undefined || d.activeMaintenances !== undefined, 'no active lists');

type NameField = string | { default?: unknown } | undefined;
interface RawComponent {
  name?: NameField;
  status?: unknown;
  children?: unknown;
}
const componentSchema: z.ZodType<RawComponent> = z.object({
  name: z.union([z.string(), z.object({ default: z.unknown().optional() })]).optional(),
  status: z.unknown().optional(),
  children: z.unknown().optional(),
});
const componentsDocSchema = z.object({ components: z.array(z.unknown()) });

const MAINTENANCE_STATUS: Readonly<Record<string, IncidentStatus>> = {
  NOTSTARTEDYET: 'scheduled',
  INPROGRESS: 'in_progress',
  COMPLETED: 'completed',
};
const INDICATOR: Readonly<Record<string, Indicator>> = { UP: 'none', UNDERMAINTENANCE: 'none', HASISSUES: 'minor' };

function nameOf(name: NameField): string {
  if (typeof name === 'string') return name.trim();
  return typeof name?.default === 'string' ? name.default.trim() : '';
}

function readComponents(list: unknown): Component[] {
  const out: Component[] = [];
  for (const c of validItems(componentSchema, list, LIMITS.components)) {
    const name = nameOf(c.name);
    const children = validItems(componentSchema, c.children, LIMITS.components);
    if (children.length > 0) {
      for (const child of children) {
        const status = componentStatusOf(child.status);
        const childName = nameOf(child.name);
        if (status && childName) out.push(name ? { name: childName, status, group: name } : { name: childName, status });
      }
      continue;
    }
    const status = componentStatusOf(c.status);
    if (status && name) out.push({ name, status });
  }
  return out;
}

/** The last path segment of an incident URL (Instatus ids are cuid strings there), when present. */
function idFromUrl(url: string | undefined): string | undefined {
  const safe = safeHttpUrl(url);
  if (!safe) return undefined;
  const last = new URL(safe).pathname.split('/').filter(Boolean).pop();
  return last && /^[a-z0-9]{10,}$/i.test(last) ? last : undefined;
}

function readActive(raw: z.infer<typeof activeSchema>, kind: 'incident' | 'maintenance', base: string | undefined): Incident {
  const started = kind === 'maintenance' ? raw.start ?? raw.started : raw.started ?? raw.start;
  const label = raw.status ?? '';
  const status = kind === 'maintenance' ? MAINTENANCE_STATUS[label.toUpperCase()] ?? 'scheduled' : incidentStatusOf(label, 'investigating');
  const title = raw.name ?? '';
  const id = entryId([raw.id, idFromUrl(raw.url)], title, isoOf(started));
  const minutes = raw.duration !== undefined ? Number(raw.duration) : NaN;
  const startMs = parseDateMs(started);
  const until = kind === 'maintenance' && startMs !== undefined && Number.isFinite(minutes) && minutes > 0 ? toIso(startMs + minutes * 60_000) : undefined;
  return buildIncident({
    id,
    kind,
    title,
    status,
    impact: kind === 'maintenance' ? 'maintenance' : impactOf(raw.impact ?? 'minor'),
    createdAt: started,
    updatedAt: raw.updatedAt,
    url: raw.url,
    ...(base ? { base } : {}),
    ...(kind === 'maintenance' ? { scheduledFor: started, scheduledUntil: until } : {}),
    // The summary has no update texts: one update carries the current status so the timeline is not empty.
    updates: [{ status, label, text: '', at: raw.updatedAt ?? started }],
  });
}

function parseSummary(body: unknown, url: string, now: number) {
  const doc = validate(summarySchema, body, 'Instatus summary');
  const pageUrl = safeHttpUrl(doc.page.url);
  const incidents = [
    ...validItems(activeSchema, doc.activeIncidents, LIMITS.entriesPerDocument).map((i) => readActive(i, 'incident', pageUrl)),
    ...validItems(activeSchema, doc.activeMaintenances, LIMITS.entriesPerDocument).map((i) => readActive(i, 'maintenance', pageUrl)),
  ];
  const pageStatus = (doc.page.status ?? '').toUpperCase();
  return assembleStatus({
    provider: doc.page.name?.trim() || hostName(url, 'Instatus page'),
    format: 'instatus-json',
    pageUrl: pageUrl ?? rootOf(url),
    indicator: INDICATOR[pageStatus],
    components: [],
    incidents,
    coverage: 'active-only',
    now,
  });
}

function parseComponents(body: unknown, url: string, now: number) {
  const doc = validate(componentsDocSchema, body, 'Instatus components');
  return assembleStatus({
    provider: hostOf(url) || 'Instatus page',
    format: 'instatus-json',
    pageUrl: rootOf(url),
    components: readComponents(doc.components),
    incidents: [],
    coverage: 'active-only',
    now,
  });
}

export const instatusJsonAdapter: FormatAdapter = {
  id: 'instatus-json',
  label: 'Instatus public status (JSON)',
  sniff: ({ head, url }) =>
    isJsonHead(head, 'object') &&
    (/"active(?:Incidents|Maintenances)"\s*:/.test(head) ||
      (/\/v2\/components\.json$/.test(safeHttpUrl(url) ? new URL(url).pathname : '') && /"(?:OPERATIONAL|DEGRADEDPERFORMANCE|PARTIALOUTAGE|MINOROUTAGE|MAJOROUTAGE|UNDERMAINTENANCE)"/.test(head))),
  parse(body, ctx) {
    const data = parseJson(body);
    if (data && typeof data === 'object' && !Array.isArray(data) && 'components' in data && !('page' in data)) return parseComponents(data, ctx.url, ctx.now);
    if (!data || typeof data !== 'object' || !('page' in data)) throw new FormatError('parse', 'Not an Instatus summary document');
    return parseSummary(data, ctx.url, ctx.now);
  },
};
