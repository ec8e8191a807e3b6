/**
 * Site24x7 / StatusIQ public status pages (`site24x7-json`): `GET <page>/sp/api/public/summary_details/
 * statuspages/<encoded page id>` → `{data: {current_status: [ {componentgroup_display_name,
 * componentgroup_status, componentgroup_components: [{display_name, component_status}]} | {display_name,
 * component_status} ]}}` (the endpoint and fields inket/stts reads, Services/Super/Site24x7Service.swift).
 * Status codes: 1 Operational, 2 Informational, 3 Degraded Performance, 4 Under Maintenance, 5 Partial Outage,
 * 6 Major Outage. Components only (current state): coverage `active-only`, no incidents.
 */
import { z } from 'zod';
import type { Component, ComponentStatus } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { hostName, rootOf } from './common';

const code = z.union([z.number(), z.string()]).nullish();
const componentSchema = z.object({ display_name: text, component_status: code });
const entrySchema = z.object({
  display_name: text,
  component_status: code,
  componentgroup_display_name: text,
  componentgroup_components: z.array(z.unknown()).nullish(),
});
const documentSchema = z.object({ data: z.object({ current_status: z.array(z.unknown()) }) });

const CODE: Readonly<Record<string, ComponentStatus>> = {
  '1': 'operational',
  '2': 'operational',
  '3': 'degraded_performance',
  '4': 'under_maintenance',
  '5': 'partial_outage',
  '6': 'major_outage',
};
const statusOf = (v: unknown): ComponentStatus | undefined => (v === undefined || v === null ? undefined : CODE[String(v).trim()]);

export const site24x7JsonAdapter: FormatAdapter = {
  id: 'site24x7-json',
  label: 'Site24x7 status page (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /"current_status"\s*:\s*\[/.test(head) && /"(?:componentgroup_display_name|component_status)"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Site24x7 status page');
    const components: Component[] = [];
    for (const e of validItems(entrySchema, doc.data.current_status, LIMITS.components)) {
      const group = e.componentgroup_display_name?.trim();
      if (group || e.componentgroup_components) {
        for (const c of validItems(componentSchema, e.componentgroup_components, LIMITS.components)) {
          const name = c.display_name?.trim();
          const status = statusOf(c.component_status);
          if (name && status) components.push(group ? { name, status, group } : { name, status });
        }
        continue;
      }
      const name = e.display_name?.trim();
      const status = statusOf(e.component_status);
      if (name && status) components.push({ name, status });
    }
    const base = rootOf(ctx.url);
    return assembleStatus({
      provider: hostName(ctx.url, 'Site24x7 status page'),
      format: 'site24x7-json',
      ...(base ? { pageUrl: base } : {}),
      components: components.slice(0, LIMITS.components),
      incidents: [],
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
