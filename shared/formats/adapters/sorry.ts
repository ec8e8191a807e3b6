/**
 * Sorry™ status pages (`sorry-json`), https://docs.sorryapp.com/: the public Status API
 * `GET https://api.sorryapp.com/v1/pages/<page id>/components` → `{response: [{id, name, state:
 * operational|degraded|partially-degraded|…, parent_id?, description}]}` (the endpoint and `state` words inket/stts
 * reads, Services/Super/SorryService.swift). A `partially-degraded` component has part of its children down.
 * Components only: coverage `active-only`, no incidents. The provider is named after the page id (the document
 * does not carry the page's name; the catalog entry does).
 */
import { z } from 'zod';
import type { Component, ComponentStatus } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { isJsonHead } from '../sniff';
import type { FormatAdapter } from '../types';
import { componentStatusOf } from './common';

const componentSchema = z.object({ id: idText.optional(), name: text, state: text, parent_id: z.unknown().optional() });
const documentSchema = z.object({ response: z.array(z.unknown()) });

const STATE: Readonly<Record<string, ComponentStatus>> = { 'partially-degraded': 'degraded_performance', degraded: 'major_outage' };

export const sorryJsonAdapter: FormatAdapter = {
  id: 'sorry-json',
  label: 'Sorry™ status API (JSON)',
  sniff: ({ head, url }) => isJsonHead(head, 'object') && /^\{\s*"response"\s*:\s*\[/.test(head) && (/"state"\s*:/.test(head) || /api\.sorryapp\.com/.test(url)),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Sorry status');
    const rows = validItems(componentSchema, doc.response, LIMITS.components);
    const names = new Map(rows.flatMap((r) => (r.id && r.name ? [[r.id, r.name.trim()] as const] : [])));
    const parents = new Set(rows.flatMap((r) => (r.parent_id !== undefined && r.parent_id !== null ? [String(r.parent_id)] : [])));
    const components: Component[] = [];
    for (const r of rows) {
      const name = r.name?.trim();
      const state = r.state?.toLowerCase() ?? '';
      const status = STATE[state] ?? componentStatusOf(state);
      if (!name || !status || (r.id && parents.has(r.id))) continue; // a parent's state is its children's
      const group = r.parent_id !== undefined && r.parent_id !== null ? names.get(String(r.parent_id)) : undefined;
      components.push(group ? { name, status, group } : { name, status });
    }
    const pageId = /\/v1\/pages\/([^/]+)/.exec(ctx.url)?.[1];
    return assembleStatus({
      provider: pageId ? `Sorry page ${decodeURIComponent(pageId)}` : 'Sorry page',
      format: 'sorry-json',
      components,
      incidents: [],
      coverage: 'active-only',
      now: ctx.now,
    });
  },
};
