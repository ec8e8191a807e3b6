/**
 * Atlassian Statuspage API v2 JSON (`statuspage-json`), https://developer.statuspage.io/ — also what
 * incident.io pages serve at the same paths. One adapter for summary.json, status.json, components.json,
 * incidents.json, incidents/unresolved.json and scheduled-maintenances(.json|/upcoming.json|/active.json).
 *
 * Recognised by what the document has, not by any one key: incident.io's summary.json (OpenAI) has `page`,
 * `status`, `components` and `incidents` but no `scheduled_maintenances`, and omits `incidents` when there are
 * none; key order is the server's choice, so a long `components` list can push `page` past the head the
 * sniffer sees. Two Statuspage signals in the head are enough (see STATUSPAGE_SIGNALS); the provider name
 * comes from `page.name`, else the URL's host.
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
import { hostOf, isJsonHead } from '../sniff';
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
    page: z.object({ name: text, url: text, updated_at: text }).nullish(),
    status: z.object({ indicator: text, description: text }).nullish(),
    components: z.array(z.unknown()).nullish(),
    incidents: z.array(z.unknown()).nullish(),
    scheduled_maintenances: z.array(z.unknown()).nullish(),
  })
  .refine((d) => d.status || d.components || d.incidents || d.scheduled_maintenances, 'no status, components or incidents');

/**
 * What marks a JSON object as Statuspage API v2: its top-level lists and objects, the `indicator` vocabulary,
 * and components in Statuspage's status words. Each is weak alone (`"components": [` is common), two together
 * are not found in the other JSON formats we read.
 */
const STATUSPAGE_SIGNALS: readonly RegExp[] = [
  /"page"\s*:\s*\{/,
  /"status"\s*:\s*\{/,
  /"indicator"\s*:\s*"(?:none|minor|major|critical|maintenance)"/,
  /"components"\s*:/,
  /"incidents"\s*:/,
  /"scheduled_maintenances"\s*:/,
  /"incident_updates"\s*:/,
  /"status"\s*:\s*"(?:operational|degraded_performance|partial_outage|major_outage|under_maintenance)"/,
  /"time_zone"\s*:/,
];

/** True when the head of a JSON object shows at least two Statuspage signals. */
export function looksLikeStatuspageJson(head: string): boolean {
  if (!isJsonHead(head, 'object')) return false;
  let found = 0;
  for (const signal of STATUSPAGE_SIGNALS) if (signal.test(head) && ++found >= 2) return true;
  return false;
}

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
  const listed = validItems(updateSchema, raw.incident_updates, 200);
  const updates: IncidentUpdate[] = listed.map((u) => ({
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
  if (components.length === 0) components = [...new Set(listed.flatMap((u) => names(u.affected_components)))];
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
  sniff: ({ head }) => looksLikeStatuspageJson(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Statuspage API v2');
    const pageUrl = safeHttpUrl(doc.page?.url);
    const incidents = [
      ...validItems(incidentSchema, doc.incidents, LIMITS.entriesPerDocument).map((i) => readIncident(i, pageUrl, false)),
      ...validItems(incidentSchema, doc.scheduled_maintenances, LIMITS.entriesPerDocument).map((i) => readIncident(i, pageUrl, true)),
    ];
    const indicator = doc.status?.indicator && INDICATORS.has(doc.status.indicator as Indicator) ? (doc.status.indicator as Indicator) : undefined;
    const provider = doc.page?.name?.trim() || hostOf(ctx.url);
    if (!provider) throw new FormatError('parse', 'Statuspage document without a page name or address');
    return assembleStatus({
      provider,
      format: 'statuspage-json',
      pageUrl,
      indicator,
      description: doc.status?.description,
      components: readComponents(doc.components),
      incidents,
      coverage: coverageOf(ctx.url, doc),
      documentUpdatedAt: isoOf(doc.page?.updated_at),
      now: ctx.now,
    });
  },
};
