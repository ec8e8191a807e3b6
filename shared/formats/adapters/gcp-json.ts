/**
 * Google Cloud status `incidents.json` (`gcp-json`), status.cloud.google.com/incidents.json: an array of
 * incidents `{id, begin, end?, created, modified, external_desc, updates[], most_recent_update, status_impact,
 * severity, affected_products[], uri}`. An incident with `end` set is resolved; otherwise its latest update's
 * status `AVAILABLE` means monitoring, anything else investigating. Impact from `status_impact`
 * (SERVICE_OUTAGE → critical, SERVICE_DISRUPTION → major, SERVICE_INFORMATION → minor), else `severity`
 * (high → critical, medium → major, low → minor). Coverage `history`.
 */
import { z } from 'zod';
import type { FormatAdapter } from '../types';
import type { Impact, Incident, IncidentStatus, IncidentUpdate } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf } from '../read/dates';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { originOf, safeHttpUrl } from '../read/links';
import { hostOf, isJsonHead } from '../sniff';
import { collapseText, toPlainTitle } from '../read/text';

const updateSchema = z.object({ when: text, created: text, text: text, status: text });
const productSchema = z.object({ title: text });
const incidentSchema = z.object({
  id: idText,
  begin: text,
  end: text,
  created: text,
  modified: text,
  external_desc: text,
  updates: z.array(z.unknown()).nullish(),
  most_recent_update: z.object({ status: text }).nullish(),
  status_impact: text,
  severity: text,
  affected_products: z.array(z.unknown()).nullish(),
  uri: text,
});

function impactOf(statusImpact: string | undefined, severity: string | undefined): Impact {
  switch (statusImpact) {
    case 'SERVICE_OUTAGE':
      return 'critical';
    case 'SERVICE_DISRUPTION':
      return 'major';
    case 'SERVICE_INFORMATION':
      return 'minor';
  }
  switch (severity) {
    case 'high':
      return 'critical';
    case 'medium':
      return 'major';
    case 'low':
      return 'minor';
  }
  return 'none';
}

function readIncident(raw: z.infer<typeof incidentSchema>, base: string, fallback: string): Incident {
  const ended = isoOf(raw.end);
  const latest = raw.most_recent_update?.status;
  const status: IncidentStatus = ended ? 'resolved' : latest === 'AVAILABLE' ? 'monitoring' : 'investigating';
  const createdAt = isoOf(raw.begin) ?? isoOf(raw.created) ?? fallback;
  const updates: IncidentUpdate[] = validItems(updateSchema, raw.updates, 200).map((u) => ({
    status: u.status === 'AVAILABLE' ? (ended ? 'resolved' : 'monitoring') : 'investigating',
    ...(u.status ? { label: u.status } : {}),
    text: collapseText(u.text ?? ''),
    at: isoOf(u.when) ?? isoOf(u.created) ?? createdAt,
  }));
  updates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const newest = updates[0];
  if (newest) newest.status = status;
  const title = toPlainTitle(raw.external_desc).split('\n')[0] || 'Google Cloud incident';
  const incident: Incident = {
    id: raw.id,
    kind: 'incident',
    title,
    status,
    impact: impactOf(raw.status_impact, raw.severity),
    createdAt,
    updatedAt: newest?.at ?? isoOf(raw.modified) ?? createdAt,
    updates,
    components: [...new Set(validItems(productSchema, raw.affected_products, LIMITS.componentsPerIncident).flatMap((p) => (p.title ? [p.title] : [])))],
  };
  const url = raw.uri ? safeHttpUrl(raw.uri, base) : undefined;
  if (url) incident.url = url;
  return incident;
}

export const gcpJsonAdapter: FormatAdapter = {
  id: 'gcp-json',
  label: 'Google Cloud status (incidents.json)',
  sniff: ({ head, url }) =>
    isJsonHead(head, 'array') && (/"(external_desc|status_impact|service_key)"\s*:/.test(head) || hostOf(url) === 'status.cloud.google.com'),
  parse(body, ctx) {
    const list = validate(z.array(z.unknown()), parseJson(body), 'Google Cloud incidents.json');
    const base = originOf(ctx.url) ?? 'https://status.cloud.google.com';
    const fallback = new Date(ctx.now).toISOString();
    return assembleStatus({
      provider: 'Google Cloud',
      format: 'gcp-json',
      pageUrl: base + '/',
      components: [],
      incidents: validItems(incidentSchema, list, LIMITS.entriesPerDocument).map((i) => readIncident(i, base + '/', fallback)),
      coverage: 'history',
      now: ctx.now,
    });
  },
};
