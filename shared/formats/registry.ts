/**
 * The format dispatcher: detect which adapter a fetched document belongs to (from its head and content type),
 * run it, and return a detached `ProviderStatus`. The only entry point the engine needs.
 */
import type { FormatId, ProviderStatus } from '../domain/types';
import { betterstackJsonAdapter } from './adapters/betterstack';
import { cachetJsonAdapter } from './adapters/cachet';
import { cstateJsonAdapter } from './adapters/cstate';
import { freshstatusJsonAdapter } from './adapters/freshstatus';
import { hundSseAdapter, isEventStreamHead } from './adapters/hund';
import { gatusJsonAdapter } from './adapters/gatus';
import { instatusJsonAdapter } from './adapters/instatus';
import { site24x7JsonAdapter } from './adapters/site24x7';
import { sorryJsonAdapter } from './adapters/sorry';
import { statusioJsonAdapter } from './adapters/statusio';
import { statuspalJsonAdapter } from './adapters/statuspal';
import { uptimekumaJsonAdapter } from './adapters/uptimekuma';
import { appleJsonAdapter, isJsonpHead } from './adapters/apple-json';
import { awsJsonAdapter } from './adapters/aws-json';
import { awsRssAdapter } from './adapters/aws-rss';
import { azureRssAdapter } from './adapters/azure-rss';
import { gcpJsonAdapter } from './adapters/gcp-json';
import { atomAdapter, rssAdapter } from './adapters/generic-feed';
import { incidentioFeedAdapter } from './adapters/incidentio-feed';
import { looksLikeHtml, xmlRoot } from './sniff';
import { slackJsonAdapter } from './adapters/slack-json';
import { statuspageFeedAdapter } from './adapters/statuspage-feed';
import { statuspageJsonAdapter } from './adapters/statuspage-json';
import { FormatError, type FormatAdapter, type SniffInput } from './types';
import { upptimeJsonAdapter } from './adapters/upptime-json';
import { yandexJsonAdapter } from './adapters/yandex-json';

/**
 * Every adapter, most specific first: `detectFormat` returns the first whose `sniff` accepts the head. The
 * issue 13 platform adapters come before Statuspage: each looks for keys only its platform writes, while the
 * Statuspage sniffer accepts any two Statuspage-like signals, which an Instatus or StatusPal document (a
 * `"page"`/`"status"` object, component `"status": "operational"`) can show too.
 */
export const ADAPTERS: readonly FormatAdapter[] = [
  instatusJsonAdapter,
  statuspalJsonAdapter,
  betterstackJsonAdapter,
  statusioJsonAdapter,
  cachetJsonAdapter,
  gatusJsonAdapter,
  uptimekumaJsonAdapter,
  sorryJsonAdapter,
  site24x7JsonAdapter,
  cstateJsonAdapter,
  freshstatusJsonAdapter,
  hundSseAdapter,
  statuspageJsonAdapter,
  awsJsonAdapter,
  appleJsonAdapter,
  yandexJsonAdapter,
  gcpJsonAdapter,
  upptimeJsonAdapter,
  slackJsonAdapter,
  incidentioFeedAdapter,
  awsRssAdapter,
  azureRssAdapter,
  statuspageFeedAdapter,
  rssAdapter,
  atomAdapter,
];

/** Characters of the body the sniffers see. */
export const HEAD_CHARS = 8192;

/** Where a document came from, for detection and parsing. */
export interface DocumentContext {
  /** The URL the document was fetched from. */
  url: string;
  /** Content-Type header as received, if any. */
  contentType?: string;
  /** Current time, ms since the epoch (only used for `stale`). */
  now: number;
  /** Skip detection and use this adapter (e.g. a source configured with a known format). */
  format?: FormatId;
}

/** The body without a byte-order mark and leading whitespace. */
function stripLead(body: string): string {
  let i = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < body.length && /\s/.test(body[i] as string)) i++;
  return i === 0 ? body : body.slice(i);
}

/** Build the `SniffInput` for a body: first HEAD_CHARS characters, BOM and leading whitespace removed. */
export function sniffInput(body: string, ctx: { url: string; contentType?: string }): SniffInput {
  const input: SniffInput = { head: stripLead(body.slice(0, HEAD_CHARS + 64)).slice(0, HEAD_CHARS), url: ctx.url };
  if (ctx.contentType) input.contentType = ctx.contentType.toLowerCase();
  return input;
}

/** The adapter with the given id (for sources with a fixed format). */
export function adapterById(id: FormatId): FormatAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

/**
 * Which adapter reads this document, judged from its head only; `undefined` for HTML pages and unknown
 * formats. An HTML Content-Type is believed unless the body itself starts as XML or JSON (servers
 * mislabel feeds, but never serve a feed as a web page on purpose).
 */
export function detectFormat(body: string, ctx: { url: string; contentType?: string }): FormatAdapter | undefined {
  const input = sniffInput(body, ctx);
  const head = input.head;
  if (!head || looksLikeHtml(head)) return undefined;
  const first = head[0];
  const isJson = first === '{' || first === '[' || isJsonpHead(head);
  // A server-sent event stream (Hund) is text, neither JSON nor XML; only its own sniffer may claim it.
  if (isEventStreamHead(head)) return hundSseAdapter.sniff(input) ? hundSseAdapter : undefined;
  if (!isJson && first !== '<') return undefined;
  if (!isJson && !xmlRoot(head)) return undefined;
  return ADAPTERS.find((a) => {
    try {
      return a.sniff(input);
    } catch {
      return false;
    }
  });
}

/**
 * Parse one fetched status document into a `ProviderStatus` (see shared/domain/types.ts).
 * In: the body as text, its URL, optional Content-Type, `now` in ms, optional forced `format`.
 * Out: the adapter's status as it is. Its strings may be slices of `body` that keep the whole body alive
 * while referenced: a caller that keeps parts of it for long copies them (shared/engine/detached.ts).
 * Throws `FormatError('not-a-feed')` for HTML pages, empty bodies and unknown formats, and
 * `FormatError('parse')` for documents that look like a known format but cannot be read (truncated XML, bad
 * JSON, excessive nesting, wrong shape). Nothing else escapes.
 */
export async function parseDocument(body: string, ctx: DocumentContext): Promise<ProviderStatus> {
  const adapter = ctx.format ? adapterById(ctx.format) : detectFormat(body, ctx);
  if (!adapter) {
    const head = sniffInput(body, ctx).head;
    if (!head) throw new FormatError('not-a-feed', 'The document is empty');
    if (looksLikeHtml(head)) throw new FormatError('not-a-feed', 'Got an HTML page, not a status feed');
    throw new FormatError('not-a-feed', 'Not a status document in any known format');
  }
  try {
    return await adapter.parse(stripLead(body), { url: ctx.url, now: ctx.now });
  } catch (err) {
    if (err instanceof FormatError) throw err;
    const reason = err instanceof RangeError ? 'nested too deeply' : 'unexpected structure';
    throw new FormatError('parse', `Could not read the ${adapter.label} document (${reason})`);
  }
}
