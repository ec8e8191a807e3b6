/**
 * cState static status pages (`cstate-json`), https://github.com/cstate/cstate: every site builds `/index.json`
 * from `layouts/index.json` (API version 2.0): `{is: "index", title, baseURL, description, summaryStatus:
 * ok|notice|disrupted|down, systems: [{name, description, category, status, unresolvedIssues: [{is: "issue",
 * title, createdAt, lastMod, permalink, severity: notice|disrupted|down, resolved, informational, resolvedAt,
 * affected: [...]}]}]}`. Systems are components (grouped by category); every unresolved issue is an open
 * incident (an issue affecting several systems is listed under each and read once). Hugo writes dates as
 * `2006-01-02 15:04:05 -0700 MST`. Only open issues are listed: coverage `active-only`.
 */
import { z } from 'zod';
import type { Component, ComponentStatus, Impact, Incident, Indicator } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { entryId } from '../read/ids';
import { isoOf } from '../read/dates';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { safeHttpUrl } from '../read/links';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { buildIncident, hostName, rootOf } from './common';

const issueSchema = z.object({
  title: text,
  createdAt: text,
  lastMod: text,
  permalink: text,
  severity: text,
  resolved: z.boolean().nullish(),
  informational: z.boolean().nullish(),
  affected: z.array(z.unknown()).nullish(),
});
const systemSchema = z.object({ name: text, category: text, status: text, unresolvedIssues: z.array(z.unknown()).nullish() });
const documentSchema = z.object({
  is: z.literal('index'),
  title: text,
  baseURL: text,
  description: text,
  summaryStatus: text,
  systems: z.array(z.unknown()).nullish(),
});

const STATUS: Readonly<Record<string, ComponentStatus>> = { ok: 'operational', notice: 'operational', disrupted: 'partial_outage', down: 'major_outage' };
const IMPACT: Readonly<Record<string, Impact>> = { notice: 'none', disrupted: 'major', down: 'critical' };
const INDICATOR: Readonly<Record<string, Indicator>> = { ok: 'none', notice: 'none', disrupted: 'major', down: 'critical' };

/** Hugo's `2006-01-02 15:04:05 -0700 MST`: drop the zone name, keep the numeric offset. */
const hugoIso = (raw: string | undefined): string | undefined => isoOf(raw?.trim().replace(/\s+[A-Z]{2,5}$/, ''));

export const cstateJsonAdapter: FormatAdapter = {
  id: 'cstate-json',
  label: 'cState status page (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /"is"\s*:\s*"index"/.test(head) && /"cStateVersion"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'cState index');
    const pageUrl = safeHttpUrl(doc.baseURL) ?? rootOf(ctx.url);
    const components: Component[] = [];
    const incidents = new Map<string, Incident>();
    for (const s of validItems(systemSchema, doc.systems, LIMITS.components)) {
      const name = s.name?.trim();
      const status = STATUS[s.status ?? ''];
      if (name && status) components.push(s.category?.trim() ? { name, status, group: s.category.trim() } : { name, status });
      for (const i of validItems(issueSchema, s.unresolvedIssues, LIMITS.entriesPerDocument)) {
        if (i.resolved) continue;
        const created = hugoIso(i.createdAt);
        const id = entryId([i.permalink], i.title ?? '', created);
        if (incidents.has(id)) continue;
        incidents.set(
          id,
          buildIncident({
            id,
            kind: 'incident',
            title: i.title,
            status: 'investigating',
            impact: IMPACT[i.severity ?? ''] ?? 'minor',
            createdAt: created,
            updatedAt: hugoIso(i.lastMod),
            url: i.permalink,
            ...(pageUrl ? { base: pageUrl } : {}),
            components: (i.affected ?? []).filter((a): a is string => typeof a === 'string'),
          }),
        );
      }
    }
    return assembleStatus({
      provider: doc.title?.trim() || hostName(ctx.url, 'cState page'),
      format: 'cstate-json',
      ...(pageUrl ? { pageUrl } : {}),
      indicator: INDICATOR[doc.summaryStatus ?? ''],
      components,
      incidents: [...incidents.values()],
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
