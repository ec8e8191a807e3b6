/**
 * Slack status API v2.0.0 (`slack-json`), https://slack-status.com/api/v2.0.0/history (an array of incidents)
 * and …/current (`{status, active_incidents: [...]}`). Incident: `{id, title, type, status, url, date_created,
 * date_updated, notes: [{body (HTML), date_created}], services: [name]}`.
 * type → kind/impact: outage → critical, incident → minor, notice → none, maintenance → maintenance kind.
 * status: active → investigating (in_progress for maintenance), resolved → resolved/completed,
 * scheduled → scheduled. Coverage: `history` for /history, `active-only` for /current.
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
import { htmlToText, toPlainTitle } from '../read/text';

const noteSchema = z.object({ body: text, date_created: text });
const incidentSchema = z.object({
  id: idText,
  title: text,
  type: text,
  status: text,
  url: text,
  date_created: text,
  date_updated: text,
  notes: z.array(z.unknown()).nullish(),
  services: z.array(z.unknown()).nullish(),
});
const currentSchema = z.object({ active_incidents: z.array(z.unknown()) });

const IMPACT_OF_TYPE: Readonly<Record<string, Impact>> = { outage: 'critical', incident: 'minor', notice: 'none', maintenance: 'maintenance' };

function statusOf(status: string | undefined, maintenance: boolean): IncidentStatus {
  switch (status) {
    case 'resolved':
    case 'completed':
      return maintenance ? 'completed' : 'resolved';
    case 'scheduled':
      return 'scheduled';
    default:
      return maintenance ? 'in_progress' : 'investigating';
  }
}

function readIncident(raw: z.infer<typeof incidentSchema>, fallback: string): Incident {
  const maintenance = raw.type === 'maintenance';
  const status = statusOf(raw.status, maintenance);
  const createdAt = isoOf(raw.date_created) ?? fallback;
  const updates: IncidentUpdate[] = validItems(noteSchema, raw.notes, 200).map((n) => ({
    status: maintenance ? 'in_progress' : 'investigating',
    text: htmlToText(n.body ?? ''),
    at: isoOf(n.date_created) ?? createdAt,
  }));
  updates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (updates[0]) updates[0].status = status;
  const incident: Incident = {
    id: raw.id,
    kind: maintenance ? 'maintenance' : 'incident',
    title: toPlainTitle(raw.title) || 'Slack incident',
    status,
    impact: IMPACT_OF_TYPE[raw.type ?? ''] ?? 'minor',
    createdAt,
    updatedAt: updates[0]?.at ?? isoOf(raw.date_updated) ?? createdAt,
    updates,
    components: (raw.services ?? []).filter((s): s is string => typeof s === 'string').slice(0, LIMITS.componentsPerIncident),
  };
  const url = safeHttpUrl(raw.url);
  if (url) incident.url = url;
  return incident;
}

export const slackJsonAdapter: FormatAdapter = {
  id: 'slack-json',
  label: 'Slack status API v2 (JSON)',
  sniff: ({ head, url }) =>
    (isJsonHead(head, 'array') && /"notes"\s*:|"date_created"\s*:/.test(head) && /"type"\s*:/.test(head) && !/"external_desc"/.test(head)) ||
    (isJsonHead(head, 'object') && /"active_incidents"\s*:/.test(head)) ||
    (isJsonHead(head) && hostOf(url) === 'slack-status.com'),
  parse(body, ctx) {
    const data = parseJson(body);
    const fallback = new Date(ctx.now).toISOString();
    const current = Array.isArray(data) ? undefined : validate(currentSchema, data, 'Slack status');
    const list = current ? current.active_incidents : validate(z.array(z.unknown()), data, 'Slack status');
    return assembleStatus({
      provider: 'Slack',
      format: 'slack-json',
      pageUrl: originOf(ctx.url) ?? 'https://slack-status.com/',
      components: [],
      incidents: validItems(incidentSchema, list, LIMITS.entriesPerDocument).map((i) => readIncident(i, fallback)),
      coverage: current ? 'active-only' : 'history',
      now: ctx.now,
    });
  },
};
