/**
 * AWS Service Health Dashboard legacy `data.json` (`aws-json`): `{ "archive": [...], "current": [...] }`, each
 * event `{service, service_name, summary, date (epoch seconds as a string), status ("0"–"3"), description (HTML)}`.
 * Archive events are closed; current events are open unless their summary says "[RESOLVED]". Each event is
 * one incident with one update (the description, which AWS rewrites in place). Coverage `history`.
 */
import { z } from 'zod';
import type { FormatAdapter } from '../types';
import type { Incident } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { cleanAwsTitle, impactOfAwsCode, isAwsResolved } from './aws-common';
import { epochSecondsToMs, toIso } from '../read/dates';
import { entryId } from '../read/ids';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { originOf } from '../read/links';
import { isJsonHead } from '../sniff';
import { htmlToText, toPlainTitle } from '../read/text';

const eventSchema = z.object({ service: text, service_name: text, summary: text, date: text, status: text, description: text });
const documentSchema = z.object({ archive: z.array(z.unknown()).nullish(), current: z.array(z.unknown()).nullish() }).refine((d) => d.archive || d.current);

function readEvent(e: z.infer<typeof eventSchema>, open: boolean, fallback: string): Incident {
  const summary = toPlainTitle(e.summary);
  const at = toIso(epochSecondsToMs(e.date)) ?? fallback;
  const resolved = !open || isAwsResolved(summary);
  const status = resolved ? 'resolved' : 'investigating';
  const title = cleanAwsTitle(summary) || 'AWS event';
  return {
    id: entryId([e.service && e.date ? `${e.service}_${e.date}` : undefined], title, at),
    kind: 'incident',
    title,
    status,
    impact: impactOfAwsCode(e.status),
    createdAt: at,
    updatedAt: at,
    updates: [{ status, text: htmlToText(e.description ?? ''), at }],
    components: [toPlainTitle(e.service_name) || e.service || ''].filter(Boolean),
  };
}

export const awsJsonAdapter: FormatAdapter = {
  id: 'aws-json',
  label: 'AWS Service Health Dashboard (legacy data.json)',
  sniff: ({ head }) => isJsonHead(head, 'object') && /^\{\s*"(archive|current)"\s*:/.test(head),
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(body), 'AWS data.json');
    const fallback = new Date(ctx.now).toISOString();
    const incidents = [
      ...validItems(eventSchema, doc.current, LIMITS.entriesPerDocument).map((e) => readEvent(e, true, fallback)),
      ...validItems(eventSchema, doc.archive, LIMITS.entriesPerDocument).map((e) => readEvent(e, false, fallback)),
    ];
    return assembleStatus({
      provider: 'Amazon Web Services',
      format: 'aws-json',
      pageUrl: originOf(ctx.url),
      components: [],
      incidents,
      coverage: 'history',
      now: ctx.now,
    });
  },
};
