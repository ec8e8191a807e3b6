/**
 * Uptime Kuma public status pages (`uptimekuma-json`), https://github.com/louislam/uptime-kuma
 * (server/routers/status-page-router.js). A page `/status/<slug>` is backed by two documents:
 * - `/api/status-page/<slug>` → `{config: {slug, title, description}, incident: {id, title, content, style,
 *   createdDate, lastUpdatedDate} | null, publicGroupList: [{name, monitorList: [{id, name, type}]}],
 *   maintenanceList: [{id, title, description, status: scheduled|under-maintenance|ended|inactive,
 *   timeslotList: [{startDate, endDate}]}]}`: names, the pinned incident and maintenances, no monitor state;
 * - `/api/status-page/heartbeat/<slug>` → `{heartbeatList: {"<monitor id>": [{status: 0 DOWN | 1 UP | 2 PENDING |
 *   3 MAINTENANCE, time, msg, ping}]}, uptimeList: {"<id>_24": 0.99}}`: each monitor's recent beats, oldest
 *   first, without names.
 * The engine polls one document per source, so each is read on its own: the heartbeat document gives one
 * component per monitor (named "Monitor <id>"), the page document gives the incident and maintenances. Dates
 * are `YYYY-MM-DD HH:mm:ss` in UTC (Uptime Kuma stores UTC). Coverage is `active-only` for both.
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Incident } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { buildIncident, hostName, impactOf, rootOf, utcIsoOf } from './common';

const BEAT_STATUS: Readonly<Record<string, ComponentStatus>> = {
  '0': 'major_outage',
  '1': 'operational',
  '2': 'degraded_performance',
  '3': 'under_maintenance',
};

const heartbeatDocSchema = z.object({ heartbeatList: z.record(z.string(), z.unknown()), uptimeList: z.unknown().optional() });
const beatSchema = z.object({ status: z.union([z.number(), z.string()]) });
const pageDocSchema = z.object({
  config: z.object({ slug: text, title: text, description: text }).passthrough(),
  incident: z.object({ id: idText.optional(), title: text, content: text, style: text, createdDate: text, lastUpdatedDate: text }).nullish(),
  publicGroupList: z.array(z.unknown()).nullish(),
  maintenanceList: z.array(z.unknown()).nullish(),
});
const maintenanceSchema = z.object({
  id: idText,
  title: text,
  description: text,
  status: text,
  timeslotList: z.array(z.object({ startDate: text, endDate: text })).nullish(),
});

function readHeartbeats(list: Record<string, unknown>): Component[] {
  const out: Component[] = [];
  for (const [id, beats] of Object.entries(list).slice(0, LIMITS.components)) {
    if (!Array.isArray(beats) || beats.length === 0) continue;
    const last = beatSchema.safeParse(beats[beats.length - 1]);
    const status = last.success ? BEAT_STATUS[String(last.data.status)] : undefined;
    if (status) out.push({ name: `Monitor ${id}`, status });
  }
  return out;
}

function readPage(doc: z.infer<typeof pageDocSchema>, base: string | undefined): Incident[] {
  const incidents: Incident[] = [];
  const inc = doc.incident;
  if (inc && (inc.title || inc.content)) {
    // A pinned incident stays until it is unpinned: the document only ever shows an open one.
    incidents.push(
      buildIncident({
        id: `incident-${inc.id ?? utcIsoOf(inc.createdDate) ?? inc.title ?? ''}`,
        kind: 'incident',
        title: inc.title,
        status: 'investigating',
        impact: impactOf(inc.style === 'danger' ? 'major' : inc.style === 'warning' ? 'minor' : inc.style === 'maintenance' ? 'maintenance' : 'none'),
        createdAt: utcIsoOf(inc.createdDate),
        updatedAt: utcIsoOf(inc.lastUpdatedDate),
        updates: [{ status: 'investigating', text: inc.content ?? '', at: utcIsoOf(inc.lastUpdatedDate) ?? utcIsoOf(inc.createdDate) }],
      }),
    );
  }
  for (const m of validItems(maintenanceSchema, doc.maintenanceList, LIMITS.entriesPerDocument)) {
    const status = m.status === 'under-maintenance' ? 'in_progress' : m.status === 'scheduled' ? 'scheduled' : m.status === 'ended' ? 'completed' : undefined;
    if (!status) continue; // "inactive" maintenances are switched off, not planned
    const slot = m.timeslotList?.[0];
    incidents.push(
      buildIncident({
        id: `maintenance-${m.id}`,
        kind: 'maintenance',
        title: m.title,
        status,
        impact: 'maintenance',
        createdAt: utcIsoOf(slot?.startDate),
        scheduledFor: utcIsoOf(slot?.startDate),
        scheduledUntil: utcIsoOf(slot?.endDate),
        ...(base ? { url: base } : {}),
        updates: [{ status, text: m.description ?? '', at: utcIsoOf(slot?.startDate) }],
      }),
    );
  }
  return incidents;
}

export const uptimekumaJsonAdapter: FormatAdapter = {
  id: 'uptimekuma-json',
  label: 'Uptime Kuma status page (JSON)',
  sniff: ({ head }) =>
    isJsonHead(head, 'object') && (/^\{\s*"heartbeatList"\s*:/.test(head) || (/"publicGroupList"\s*:/.test(head) && /"config"\s*:/.test(head))),
  parse(body, ctx) {
    const data = parseJson(body);
    const base = rootOf(ctx.url);
    const slug = /\/api\/status-page\/(?:heartbeat\/)?([^/?#]+)/.exec(ctx.url)?.[1];
    const pageUrl = base && slug ? `${base}status/${slug}` : base;
    if (data && typeof data === 'object' && 'heartbeatList' in data) {
      const doc = validate(heartbeatDocSchema, data, 'Uptime Kuma heartbeat');
      return assembleStatus({
        provider: hostName(ctx.url, 'Uptime Kuma'),
        format: 'uptimekuma-json',
        ...(pageUrl ? { pageUrl } : {}),
        components: readHeartbeats(doc.heartbeatList),
        incidents: [],
        coverage: 'active-only',
        now: ctx.now,
      });
    }
    const doc = validate(pageDocSchema, data, 'Uptime Kuma status page');
    return assembleStatus({
      provider: doc.config.title?.trim() || hostName(ctx.url, 'Uptime Kuma'),
      format: 'uptimekuma-json',
      ...(pageUrl ? { pageUrl } : {}),
      ...(doc.config.description?.trim() ? { description: doc.config.description } : {}),
      components: [],
      incidents: readPage(doc, pageUrl),
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
