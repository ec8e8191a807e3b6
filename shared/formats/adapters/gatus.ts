/**
 * Gatus endpoint statuses (`gatus-json`), https://github.com/TwiN/gatus: `GET /api/v1/endpoints/statuses` →
 * `[{name, group? | groups?: [...], key, results: [{status, hostname, duration (ns), conditionResults: [{condition,
 * success}], success, timestamp, errors?}], events?: [{type: START|HEALTHY|UNHEALTHY, timestamp}]}]`.
 * Results are oldest first (Gatus's own API test asserts that order), so an endpoint's state is its last
 * result: success → `operational`, failure → `major_outage`; an endpoint with no result yet is left out.
 * Gatus has no incidents in this document; coverage is `active-only` with none listed.
 */
import { z } from 'zod';
import type { Component } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { hostName, rootOf } from './common';

const resultSchema = z.object({ success: z.boolean() });
const endpointSchema = z.object({
  name: text,
  group: text,
  groups: z.array(z.unknown()).nullish(),
  results: z.array(z.unknown()).nullish(),
});

export const gatusJsonAdapter: FormatAdapter = {
  id: 'gatus-json',
  label: 'Gatus endpoint statuses (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'array') && /"key"\s*:/.test(head) && /"results"\s*:\s*\[/.test(head),
  parse(body, ctx) {
    const list = validate(z.array(z.unknown()), parseJson(body), 'Gatus endpoint statuses');
    const components: Component[] = [];
    for (const e of validItems(endpointSchema, list, LIMITS.components)) {
      const name = e.name?.trim();
      const results = Array.isArray(e.results) ? e.results : [];
      const last = resultSchema.safeParse(results[results.length - 1]);
      if (!name || !last.success) continue;
      const group = e.group?.trim() || (typeof e.groups?.[0] === 'string' ? e.groups[0].trim() : '');
      const status = last.data.success ? 'operational' : 'major_outage';
      components.push(group ? { name, status, group } : { name, status });
    }
    const base = rootOf(ctx.url);
    return assembleStatus({
      provider: hostName(ctx.url, 'Gatus'),
      format: 'gatus-json',
      ...(base ? { pageUrl: base } : {}),
      components,
      incidents: [],
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
