/**
 * Yandex Cloud status API incident list (`yandex-json`), status.yandex.cloud: `{items: [...], count}`, each
 * `{id, title, status: "open"|"resolved", startDate, endDate, createdAt, updatedAt, level: {level, label},
 * services: [{name}], comments: [{content (HTML), type: "investigation"|"update"|"resolved", createdAt}]}`.
 *
 * Decision on `status: "open"` with `endDate` set (incident 1014 in the sample): the incident is resolved if its
 * newest comment is of type `resolved` (1014's says the problem is fixed and the incident closed); `endDate`
 * alone does not close it, since it can be the planned end of impact. Impact: level 1 ("Minor") → minor,
 * level 2 ("Unavailable") → critical. Coverage `history`.
 */
import { z } from 'zod';
import type { FormatAdapter } from '../types';
import type { Impact, Incident, IncidentStatus, IncidentUpdate } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { isoOf } from '../read/dates';
import { idText, parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { originOf } from '../read/links';
import { isJsonHead } from '../sniff';
import { htmlToText, toPlainTitle } from '../read/text';

const commentSchema = z.object({ content: text, type: text, createdAt: text });
const incidentSchema = z.object({
  id: idText,
  title: text,
  status: text,
  startDate: text,
  createdAt: text,
  updatedAt: text,
  levelId: z.number().nullish(),
  level: z.object({ level: z.number().nullish() }).nullish(),
  services: z.array(z.unknown()).nullish(),
  comments: z.array(z.unknown()).nullish(),
});
const documentSchema = z.object({ items: z.array(z.unknown()) });
const named = z.object({ name: text });

const COMMENT_STATUS: Readonly<Record<string, IncidentStatus>> = { investigation: 'investigating', resolved: 'resolved' };

function impactOf(level: number | null | undefined): Impact {
  if (level === undefined || level === null) return 'minor';
  return level >= 2 ? 'critical' : 'minor';
}

function readIncident(raw: z.infer<typeof incidentSchema>, fallback: string): Incident {
  const createdAt = isoOf(raw.startDate) ?? isoOf(raw.createdAt) ?? fallback;
  const comments = validItems(commentSchema, raw.comments, 200)
    .map((c) => ({ c, at: isoOf(c.createdAt) ?? createdAt }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let current: IncidentStatus = 'investigating';
  const updates: IncidentUpdate[] = comments.map(({ c, at }) => {
    current = COMMENT_STATUS[c.type ?? ''] ?? current;
    return { status: current, ...(c.type ? { label: c.type } : {}), text: htmlToText(c.content ?? ''), at };
  });
  updates.reverse();
  const latest: IncidentStatus = updates[0]?.status ?? 'investigating';
  const status: IncidentStatus = raw.status === 'resolved' || latest === 'resolved' ? 'resolved' : latest;
  if (updates[0]) updates[0].status = status;
  return {
    id: raw.id,
    kind: 'incident',
    title: toPlainTitle(raw.title) || 'Yandex Cloud incident',
    status,
    impact: impactOf(raw.level?.level ?? raw.levelId),
    createdAt,
    updatedAt: updates[0]?.at ?? isoOf(raw.updatedAt) ?? createdAt,
    updates,
    components: validItems(named, raw.services, LIMITS.componentsPerIncident).flatMap((s) => (s.name ? [s.name] : [])),
  };
}

export const yandexJsonAdapter: FormatAdapter = {
  id: 'yandex-json',
  label: 'Yandex Cloud status incidents (JSON)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /^\{\s*"items"\s*:/.test(head) && /"(isReportPublished|startDate|levelId)"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'Yandex Cloud incidents');
    const fallback = new Date(ctx.now).toISOString();
    return assembleStatus({
      provider: 'Yandex Cloud',
      format: 'yandex-json',
      pageUrl: originOf(ctx.url),
      components: [],
      incidents: validItems(incidentSchema, doc.items, LIMITS.entriesPerDocument).map((i) => readIncident(i, fallback)),
      coverage: 'history',
      now: ctx.now,
    });
  },
};
