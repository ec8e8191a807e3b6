/**
 * StatusPal status page summary (`statuspal-json`), https://statuspal.io/api-docs/v2:
 * `GET https://statuspal.io/api/v2/status_pages/<subdomain>/summary` (EU pages: statuspal.eu) →
 * `{status_page: {name, url, subdomain, current_incident_type}, services: [{id, name, current_incident_type,
 * children: [...]}], incidents: [...], maintenances: [...], upcoming_maintenances: [...]}`.
 * `current_incident_type` is `null` (operational), `minor`, `major` or `scheduled` (maintenance). Incidents carry
 * `id, title, type, starts_at, ends_at, service_ids, updates: [{type: issue|update|resolve, description,
 * posted_at|inserted_at}]`; an incident without `ends_at` is open. The summary lists current and upcoming
 * events only (`active-only`). Datetimes are UTC (ISO 8601, sometimes without a zone suffix).
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Impact, Incident, IncidentStatus, Indicator } from '../../domain/types';
import { CLOSED_STATUSES } from '../../domain/health';
import { assembleStatus } from '../read/assemble';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { buildIncident, hostName, utcIsoOf } from './common';

interface RawService {
  id?: unknown;
  name?: unknown;
  current_incident_type?: unknown;
  children?: unknown;
}
const serviceSchema: z.ZodType<RawService> = z.object({ id: z.unknown().optional(), name: z.unknown().optional(), current_incident_type: z.unknown().optional(), children: z.unknown().optional() });
const updateSchema = z.object({ type: text, description: text, posted_at: text, inserted_at: text });
const eventSchema = z.object({
  id: idText,
  title: text,
  type: text,
  starts_at: text,
  ends_at: text,
  inserted_at: text,
  url: text,
  service_ids: z.array(z.unknown()).nullish(),
  updates: z.array(z.unknown()).nullish(),
});
const documentSchema = z.object({
  status_page: z.object({ name: text, url: text, subdomain: text, current_incident_type: text }),
  services: z.array(z.unknown()).nullish(),
  incidents: z.array(z.unknown()).nullish(),
  maintenances: z.array(z.unknown()).nullish(),
  upcoming_maintenances: z.array(z.unknown()).nullish(),
});

const TYPE_STATUS: Readonly<Record<string, ComponentStatus>> = { minor: 'partial_outage', major: 'major_outage', scheduled: 'under_maintenance' };
const TYPE_IMPACT: Readonly<Record<string, Impact>> = { minor: 'minor', major: 'critical', scheduled: 'maintenance' };
const TYPE_INDICATOR: Readonly<Record<string, Indicator>> = { minor: 'minor', major: 'critical', scheduled: 'none' };

function readServices(list: unknown, group: string | undefined, names: Map<string, string>, out: Component[]): void {
  for (const s of validItems(serviceSchema, list, LIMITS.components)) {
    const name = typeof s.name === 'string' ? s.name.trim() : '';
    if (!name) continue;
    if (s.id !== undefined && s.id !== null) names.set(String(s.id), name);
    const children = Array.isArray(s.children) ? s.children : [];
    if (children.length > 0) {
      readServices(children, name, names, out);
      continue;
    }
    const type = typeof s.current_incident_type === 'string' ? s.current_incident_type : '';
    const status = type ? TYPE_STATUS[type] : 'operational';
    if (!status || out.length >= LIMITS.components) continue;
    out.push(group ? { name, status, group } : { name, status });
  }
}

function updateStatus(type: string | undefined, kind: 'incident' | 'maintenance', open: boolean): IncidentStatus {
  if (type === 'resolve' || type === 'resolved') return kind === 'maintenance' ? 'completed' : 'resolved';
  if (kind === 'maintenance') return open ? 'in_progress' : 'completed';
  return 'investigating';
}

function readEvent(e: z.infer<typeof eventSchema>, kind: 'incident' | 'maintenance', upcoming: boolean, names: Map<string, string>, base: string | undefined): Incident {
  const open = !utcIsoOf(e.ends_at) || upcoming;
  const status: IncidentStatus = upcoming ? 'scheduled' : kind === 'maintenance' ? (open ? 'in_progress' : 'completed') : open ? 'investigating' : 'resolved';
  const updates = validItems(updateSchema, e.updates, 200).map((u) => ({
    status: upcoming ? 'scheduled' as const : updateStatus(u.type, kind, open),
    ...(u.type ? { label: u.type } : {}),
    text: u.description ?? '',
    at: utcIsoOf(u.posted_at) ?? utcIsoOf(u.inserted_at),
  }));
  const incident = buildIncident({
    id: e.id,
    kind,
    title: e.title,
    status,
    impact: kind === 'maintenance' ? 'maintenance' : TYPE_IMPACT[e.type ?? ''] ?? 'minor',
    createdAt: utcIsoOf(e.starts_at) ?? utcIsoOf(e.inserted_at),
    url: e.url ?? (base ? `incidents/${encodeURIComponent(e.id)}` : undefined),
    ...(base ? { base } : {}),
    ...(kind === 'maintenance' ? { scheduledFor: utcIsoOf(e.starts_at), scheduledUntil: utcIsoOf(e.ends_at) } : {}),
    // StatusPal's update types say little (issue/update/resolve); only "resolve" changes the status.
    updates,
    components: (e.service_ids ?? []).flatMap((id) => {
      const n = names.get(String(id));
      return n ? [n] : [];
    }),
  });
  // An event with an end time has ended even when its last update says nothing about it.
  if (!open && !upcoming && !CLOSED_STATUSES.has(incident.status)) incident.status = kind === 'maintenance' ? 'completed' : 'resolved';
  return incident;
}

export const statuspalJsonAdapter: FormatAdapter = {
  id: 'statuspal-json',
  label: 'StatusPal status page summary (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /"status_page"\s*:\s*\{/.test(head) && /"current_incident_type"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'StatusPal summary');
    const names = new Map<string, string>();
    const components: Component[] = [];
    readServices(doc.services, undefined, names, components);
    const page = doc.status_page;
    const pageUrl = safeHttpUrl(page.url) ?? safeHttpUrl(page.url ? `https://${page.url}` : undefined) ?? (page.subdomain ? safeHttpUrl(`https://${page.subdomain}.statuspal.io/`) : undefined);
    const base = pageUrl ? (pageUrl.endsWith('/') ? pageUrl : pageUrl + '/') : undefined;
    const incidents = [
      ...validItems(eventSchema, doc.incidents, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'incident', false, names, base)),
      ...validItems(eventSchema, doc.maintenances, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'maintenance', false, names, base)),
      ...validItems(eventSchema, doc.upcoming_maintenances, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'maintenance', true, names, base)),
    ];
    const type = page.current_incident_type ?? '';
    return assembleStatus({
      provider: page.name?.trim() || hostName(ctx.url, 'StatusPal page'),
      format: 'statuspal-json',
      ...(pageUrl ? { pageUrl } : {}),
      indicator: type ? TYPE_INDICATOR[type] : 'none',
      components,
      incidents,
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
