/**
 * Status.io Public Status API (`statusio-json`), https://kb.status.io/developers/public-status-api:
 * `GET https://api.status.io/1.0/status/<page id>` (also served on a page's own host at the same path).
 *
 * `{result: {status_overall: {updated, status, status_code}, status: [{id, name, status, status_code,
 * containers: [{id, name, status, status_code}]}], incidents: [...], maintenance: {active: [...], upcoming: [...]}}}`.
 * Status codes: 100 Operational, 200 Planned Maintenance, 300 Degraded Performance, 400 Partial Service
 * Disruption, 500 Service Disruption, 600 Security Event. Each component × container is one component named
 * "component (container)" when a component runs in several containers (regions), else the component's name.
 * Incidents and maintenances carry `name`, `_id`/`id`, `datetime_open`/`datetime_planned_start`, and `messages`
 * (`details`, `state`, `datetime`); only current ones are listed, so coverage is `active-only`.
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Incident, IncidentStatus, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf } from '../read/dates';
import { entryId } from '../read/ids';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { buildIncident, componentStatusOf, impactOfComponentStatus, incidentStatusOf, rootOf, worstComponentStatus } from './common';

const codeField = z.union([z.number(), z.string()]).nullish();
const containerSchema = z.object({ name: text, status: text, status_code: codeField });
const componentSchema = z.object({ name: text, status: text, status_code: codeField, containers: z.array(z.unknown()).nullish() });
const messageSchema = z.object({ details: text, state: z.unknown().optional(), status: z.unknown().optional(), datetime: text });
const eventSchema = z.object({
  _id: text,
  id: text,
  name: text,
  datetime_open: text,
  datetime_planned_start: text,
  datetime_planned_end: text,
  messages: z.array(z.unknown()).nullish(),
  components_affected: z.array(z.unknown()).nullish(),
});
const documentSchema = z.object({
  result: z.object({
    status_overall: z.object({ updated: text, status: text, status_code: codeField }),
    status: z.array(z.unknown()).nullish(),
    incidents: z.array(z.unknown()).nullish(),
    maintenance: z.object({ active: z.array(z.unknown()).nullish(), upcoming: z.array(z.unknown()).nullish() }).nullish(),
  }),
});

const CODE_STATUS: Readonly<Record<string, ComponentStatus>> = {
  '100': 'operational',
  '200': 'under_maintenance',
  '300': 'degraded_performance',
  '400': 'partial_outage',
  '500': 'major_outage',
  '600': 'major_outage',
};
const CODE_INDICATOR: Readonly<Record<string, Indicator>> = { '100': 'none', '200': 'none', '300': 'minor', '400': 'major', '500': 'critical', '600': 'critical' };
/** Status.io incident states (`messages[].state`): 100 Investigating, 200 Identified, 300 Monitoring. */
const STATE: Readonly<Record<string, IncidentStatus>> = { '100': 'investigating', '200': 'identified', '300': 'monitoring' };

const codeOf = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v).trim() : '');
const statusOf = (code: unknown, word: unknown): ComponentStatus | undefined => CODE_STATUS[codeOf(code)] ?? componentStatusOf(word);

function readComponents(list: unknown): Component[] {
  const out: Component[] = [];
  for (const c of validItems(componentSchema, list, LIMITS.components)) {
    const name = c.name?.trim();
    if (!name) continue;
    const containers = validItems(containerSchema, c.containers, LIMITS.components);
    if (containers.length > 1) {
      for (const k of containers) {
        const status = statusOf(k.status_code, k.status);
        if (status && k.name?.trim()) out.push({ name: `${name} (${k.name.trim()})`, status, group: name });
      }
      continue;
    }
    const status = statusOf(c.status_code, c.status);
    if (status) out.push({ name, status });
  }
  return out;
}

function readEvent(raw: z.infer<typeof eventSchema>, kind: 'incident' | 'maintenance', upcoming: boolean, names: Map<string, ComponentStatus>): Incident {
  const fallback: IncidentStatus = kind === 'maintenance' ? (upcoming ? 'scheduled' : 'in_progress') : 'investigating';
  const messages = validItems(messageSchema, raw.messages, 200);
  const start = kind === 'maintenance' ? raw.datetime_planned_start ?? raw.datetime_open : raw.datetime_open;
  const affected = validItems(z.object({ name: text }), raw.components_affected, LIMITS.componentsPerIncident).flatMap((c) => (c.name ? [c.name] : []));
  const worst = worstComponentStatus(affected.flatMap((n) => {
    const s = names.get(n);
    return s ? [s] : [];
  }));
  return buildIncident({
    id: entryId([raw._id, raw.id], raw.name ?? '', isoOf(start)),
    kind,
    title: raw.name,
    status: fallback,
    impact: kind === 'maintenance' ? 'maintenance' : worst === 'operational' ? 'minor' : impactOfComponentStatus(worst),
    createdAt: start,
    ...(kind === 'maintenance' ? { scheduledFor: raw.datetime_planned_start, scheduledUntil: raw.datetime_planned_end } : {}),
    updates: messages.map((m) => {
      const stateLabel = typeof m.state === 'string' ? m.state : undefined;
      const status = kind === 'maintenance' ? fallback : STATE[codeOf(m.state)] ?? incidentStatusOf(stateLabel, fallback);
      return { status, text: m.details ?? '', html: true, at: m.datetime };
    }),
    components: affected,
  });
}

export const statusioJsonAdapter: FormatAdapter = {
  id: 'statusio-json',
  label: 'Status.io public status API (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /"result"\s*:\s*\{/.test(head) && /"status_overall"\s*:/.test(head),
  parse(body, ctx) {
    const { result } = validate(documentSchema, parseJson(body), 'Status.io status');
    const components = readComponents(result.status);
    const names = new Map(components.map((c) => [c.group ?? c.name, c.status]));
    const incidents = [
      ...validItems(eventSchema, result.incidents, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'incident', false, names)),
      ...validItems(eventSchema, result.maintenance?.active, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'maintenance', false, names)),
      ...validItems(eventSchema, result.maintenance?.upcoming, LIMITS.entriesPerDocument).map((e) => readEvent(e, 'maintenance', true, names)),
    ];
    const pageId = /\/1\.0\/status\/([0-9a-f]{24})\b/i.exec(ctx.url)?.[1];
    const isApiHost = /(^|\.)api\.status\.io$/i.test(new URL(ctx.url).hostname);
    return assembleStatus({
      provider: isApiHost ? `Status.io page ${pageId ?? ''}`.trim() : new URL(ctx.url).hostname,
      format: 'statusio-json',
      pageUrl: isApiHost ? undefined : rootOf(ctx.url),
      indicator: CODE_INDICATOR[codeOf(result.status_overall.status_code)],
      description: result.status_overall.status,
      components,
      incidents,
      coverage: 'active-only',
      documentUpdatedAt: isoOf(result.status_overall.updated),
      now: ctx.now,
    });
  },
};
