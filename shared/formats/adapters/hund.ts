/**
 * Hund status pages (`hund-sse`), https://hund.io/help/documentation/live-event-streams: Hund publishes a page's
 * state without an API key only as a server-sent event stream, `GET <page>/live/v2/status_page`. The first event,
 * `init_event`, carries the whole current state as JSON — `{state: operational|degraded|outage, percent_uptime,
 * incident_free_streak (s), issues: [{id, title, body (HTML), label, components: [{id, name, description, state}]
 * (v2; plain names in older pages, or a single `component` in v1), standing, scheduled, created_at (epoch s),
 * updates: [{body, label, created_at}]}]}` — then the stream stays open for changes; the engine stops reading
 * after that first event (engine/http/read-body `firstSseEventArrived`). A `standing` issue is ongoing; a
 * `scheduled` one is a maintenance. The document names only the components its issues touch, so the component
 * list is partial and the page `state` gives the overall health. The documented examples show no schedule
 * fields, so a maintenance is placed by its `created_at`. Coverage `active-only`.
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Incident, IncidentStatus, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { epochSecondsToMs, toIso } from '../read/dates';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import type { FormatAdapter } from '../types';
import { FormatError } from '../types';
import { buildIncident, componentStatusOf, hostName, impactOfComponentStatus, incidentStatusOf, rootOf, worstComponentStatus } from './common';

const componentSchema = z.object({ name: text, state: text });
const updateSchema = z.object({ body: text, label: text, created_at: z.unknown().optional() });
const issueSchema = z.object({
  id: idText,
  title: text,
  body: text,
  label: text,
  component: text,
  components: z.array(z.unknown()).nullish(),
  standing: z.boolean().nullish(),
  scheduled: z.boolean().nullish(),
  created_at: z.unknown().optional(),
  updates: z.array(z.unknown()).nullish(),
});
const documentSchema = z.object({ state: text, issues: z.array(z.unknown()).nullish() });

/** Hund's words for a page or component state. */
const STATE: Readonly<Record<string, ComponentStatus>> = { operational: 'operational', degraded: 'degraded_performance', outage: 'major_outage', maintenance: 'under_maintenance' };
// The page is "outage" only when every component is out (status.js and the docs), hence critical.
const INDICATOR: Readonly<Record<string, Indicator>> = { operational: 'none', maintenance: 'none', degraded: 'minor', outage: 'critical' };

/**
 * The data of the first event of a server-sent event stream whose type is `init_event` (or untyped), its
 * `data:` lines joined by newlines as the SSE standard does; `undefined` when the text holds no such event.
 */
export function firstInitEventData(body: string): string | undefined {
  for (const block of body.split(/\r\n\r\n|\n\n|\r\r/)) {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 && (type === 'init_event' || type === 'message')) return data.join('\n');
  }
  return undefined;
}

/** True for a head that starts an event stream (comment and blank lines, then a field line). */
export function isEventStreamHead(head: string): boolean {
  return /^(?:(?::[^\r\n]*)?(?:\r\n|\n|\r))*(?:event|data|id|retry):/.test(head);
}

function readIssue(raw: z.infer<typeof issueSchema>, base: string | undefined, pageState: string): { incident: Incident; components: Component[] } {
  const components: Component[] = [];
  const names: string[] = [];
  for (const c of raw.components ?? []) {
    if (typeof c === 'string') {
      names.push(c);
      continue;
    }
    const parsed = componentSchema.safeParse(c);
    if (!parsed.success) continue;
    const name = parsed.data.name?.trim();
    if (!name) continue;
    names.push(name);
    const status = STATE[parsed.data.state?.toLowerCase() ?? ''] ?? componentStatusOf(parsed.data.state);
    if (status) components.push({ name, status });
  }
  if (raw.component) names.push(raw.component);
  const kind = raw.scheduled ? 'maintenance' : 'incident';
  const open = raw.standing !== false;
  const fallback: IncidentStatus = kind === 'maintenance' ? (open ? 'in_progress' : 'scheduled') : open ? 'investigating' : 'resolved';
  const statusOf = (label: string | undefined): IncidentStatus => (kind === 'maintenance' ? fallback : incidentStatusOf(label, fallback));
  const at = (v: unknown) => toIso(epochSecondsToMs(v)) ?? v;
  const updates = [
    ...(raw.body ? [{ status: statusOf(raw.label), ...(raw.label ? { label: raw.label } : {}), text: raw.body, html: true, at: at(raw.created_at) }] : []),
    ...validItems(updateSchema, raw.updates, 200).map((u) => ({ status: statusOf(u.label), ...(u.label ? { label: u.label } : {}), text: u.body ?? '', html: true, at: at(u.created_at) })),
  ];
  const worst = components.length > 0 ? worstComponentStatus(components.map((c) => c.status)) : STATE[pageState];
  const incident = buildIncident({
    id: raw.id,
    kind,
    title: raw.title,
    status: fallback,
    impact: impactOfComponentStatus(worst) === 'none' ? 'minor' : impactOfComponentStatus(worst),
    createdAt: at(raw.created_at),
    ...(base ? { url: `issues/${encodeURIComponent(raw.id)}`, base } : {}),
    updates,
    components: names,
  });
  // Hund's labels are free text; an issue the page no longer calls standing has ended whatever its last label.
  if (!open && kind === 'incident') incident.status = 'resolved';
  return { incident, components };
}

export const hundSseAdapter: FormatAdapter = {
  id: 'hund-sse',
  label: 'Hund live event stream',
  sniff: ({ head, contentType, url }) =>
    isEventStreamHead(head) && (/init_event/.test(head) || /\/live\/v2\/status_page\b/.test(url) || (contentType ?? '').includes('event-stream')),
  parse(body, ctx) {
    const data = firstInitEventData(body);
    if (data === undefined) throw new FormatError('parse', 'The Hund event stream has no init_event');
    const doc = validate(documentSchema, parseJson(data), 'Hund init_event');
    const pageState = doc.state?.toLowerCase() ?? '';
    const base = rootOf(ctx.url);
    const components = new Map<string, Component>();
    const incidents: Incident[] = [];
    for (const issue of validItems(issueSchema, doc.issues, LIMITS.entriesPerDocument)) {
      const read = readIssue(issue, base, pageState);
      incidents.push(read.incident);
      for (const c of read.components) if (!components.has(c.name) && components.size < LIMITS.components) components.set(c.name, c);
    }
    const indicator = INDICATOR[pageState];
    return assembleStatus({
      provider: hostName(ctx.url, 'Hund status page'),
      format: 'hund-sse',
      ...(base ? { pageUrl: base } : {}),
      ...(indicator ? { indicator } : {}),
      components: [...components.values()],
      incidents,
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
