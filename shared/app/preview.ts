/**
 * "What would I get if I watched this URL?": fetch it once, parse it, and summarise. The controller calls it
 * through its `preview` dependency, so smarter discovery (trying /api/v2/summary.json, <link rel=alternate>,
 * the catalog) can replace this function without touching the controller.
 */
import type { Result, SourcePreview } from '../ipc/contract';
import type { FetchPort } from '../ports';
import type { FetchSourceFn, ParseFn } from '../engine/poll-source';
import type { FetchLimits } from '../engine/http/types';
import { fetchSource } from '../engine/http/fetch-source';
import { parseDocument } from '../formats/registry';
import { FormatError } from '../formats/types';

/** Fetches and summarises one URL; the controller's `preview` dependency. Never throws. */
export type PreviewFn = (url: string) => Promise<Result<SourcePreview>>;

/** What `createPreview` needs. `fetchSource` and `parse` default to the engine's own. */
export interface PreviewDeps {
  fetch: FetchPort;
  userAgent: string;
  /** Current time, ms since epoch. */
  now: () => number;
  limits?: Partial<FetchLimits>;
  fetchSource?: FetchSourceFn;
  parse?: ParseFn;
}

/**
 * Build the preview function: one unconditional GET with the engine's limits (timeouts, size cap, redirects),
 * then the format registry.
 * @returns `fetch-failed` with the fetcher's or parser's one-sentence message on any failure.
 */
export function createPreview(deps: PreviewDeps): PreviewFn {
  const fetchOne = deps.fetchSource ?? fetchSource;
  const parse = deps.parse ?? parseDocument;
  return async (url) => {
    try {
      const outcome = await fetchOne({ url }, { fetch: deps.fetch, userAgent: deps.userAgent, limits: deps.limits, now: deps.now });
      if (outcome.kind === 'error') return { ok: false, error: { code: 'fetch-failed', message: outcome.error.message } };
      if (outcome.kind !== 'body') return { ok: false, error: { code: 'fetch-failed', message: 'The server sent no document.' } };
      const status = await parse(outcome.body, { url: outcome.finalUrl, contentType: outcome.contentType, now: deps.now() });
      return {
        ok: true,
        value: {
          sourceUrl: url,
          format: status.format,
          provider: status.provider,
          health: status.health,
          activeIncidents: status.activeIncidents.length,
          foundVia: outcome.finalUrl === url ? `${status.format} document at this URL` : `${status.format} document at ${outcome.finalUrl}`,
        },
      };
    } catch (error) {
      const message = error instanceof FormatError ? error.message : 'The document could not be read.';
      return { ok: false, error: { code: 'fetch-failed', message } };
    }
  };
}
