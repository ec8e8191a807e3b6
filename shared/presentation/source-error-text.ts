/**
 * What the status window says when a status page could not be checked: a few words for the row ("HTTP 503"),
 * the engine's sentence said once, advice that fits the error actually met, and whether a Retry makes sense
 * now. Pure; `now` is ms since the epoch. Rules: docs/popover.md, "One meaning per word".
 */
import type { SourceError, SourceErrorCode } from '../domain/types';

/**
 * Which kind of "not a status document" the registry met, read from its sentence (shared/formats/registry.ts
 * says "Got an HTML page…" for a web page and "The document is empty" for an empty body).
 */
function notAFeedKind(message: string): 'html' | 'empty' | 'other' {
  if (/\bHTML\b/i.test(message)) return 'html';
  if (/\bempty\b/i.test(message)) return 'empty';
  return 'other';
}

/** A few words for a failed check, for the row: "HTTP 503", "timed out", "got a web page". */
export function errorShort(error: Pick<SourceError, 'code' | 'message' | 'httpStatus'>): string {
  switch (error.code) {
    case 'http':
    case 'gone':
    case 'rate-limited':
      return error.httpStatus !== undefined ? `HTTP ${error.httpStatus}` : SHORT[error.code];
    case 'not-a-feed': {
      const kind = notAFeedKind(error.message);
      return kind === 'html' ? 'got a web page' : kind === 'empty' ? 'empty document' : 'not a status document';
    }
    default:
      return SHORT[error.code];
  }
}

const SHORT: Readonly<Record<SourceErrorCode, string>> = {
  network: 'no connection',
  dns: 'address not found',
  timeout: 'timed out',
  http: 'server error',
  gone: 'address gone',
  'rate-limited': 'asked to wait',
  'too-large': 'document too large',
  redirect: 'bad redirect',
  'unexpected-304': 'server fault (304)',
  'not-a-feed': 'not a status document',
  parse: 'unreadable document',
};

/**
 * The engine's sentence, with the HTTP status added only when the sentence does not already carry it (no
 * "503 Service Unavailable… (HTTP 503)").
 */
export function errorMessage(error: Pick<SourceError, 'message' | 'httpStatus'>): string {
  const message = error.message.trim();
  if (error.httpStatus === undefined || new RegExp(`\\b${error.httpStatus}\\b`).test(message)) return message;
  return `${message} (HTTP ${error.httpStatus})`;
}

/**
 * What the user can do about this error. It fits the error met: a web page served instead of a feed gets
 * "add the feed address"; a JSON or XML document that no format matches is not called a web page; an empty
 * body is called empty. Never repeats what `errorMessage` already said.
 */
export function errorAdvice(error: Pick<SourceError, 'code' | 'message'>): string {
  if (error.code === 'not-a-feed') {
    switch (notAFeedKind(error.message)) {
      case 'html':
        return 'This address serves a web page, not a status feed. In Settings, add the page’s feed or summary address.';
      case 'empty':
        return 'The server sent nothing. Status Tray tries again on its own; if it stays empty, check the address in Settings.';
      case 'other':
        return 'Status Tray cannot read this document as a status page. Check in Settings that the address points to the page’s feed or summary.';
    }
  }
  return ADVICE[error.code];
}

const ADVICE: Readonly<Record<SourceErrorCode, string>> = {
  network: 'Check your internet connection or proxy. Status Tray keeps retrying on its own.',
  dns: 'Check the address for typos, or your network’s DNS settings.',
  timeout: 'The server is slow to answer. Status Tray retries on its own.',
  http: 'The problem is on the server’s side. Status Tray retries on its own.',
  gone: 'Check the address in Settings, or remove the provider.',
  'rate-limited': 'Status Tray waits as long as the server asked before checking again.',
  'too-large': 'In Settings, use the provider’s summary or feed address instead.',
  redirect: 'Check the address in Settings.',
  'unexpected-304': 'This is a fault on the server’s side (often a caching proxy). Status Tray retries on its own; if it persists, tell the provider.',
  'not-a-feed': '',
  parse: 'If this persists, check the address in Settings.',
};

/** Whether to offer Retry now, and if not, when the next check is. */
export type RetryOffer = { retry: true } | { retry: false; nextTryAt: number };

/**
 * Retry is not offered while the page asked us to wait (`rate-limited` with a next check still ahead): a
 * manual retry would ignore the server's request. Every other error can be retried at once.
 * @param nextPollAt the engine's next check of the source, ms since the epoch, when known.
 */
export function retryOffer(error: Pick<SourceError, 'code'>, nextPollAt: number | undefined, now: number): RetryOffer {
  if (error.code === 'rate-limited' && nextPollAt !== undefined && nextPollAt > now) return { retry: false, nextTryAt: nextPollAt };
  return { retry: true };
}
