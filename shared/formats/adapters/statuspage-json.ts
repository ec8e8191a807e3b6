/**
 * Atlassian Statuspage API v2 JSON (`statuspage-json`), https://developer.statuspage.io/ — also what
 * incident.io pages serve at the same paths. One adapter for summary.json, status.json, components.json,
 * incidents.json, incidents/unresolved.json and scheduled-maintenances(.json|/upcoming.json|/active.json).
 *
 * Coverage: `active-only` for summary, unresolved, upcoming/active maintenances, status and components (they
 * list only what is open now); `history` for incidents.json and scheduled-maintenances.json. Decided by the
 * URL's last path segment, else by shape (a document with `components` or `status` is summary-like).
 *
 * Components: group containers (`group: true`) are skipped and their name is kept as each member's `group`.
 * Components with `showcase: false` (GitHub's "Visit www.githubstatus.com for more information") are kept:
 * `showcase` only controls the uptime bar on the page, and dropping a component could hide a real outage.
 */
import { z } from 'zod';
import type { FormatAdapter } from '../types';
import type { Component, ComponentStatus, Impact, Incident, IncidentStatus, IncidentUpdate, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf } from '../read/dates';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { isJsonHead } from '../sniff';
import { MAINTENANCE_STATUSES, statusOfLabel } from '../read/statuses';
import { collapseText, toPlainTitle } from '../read/text';
import { FormatError } from '../types';

const named = z.object({ name: text });

const updateSchema = z.object({
  status: text,
  body: text,
  display_at: text,
  created_at: text,
  affected_components: z.array(z.unknown()).nullish(),
});

const incidentSchema = z.object({
  id: idText,
  name: text,
  status: text,
  impact: text,
  created_at: text,
  updated_at: text,
  started_at: text,
  shortlink: text,
  scheduled_for: text,
  scheduled_until: text,
  incident_updates: z.array(z.unknown()).nullish(),
  components: z.array(z.unknown()).nullish(),
});

const componentSchema = z.object({
  id: idText,
  name: text,
  status: text,
  group: z.boolean().nullish(),
  group_id: text,
});

const documentSchema = z
  .object({
    page: z.object({ name: text, url: text, updated_at: text }),
    status: z.object({ indicator: text, description: text }).nullish(),
    components: z.array(z.unknown()).nullish(),
    incidents: z.array(z.unknown()).nullish(),
    scheduled_maintenances: z.array(z.unknown()).nullish(),
  })
  .refine((d) => d.status || d.components || d.incidents || d.scheduled_maintenances, 'no status, components or incidents');

const COMPONENT_STATUSES = new Set<ComponentStatus>(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
const INDICATORS = new Set<Indicator>(['none', 'minor', 'major', 'critical']);
const IMPACTS = new Set<Impact>(['none', 'minor', 'major', 'critical', 'maintenance']);
const ACTIVE_ONLY_PATHS = /\/(summary|unresolved|upcoming|active|status|components)\.json$/;
const HISTORY_PATHS = /\/(incidents|scheduled-maintenances)\.json$/;

function coverageOf(url: string, doc: z.infer<typeof documentSchema>): 'active-only' | 'history' {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    // fall through to shape
  }
  if (ACTIVE_ONLY_PATHS.test(path)) return 'active-only';
  if (HISTORY_PATHS.test(path)) return 'history';
  return doc.components || doc.status ? 'active-only' : 'history';
}

function names(list: unknown): string[] {
  return validItems(named, list, LIMITS.componentsPerIncident).flatMap((c) => (c.name ? [c.name.trim()] : []));
}

