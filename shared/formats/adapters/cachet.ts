/**
 * Cachet's JSON API (`cachet-json`), both generations, https://docs.cachethq.io/:
 * - v2.x `GET /api/v1/components` → `{meta: {pagination}, data: [{id, name, status: 1..4, status_name, group_id,
 *   enabled}]}` and `GET /api/v1/incidents` → `{data: [{id, name, message, status: 0..4, human_status,
 *   component_id, created_at, updated_at, scheduled_at, occurred_at, visible}]}`;
 * - v3 (cachethq/core, JSON:API) `GET /api/components` and `/api/incidents` → `{data: [{id, type, attributes:
 *   {name, status: {human, value}, …}}]}`.
 * Component statuses: 1 Operational, 2 Performance Issues, 3 Partial Outage, 4 Major Outage. Incident statuses:
 * 0 Scheduled (a maintenance), 1 Investigating, 2 Identified, 3 Watching (monitoring), 4 Fixed (resolved).
 * Dates are the server's `Y-m-d H:i:s` without a zone, read as UTC (Cachet's default application zone).
 * The components list is everything (`active-only`: a component is current state); an incidents list is a
 * window of history (`history`).
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Incident, IncidentStatus } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { idText, parseJson, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import { FormatError, type FormatAdapter } from '../types';
import { buildIncident, componentStatusOf, hostName, incidentStatusOf, rootOf, utcIsoOf } from './common';

const itemSchema = z.object({ id: idText, attributes: z.record(z.string(), z.unknown()).nullish() }).passthrough();
const documentSchema = z.object({ data: z.array(z.unknown()) });

const COMPONENT_STATUS: Readonly<Record<string, ComponentStatus>> = {
  '1': 'operational',
  '2': 'degraded_performance',
  '3': 'partial_outage',
  '4': 'major_outage',
};
const INCIDENT_STATUS: Readonly<Record<string, IncidentStatus>> = {
  '0': 'scheduled',
  '1': 'investigating',
  '2': 'identified',
  '3': 'monitoring',
  '4': 'resolved',
};

/** A field's value whether it is plain (`status: 1`) or v3's `{human, value}` pair. */
function valueOf(v: unknown): { value: string; human?: string } {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return { value: o.value === undefined || o.value === null ? '' : String(o.value), ...(typeof o.human === 'string' ? { human: o.human } : {}) };
  }
  return { value: typeof v === 'number' || typeof v === 'string' ? String(v).trim() : '' };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** v3 dates: `{human: "2 hours ago", string: "2024-01-01 10:00:00"}`; v1 dates: the string itself. */
const dateOf = (v: unknown): unknown => (v && typeof v === 'object' && 'string' in v ? (v as Record<string, unknown>).string : v);

function fieldsOf(item: z.infer<typeof itemSchema>): Record<string, unknown> {
  return item.attributes ? { ...item.attributes, id: item.id } : (item as Record<string, unknown>);
}

function isComponentList(rows: Record<string, unknown>[], url: string): boolean {
  if (/\/components\/?$/.test(new URL(url).pathname)) return true;
  if (/\/incidents\/?$/.test(new URL(url).pathname)) return false;
  return rows.some((r) => 'status_name' in r || 'group_id' in r || 'enabled' in r) && !rows.some((r) => 'message' in r || 'human_status' in r);
}

function readComponent(r: Record<string, unknown>): Component | undefined {
  if (r.enabled === false) return undefined;
  const name = str(r.name)?.trim();
  const s = valueOf(r.status);
  const status = COMPONENT_STATUS[s.value] ?? componentStatusOf(s.human ?? r.status_name);
  return name && status ? { name, status } : undefined;
}

function readIncident(r: Record<string, unknown>, base: string | undefined): Incident {
  const s = valueOf(r.status);
  const label = s.human ?? str(r.human_status);
  const status = INCIDENT_STATUS[s.value] ?? incidentStatusOf(label, 'investigating');
  const kind = status === 'scheduled' || r.stickied === 'maintenance' ? 'maintenance' : 'incident';
  const created = utcIsoOf(dateOf(r.occurred_at)) ?? utcIsoOf(dateOf(r.created_at));
  const scheduledAt = utcIsoOf(dateOf(r.scheduled_at));
  return buildIncident({
    id: str(r.id) ?? '',
    kind,
    title: str(r.name),
    status,
    impact: kind === 'maintenance' ? 'maintenance' : 'minor',
    createdAt: created ?? scheduledAt,
    updatedAt: utcIsoOf(dateOf(r.updated_at)),
    url: str(r.permalink) ?? (base ? `incidents/${encodeURIComponent(str(r.id) ?? '')}` : undefined),
    ...(base ? { base } : {}),
    ...(kind === 'maintenance' && scheduledAt ? { scheduledFor: scheduledAt } : {}),
    // Cachet v1 lists the incident's current message; its updates live behind another endpoint.
    updates: [{ status, ...(label ? { label } : {}), text: str(r.message) ?? '', at: utcIsoOf(dateOf(r.updated_at)) ?? created }],
  });
}

export const cachetJsonAdapter: FormatAdapter = {
  id: 'cachet-json',
  label: 'Cachet status API (JSON)',
  sniff: ({ head, url }) =>
    isJsonHead(head, 'object') &&
    ((/"meta"\s*:\s*\{\s*"pagination"/.test(head) && /"data"\s*:\s*\[/.test(head)) ||
      (/\/api\/(?:v1\/)?(?:components|incidents)\/?$/.test(url) && /"data"\s*:\s*\[/.test(head) && /"(?:status_name|human_status|human)"\s*:/.test(head))),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Cachet API');
    const rows = validItems(itemSchema, doc.data, LIMITS.entriesPerDocument * 10).map(fieldsOf);
    if (rows.length === 0 && doc.data.length > 0) throw new FormatError('parse', 'Not a Cachet API document (no readable rows)');
    const base = rootOf(ctx.url);
    const components = isComponentList(rows, ctx.url);
    return assembleStatus({
      provider: hostName(ctx.url, 'Cachet page'),
      format: 'cachet-json',
      ...(base ? { pageUrl: base } : {}),
      components: components ? rows.slice(0, LIMITS.components).flatMap((r) => readComponent(r) ?? []) : [],
      incidents: components ? [] : rows.slice(0, LIMITS.entriesPerDocument).filter((r) => r.visible !== false && r.visible !== 0).map((r) => readIncident(r, base)),
      coverage: components ? 'active-only' : 'history',
      now: ctx.now,
    });
  },
};
