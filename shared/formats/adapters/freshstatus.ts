/**
 * Freshstatus status pages (`freshstatus-json`), Freshworks' status-page product. Its public pages read an
 * unauthenticated API on `public-api.freshstatus.io`, keyed by the page's numeric account id:
 * - `GET /v1/public-components/?account_id=<id>` → `{components: [{id, name, status?, display_options?,
 *   components?: [...]}]}`, a tree whose leaves carry `status` `OP` (operational), `PD` (degraded performance),
 *   `PO` (partial outage), `MO` (major outage) or `UM` (under maintenance); a leaf with
 *   `display_options.ignore_overall_status: "true"` is shown but not counted in the page's overall state.
 * - `GET /v1/public-incidents/?account_id=<id>` (paged: `{next, results: [...]}`) → incidents `{id, title,
 *   description, start_time, end_time (null while open), is_planned, scheduled_start_time, scheduled_end_time,
 *   affected_components: [{component (id), new_status}]}`; a planned one is a maintenance.
 * These shapes are read from code that consumes the live API (no captured response is public; see
 * tests/fixtures/platforms/freshstatus/MANIFEST.md). One source is one document, so the components document
 * gives components and health, the incidents document incidents (named components are not in it: affected
 * components appear by id). Times are ISO 8601 UTC. Coverage: components `active-only`, incidents `history`.
 * Leaves flagged `ignore_overall_status` are left out of the components (see `readTree`).
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Incident } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import { FormatError, type FormatAdapter } from '../types';
import { buildIncident, hostName, impactOfComponentStatus, worstComponentStatus } from './common';

/** Freshstatus component status codes. */
const CODE: Readonly<Record<string, ComponentStatus>> = {
  OP: 'operational',
  PD: 'degraded_performance',
  PO: 'partial_outage',
  MO: 'major_outage',
  UM: 'under_maintenance',
};

interface RawComponent {
  name?: unknown;
  status?: unknown;
  display_options?: unknown;
  components?: unknown;
}
const componentSchema: z.ZodType<RawComponent> = z.object({ name: z.unknown().optional(), status: z.unknown().optional(), display_options: z.unknown().optional(), components: z.unknown().optional() });
const affectedSchema = z.object({ component: idText, new_status: text });
const incidentSchema = z.object({
  id: idText,
  title: text,
  description: text,
  start_time: text,
  end_time: text,
  is_planned: z.boolean().nullish(),
  scheduled_start_time: text,
  scheduled_end_time: text,
  affected_components: z.array(z.unknown()).nullish(),
});

function ignoredInOverall(options: unknown): boolean {
  return typeof options === 'object' && options !== null && String((options as Record<string, unknown>).ignore_overall_status) === 'true';
}

/**
 * Leaves of the tree, grouped under their top-level ancestor. A leaf the page leaves out of its overall state
 * is left out here too: our health is derived from the components, and the vendor's own roll-up says such a
 * leaf (a region being wound down, say) does not speak for the page.
 */
function readTree(list: unknown, group: string | undefined, out: Component[], depth: number): void {
  if (depth > 8) return;
  for (const c of validItems(componentSchema, list, LIMITS.components)) {
    const name = typeof c.name === 'string' ? c.name.trim() : '';
    const children = Array.isArray(c.components) ? c.components : [];
    if (children.length > 0) {
      readTree(children, group ?? (name || undefined), out, depth + 1);
      continue;
    }
    const status = typeof c.status === 'string' ? CODE[c.status.toUpperCase()] : undefined;
    if (!name || !status || ignoredInOverall(c.display_options) || out.length >= LIMITS.components) continue;
    out.push(group ? { name, status, group } : { name, status });
  }
}

function readIncident(raw: z.infer<typeof incidentSchema>, pageUrl: string | undefined): Incident {
  const planned = raw.is_planned === true;
  const open = !raw.end_time;
  const statuses = validItems(affectedSchema, raw.affected_components, LIMITS.componentsPerIncident).map((a) => CODE[(a.new_status ?? '').toUpperCase()]);
  const worst = worstComponentStatus(statuses.filter((s): s is ComponentStatus => s !== undefined));
  const notStarted = planned && !raw.start_time;
  const status = planned ? (notStarted ? 'scheduled' : open ? 'in_progress' : 'completed') : open ? 'investigating' : 'resolved';
  return buildIncident({
    id: raw.id,
    kind: planned ? 'maintenance' : 'incident',
    title: raw.title,
    status,
    impact: impactOfComponentStatus(worst) === 'none' ? 'minor' : impactOfComponentStatus(worst),
    createdAt: raw.start_time ?? raw.scheduled_start_time,
    ...(pageUrl ? { url: `incident/${encodeURIComponent(raw.id)}`, base: pageUrl } : {}),
    ...(planned ? { scheduledFor: raw.scheduled_start_time, scheduledUntil: raw.scheduled_end_time } : {}),
    // The list carries the opening description only; later updates are not part of this document.
    updates: raw.description ? [{ status, text: raw.description, html: true, at: raw.start_time ?? raw.scheduled_start_time }] : [],
    components: validItems(affectedSchema, raw.affected_components, LIMITS.componentsPerIncident).map((a) => `Component ${a.component}`),
  });
}

export const freshstatusJsonAdapter: FormatAdapter = {
  id: 'freshstatus-json',
  label: 'Freshstatus public API (JSON)',
  sniff: ({ head, url }) =>
    isJsonHead(head, 'object') &&
    (/public-api\.freshstatus\.io\/v1\/public-(?:components|incidents)\//.test(url) ||
      (/"components"\s*:\s*\[/.test(head) && /"status"\s*:\s*"(?:OP|PD|PO|MO|UM)"/.test(head)) ||
      (/"results"\s*:\s*\[/.test(head) && /"is_planned"\s*:/.test(head) && /"affected_components"\s*:/.test(head))),
  parse(body, ctx) {
    const doc = validate(z.object({ components: z.array(z.unknown()).optional(), results: z.array(z.unknown()).optional() }), parseJson(body), 'Freshstatus');
    const account = /[?&]account_id=(\d+)/.exec(ctx.url)?.[1];
    const provider = account ? `Freshstatus page ${account}` : hostName(ctx.url, 'Freshstatus page');
    if (doc.components) {
      const components: Component[] = [];
      readTree(doc.components, undefined, components, 0);
      return assembleStatus({ provider, format: 'freshstatus-json', components, incidents: [], coverage: 'active-only', now: ctx.now });
    }
    if (!doc.results) throw new FormatError('parse', 'Not a Freshstatus document (no components or results)');
    const incidents = validItems(incidentSchema, doc.results, LIMITS.entriesPerDocument).map((i) => readIncident(i, undefined));
    return assembleStatus({ provider, format: 'freshstatus-json', components: [], incidents, coverage: 'history', now: ctx.now });
  },
};
