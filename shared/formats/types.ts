/**
 * The contract every format adapter keeps. An adapter turns one fetched document into a `ProviderStatus`.
 * Adapters are pure: no I/O, no clock reads (the caller passes `now`), no state between calls.
 */
import type { FormatId, ProviderStatus } from '../domain/types';

/** What an adapter may look at to decide whether a document is its format. */
export interface SniffInput {
  /** The first few KB of the body, BOM and leading whitespace removed. */
  head: string;
  /** Content-Type header (lower-cased, parameters kept), if any. */
  contentType?: string;
  /** The URL the document came from. */
  url: string;
}

/** Context for parsing. */
export interface ParseContext {
  /** The URL the document came from (used to resolve relative links and to name a provider with no title). */
  url: string;
  /** Current time, ms since epoch (used only for `stale`, never to decide what is new). */
  now: number;
}

/** One format. */
export interface FormatAdapter {
  id: FormatId;
  /** Human name, e.g. "Atlassian Statuspage API v2 (JSON)". */
  label: string;
  /** Cheap check on the head of the body; must not parse the whole document. */
  sniff(input: SniffInput): boolean;
  /**
   * Parse a whole document. Throws `FormatError` (never anything else escapes a well-behaved adapter;
   * the dispatcher wraps stray exceptions too).
   */
  parse(body: string, ctx: ParseContext): ProviderStatus | Promise<ProviderStatus>;
}

/** Why a document could not be used: `not-a-feed` (HTML page, unknown format) or `parse` (broken document). */
export class FormatError extends Error {
  constructor(
    readonly code: 'not-a-feed' | 'parse',
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}
