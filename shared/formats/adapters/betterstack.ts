/**
 * Better Stack (formerly Better Uptime) status pages' public JSON (`betterstack-json`): any page + `/index.json`
 * (https://betterstack.com/docs/uptime/status-pages/subscribing-to-status-updates/subscribing-to-api). A
 * JSON:API document: `data` is the `status_page` (`attributes.company_name`, `aggregate_state`:
 * operational|degraded|downtime|maintenance, `announcement`), `included` holds `status_page_section`
 * (`name`), `status_page_resource` (`public_name`, `status`, `status_page_section_id`), `status_report`
 * (`title`, `report_type`: manual|automatic|maintenance, `starts_at`, `ends_at`, `aggregate_state`) and
 * `status_update` (`message`, `published_at`, `status_report_id`).
 *
 * Resources are components, grouped by their section's name. A report without `ends_at` is open; one with it
 * has ended. Maintenance reports are scheduled until `starts_at`, in progress until `ends_at` (judged against
 * `now`, the only way the document says where a window stands). The index lists recent reports, so coverage is
 * `history`. Better Stack's update messages carry no status word, so updates take the report's status.
 */
import { z } from 'zod';
import type { Component, Incident, IncidentStatus, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf, parseDateMs } from '../read/dates';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { buildIncident, componentStatusOf, hostName, impactOf, impactOfComponentStatus, rootOf, worstComponentStatus } from './common';

const includedSchema = z.object({ id: idText, type: z.string(), attributes: z.record(z.string(), z.unknown()).nullish() });
const documentSchema = z.object({
  data: z.object({
    type: z.literal('status_page'),
    attributes: z.object({ company_name: text, company_url: text, custom_domain: text, subdomain: text, aggregate_state: text, announcement: text, updated_at: text }),
  }),
  included: z.array(z.unknown()).nullish(),
});

const INDICATOR: Readonly<Record<string, Indicator>> = { operational: 'none', maintenance: 'none', degraded: 'minor', downtime: 'major' };

type Included = z.infer<typeof includedSchema>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function reportStatus(kind: 'incident' | 'maintenance', startsAt: unknown, endsAt: unknown, now: number): IncidentStatus {
  const end = parseDateMs(endsAt);
  if (kind === 'incident') return end !== undefined && end <= now ? 'resolved' : 'investigating';
  const start = parseDateMs(startsAt);
  if (end !== undefined && end <= now) return 'completed';
  return start !== undefined && start > now ? 'scheduled' : 'in_progress';
}

export const betterstackJsonAdapter: FormatAdapter = {
  id: 'betterstack-json',
  label: 'Better Stack status page (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /"type"\s*:\s*"status_page"/.test(head) && /"aggregate_state"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Better Stack status page');
    const items = validItems(includedSchema, doc.included, 20_000);
    const byType = (type: string): Included[] => items.filter((i) => i.type === type);
    const sections = new Map(byType('status_page_section').map((s) => [s.id, str(s.attributes?.name)?.trim() ?? '']));
    const resources = new Map<string, string>();
    const components: Component[] = [];
    for (const r of byType('status_page_resource').slice(0, LIMITS.components)) {
      const name = str(r.attributes?.public_name)?.trim();
      const status = componentStatusOf(r.attributes?.status);
      if (!name) continue;
      resources.set(r.id, name);
      if (!status) continue; // "not_monitored" resources have no state to show
      const group = sections.get(str(r.attributes?.status_page_section_id) ?? '');
      components.push(group ? { name, status, group } : { name, status });
    }
    const updates = byType('status_update');
    const incidents: Incident[] = byType('status_report')
      .slice(0, LIMITS.entriesPerDocument)
      .map((r) => {
        const a = r.attributes ?? {};
        const kind = a.report_type === 'maintenance' ? 'maintenance' : 'incident';
        const status = reportStatus(kind, a.starts_at, a.ends_at, ctx.now);
        const affected = Array.isArray(a.affected_resources) ? (a.affected_resources as unknown[]) : [];
        const affectedNames = affected.flatMap((x) => {
          const id = x && typeof x === 'object' ? str((x as Record<string, unknown>).status_page_resource_id) : undefined;
          const name = id ? resources.get(id) : undefined;
          return name ? [name] : [];
        });
        const worst = worstComponentStatus(affected.flatMap((x) => {
          const s = x && typeof x === 'object' ? componentStatusOf((x as Record<string, unknown>).status) : undefined;
          return s ? [s] : [];
        }));
        return buildIncident({
          id: r.id,
          kind,
          title: str(a.title),
          status,
          impact: kind === 'maintenance' ? 'maintenance' : worst !== 'operational' ? impactOfComponentStatus(worst) : impactOf(a.aggregate_state ?? 'degraded'),
          createdAt: a.starts_at ?? a.created_at,
          updatedAt: a.updated_at,
          ...(kind === 'maintenance' ? { scheduledFor: a.starts_at, scheduledUntil: a.ends_at } : {}),
          updates: updates
            .filter((u) => str(u.attributes?.status_report_id) === r.id)
            .slice(0, LIMITS.updatesPerIncident * 5)
            .map((u) => ({ status, text: str(u.attributes?.message) ?? '', at: u.attributes?.published_at ?? u.attributes?.created_at })),
          components: affectedNames,
        });
      });
    const attrs = doc.data.attributes;
    const state = attrs.aggregate_state?.toLowerCase() ?? '';
    const host = attrs.custom_domain?.trim() || (attrs.subdomain?.trim() ? `${attrs.subdomain.trim()}.betteruptime.com` : undefined);
    return assembleStatus({
      provider: attrs.company_name?.trim() || hostName(ctx.url, 'Better Stack page'),
      format: 'betterstack-json',
      pageUrl: host && /^[a-z0-9.-]+$/i.test(host) ? `https://${host}/` : rootOf(ctx.url),
      indicator: INDICATOR[state],
      ...(attrs.announcement?.trim() ? { description: attrs.announcement } : {}),
      components,
      incidents,
      coverage: 'history',
      documentUpdatedAt: isoOf(attrs.updated_at),
      now: ctx.now,
    });
  },
};