function readIncident(raw: z.infer<typeof incidentSchema>, pageUrl: string | undefined, isMaintenanceList: boolean): Incident {
  const labelled = raw.status ? statusOfLabel(raw.status) : undefined;
  const impact = raw.impact && IMPACTS.has(raw.impact as Impact) ? (raw.impact as Impact) : 'none';
  const kind = isMaintenanceList || impact === 'maintenance' || raw.scheduled_for || (labelled && MAINTENANCE_STATUSES.has(labelled)) ? 'maintenance' : 'incident';
  const status: IncidentStatus = labelled ?? (kind === 'maintenance' ? 'scheduled' : 'investigating');
  const createdAt = isoOf(raw.created_at) ?? isoOf(raw.started_at) ?? isoOf(raw.updated_at) ?? new Date(0).toISOString();
  const updates: IncidentUpdate[] = validItems(updateSchema, raw.incident_updates, 200).map((u) => ({
    status: (u.status && statusOfLabel(u.status)) || status,
    label: u.status ?? '',
    text: collapseText(u.body ?? ''),
    at: isoOf(u.display_at) ?? isoOf(u.created_at) ?? createdAt,
  }));
  for (const u of updates) if (!u.label) delete u.label;
  updates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  // Domain rule: updatedAt is the newest update's time; `updated_at` also moves on edits that post nothing.
  const updatedAt = updates[0]?.at ?? isoOf(raw.updated_at) ?? createdAt;
  let components = names(raw.components);
  if (components.length === 0) components = [...new Set(validItems(updateSchema, raw.incident_updates, 200).flatMap((u) => names(u.affected_components)))];
  const incident: Incident = {
    id: raw.id,
    kind,
    title: toPlainTitle(raw.name) || 'Untitled incident',
    status,
    impact: kind === 'maintenance' ? 'maintenance' : impact,
    createdAt,
    updatedAt,
    updates,
    components: [...new Set(components)],
  };
  const url = pageUrl ? safeHttpUrl(`incidents/${encodeURIComponent(raw.id)}`, pageUrl.endsWith('/') ? pageUrl : pageUrl + '/') : safeHttpUrl(raw.shortlink);
  if (url) incident.url = url;
  const from = isoOf(raw.scheduled_for);
  const until = isoOf(raw.scheduled_until);
  if (from) incident.scheduledFor = from;
  if (until) incident.scheduledUntil = until;
  return incident;
}

function readComponents(list: unknown): Component[] {
  const all = validItems(componentSchema, list, 5000);
  const groupNames = new Map(all.filter((c) => c.group).map((c) => [c.id, c.name?.trim() ?? '']));
  const out: Component[] = [];
  for (const c of all) {
    if (c.group || !c.name || !c.status || !COMPONENT_STATUSES.has(c.status as ComponentStatus)) continue;
    const component: Component = { name: c.name.trim(), status: c.status as ComponentStatus };
    const group = c.group_id ? groupNames.get(c.group_id) : undefined;
    if (group) component.group = group;
    out.push(component);
  }
  return out;
}

export const statuspageJsonAdapter: FormatAdapter = {
  id: 'statuspage-json',
  label: 'Atlassian Statuspage API v2 (JSON)',
  sniff: ({ head }) =>
    isJsonHead(head, 'object') && /"page"\s*:\s*\{/.test(head) && /"(status|components|incidents|scheduled_maintenances|time_zone)"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Statuspage API v2');
    const pageUrl = safeHttpUrl(doc.page.url);
    const incidents = [
      ...validItems(incidentSchema, doc.incidents, LIMITS.entriesPerDocument).map((i) => readIncident(i, pageUrl, false)),
      ...validItems(incidentSchema, doc.scheduled_maintenances, LIMITS.entriesPerDocument).map((i) => readIncident(i, pageUrl, true)),
    ];
    const indicator = doc.status?.indicator && INDICATORS.has(doc.status.indicator as Indicator) ? (doc.status.indicator as Indicator) : undefined;
    if (!doc.page.name?.trim()) throw new FormatError('parse', 'Statuspage document without a page name');
    return assembleStatus({
      provider: doc.page.name,
      format: 'statuspage-json',
      pageUrl,
      indicator,
      description: doc.status?.description,
      components: readComponents(doc.components),
      incidents,
      coverage: coverageOf(ctx.url, doc),
      documentUpdatedAt: isoOf(doc.page.updated_at),
      now: ctx.now,
    });
  },
};
