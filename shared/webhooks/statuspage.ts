/**
 * Atlassian Statuspage webhook notifications (https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/)
 * applied to a source's last status, so a subscribed page is known as soon as it posts rather than a poll later.
 *
 * A notification is JSON with `meta` and `page` (`id`, `status_indicator`, `status_description`) and either
 * `incident` (the full incident object of the REST API, with `incident_updates` and `components`) or
 * `component` plus `component_update` (`old_status`, `new_status`). The incident and component objects are the
 * ones the Statuspage JSON adapter already reads, so they go through it (formats/statuspage-json.ts) and come
 * out normalised exactly as a poll would have them. Pure.
 */
import { z } from 'zod';
import { deriveHealth } from '../domain/health';
import type { Component, Incident, Indicator, ProviderStatus } from '../domain/types';
import { statuspageJsonAdapter } from '../formats/adapters/statuspage-json';

/** Largest notification accepted, bytes (real ones are a few KB; an incident with 200 updates stays well under). */
export const STATUSPAGE_WEBHOOK_MAX_BYTES = 256 * 1024;

const INDICATORS = new Set(['none', 'minor', 'major', 'critical']);

/** Schema of a notification: only what is applied is checked; other fields pass untouched. */
export const statuspageWebhookSchema = z.union([
  z.looseObject({
    page: z.looseObject({ id: z.string().optional(), status_indicator: z.string().optional(), status_description: z.string().optional() }).optional(),
    incident: z.looseObject({ id: z.string().min(1).max(200), name: z.string().max(1000), status: z.string().max(50) }),
  }),
  z.looseObject({
    page: z.looseObject({ id: z.string().optional(), status_indicator: z.string().optional(), status_description: z.string().optional() }).optional(),
    component: z.looseObject({ id: z.string().max(200).optional(), name: z.string().min(1).max(1000) }),
    component_update: z.looseObject({ new_status: z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']) }),
  }),
]);

/** A validated notification. */
export type StatuspageWebhook = z.infer<typeof statuspageWebhookSchema>;

/** Where the notification lands. */
export interface WebhookContext {
  /** Provider name to use when the source has never been polled. */
  provider: string;
  /** Human status page, for incident links. */
  pageUrl?: string;
  /** ms since epoch. */
  now: number;
}

function emptyStatus(ctx: WebhookContext): ProviderStatus {
  return {
    provider: ctx.provider,
    format: 'statuspage-json',
    ...(ctx.pageUrl ? { pageUrl: ctx.pageUrl } : {}),
    health: 'operational',
    components: [],
    activeIncidents: [],
    recentIncidents: [],
    scheduledMaintenances: [],
    // Nothing we hold came from an active-only document, so nothing may be resolved for being absent.
    coverage: 'history',
  };
}

/** A notification normalised by `readStatuspageWebhook`, ready to apply to any previous status. */
export interface PushedChange {
  /** `undefined`: leave as it was; `null`: the page reported `maintenance` or another non-indicator value. */
  indicator?: Indicator | null;
  description?: string;
  incident?: { incident: Incident; list: 'active' | 'recent' | 'scheduled' };
  component?: Component;
}

/**
 * Normalise a validated notification (incident objects go through the Statuspage JSON adapter).
 * @throws FormatError when the incident object cannot be read as a Statuspage incident.
 */
export async function readStatuspageWebhook(payload: StatuspageWebhook, ctx: WebhookContext): Promise<PushedChange> {
  const change: PushedChange = {};
  const indicator = payload.page?.status_indicator;
  if (indicator) change.indicator = INDICATORS.has(indicator) ? (indicator as Indicator) : null;
  if (payload.page?.status_description) change.description = payload.page.status_description;
  if ('incident' in payload) {
    const doc = { page: { name: ctx.provider, url: ctx.pageUrl ?? null }, incidents: [payload.incident] };
    const parsed = await statuspageJsonAdapter.parse(JSON.stringify(doc), { url: 'https://webhook.invalid/incidents.json', now: ctx.now });
    const pick = (list: Incident[], name: 'active' | 'recent' | 'scheduled') => (list[0] ? { incident: list[0], list: name } : undefined);
    const found = pick(parsed.activeIncidents, 'active') ?? pick(parsed.scheduledMaintenances, 'scheduled') ?? pick(parsed.recentIncidents, 'recent');
    if (found) change.incident = found;
  } else {
    change.component = { name: payload.component.name.trim(), status: payload.component_update.new_status };
  }
  return change;
}

/** The status after `change`, from `previous` (the last parsed status, or none yet). Pure and synchronous. */
export function applyStatuspageWebhook(previous: ProviderStatus | undefined, change: PushedChange, ctx: WebhookContext): ProviderStatus {
  const prev = previous ?? emptyStatus(ctx);
  const next: ProviderStatus = {
    ...prev,
    components: [...prev.components],
    activeIncidents: [...prev.activeIncidents],
    recentIncidents: [...prev.recentIncidents],
    scheduledMaintenances: [...prev.scheduledMaintenances],
  };
  if (change.indicator) next.indicator = change.indicator;
  else if (change.indicator === null) delete next.indicator;
  if (change.description) next.description = change.description;
  if (change.incident) {
    const { incident, list } = change.incident;
    next.activeIncidents = next.activeIncidents.filter((i) => i.id !== incident.id);
    next.recentIncidents = next.recentIncidents.filter((i) => i.id !== incident.id);
    next.scheduledMaintenances = next.scheduledMaintenances.filter((i) => i.id !== incident.id);
    if (list === 'active') next.activeIncidents.unshift(incident);
    else if (list === 'scheduled') next.scheduledMaintenances.push(incident);
    else next.recentIncidents.unshift(incident);
  }
  if (change.component) {
    const at = next.components.findIndex((c) => c.name === change.component!.name);
    if (at >= 0) next.components[at] = { ...next.components[at]!, status: change.component.status };
    else next.components.push(change.component);
  }
  next.health = deriveHealth({ indicator: next.indicator, components: next.components, activeIncidents: next.activeIncidents });
  next.documentUpdatedAt = new Date(ctx.now).toISOString();
  return next;
}
