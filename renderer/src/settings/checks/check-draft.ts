/**
 * The endpoint check form as plain data: what the user typed, turned into the URL, name, interval and
 * `CheckSpec` that `addSource` / `updateSource` take, with the first problem in words. The limits are the
 * domain's (shared/domain/check.ts), the same ones main enforces. Pure.
 */
import { CHECK_DEFAULTS, CHECK_LIMITS, type CheckMethod, type CheckSpec } from '../../../../shared/domain/check';
import { DEFAULT_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../../../shared/domain/source';
import { isHttpUrl } from '../../../../shared/domain/url';
import type { SourceSettings } from '../../../../shared/ipc/contract';

/** Which body rule the form applies. */
export type BodyRule = 'none' | 'contains' | 'notContains' | 'matches' | 'notMatches';

/** Body rules with their labels, in the order offered. */
export const BODY_RULE_LABELS: ReadonlyArray<readonly [BodyRule, string]> = [
  ['none', 'Any body'],
  ['contains', 'Contains text'],
  ['notContains', 'Does not contain text'],
  ['matches', 'Matches regular expression'],
  ['notMatches', 'Does not match regular expression'],
];

/** What the form edits, as typed. */
export interface CheckDraft {
  url: string;
  name: string;
  method: CheckMethod;
  /** Comma-separated status codes; empty: any 2xx. */
  expect: string;
  bodyRule: BodyRule;
  bodyText: string;
  timeoutSeconds: string;
  intervalSeconds: string;
  slowMs: string;
  retries: string;
}

/** The validated form. */
export interface CheckInput {
  url: string;
  name?: string;
  intervalSeconds: number;
  check: CheckSpec;
}

/** A blank form with the defaults filled in. */
export function newCheckDraft(defaultIntervalSeconds = DEFAULT_INTERVAL_SECONDS): CheckDraft {
  return {
    url: '', name: '', method: 'GET', expect: '', bodyRule: 'none', bodyText: '',
    timeoutSeconds: String(CHECK_DEFAULTS.timeoutMs / 1000), intervalSeconds: String(defaultIntervalSeconds),
    slowMs: String(CHECK_DEFAULTS.slowMs), retries: String(CHECK_DEFAULTS.retries),
  };
}

/** The form of a saved check. */
export function checkDraftOf(source: SourceSettings): CheckDraft {
  const c = source.check ?? {};
  const rule: BodyRule = c.contains !== undefined ? 'contains' : c.notContains !== undefined ? 'notContains' : c.matches !== undefined ? 'matches' : c.notMatches !== undefined ? 'notMatches' : 'none';
  return {
    url: source.url,
    name: source.name ?? '',
    method: c.method ?? 'GET',
    expect: (c.expectStatus ?? []).join(', '),
    bodyRule: rule,
    bodyText: rule === 'none' ? '' : (c[rule] ?? ''),
    timeoutSeconds: String((c.timeoutMs ?? CHECK_DEFAULTS.timeoutMs) / 1000),
    intervalSeconds: String(source.intervalSeconds),
    slowMs: String(c.slowMs ?? CHECK_DEFAULTS.slowMs),
    retries: String(c.retries ?? CHECK_DEFAULTS.retries),
  };
}

function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/**
 * Validate the form. @returns the check to save, or `{ error, field }` naming the first problem.
 */
export function draftToCheck(d: CheckDraft): CheckInput | { error: string; field: keyof CheckDraft } {
  const url = d.url.trim();
  if (!isHttpUrl(url)) return { error: 'Enter the http:// or https:// address of your endpoint.', field: 'url' };
  if (d.name.trim().length > 100) return { error: 'The name is longer than 100 characters.', field: 'name' };
  const check: CheckSpec = {};
  if (d.method !== 'GET') check.method = d.method;
  if (d.expect.trim()) {
    const codes = d.expect.split(/[,\s]+/).filter(Boolean).map((c) => wholeNumber(c));
    if (codes.some((c) => c === undefined || c < 100 || c > 599)) return { error: 'Expected status codes are numbers from 100 to 599, separated by commas.', field: 'expect' };
    if (codes.length > CHECK_LIMITS.maxExpectStatus) return { error: `At most ${CHECK_LIMITS.maxExpectStatus} status codes.`, field: 'expect' };
    check.expectStatus = [...new Set(codes as number[])];
  }
  if (d.bodyRule !== 'none') {
    const text = d.bodyText;
    if (!text) return { error: 'Enter the text (or regular expression) to look for in the response.', field: 'bodyText' };
    if (text.length > CHECK_LIMITS.maxTextLength) return { error: `The text is longer than ${CHECK_LIMITS.maxTextLength} characters.`, field: 'bodyText' };
    if (d.bodyRule === 'matches' || d.bodyRule === 'notMatches') {
      try {
        new RegExp(text);
      } catch (err) {
        return { error: `Not a valid regular expression: ${(err as Error).message}`, field: 'bodyText' };
      }
    }
    check[d.bodyRule] = text;
  }
  const timeout = wholeNumber(d.timeoutSeconds);
  const [minT, maxT] = [CHECK_LIMITS.minTimeoutMs / 1000, CHECK_LIMITS.maxTimeoutMs / 1000];
  if (timeout === undefined || timeout < minT || timeout > maxT) return { error: `The timeout is ${minT}–${maxT} seconds.`, field: 'timeoutSeconds' };
  if (timeout * 1000 !== CHECK_DEFAULTS.timeoutMs) check.timeoutMs = timeout * 1000;
  const slow = wholeNumber(d.slowMs);
  if (slow === undefined || slow < CHECK_LIMITS.minSlowMs || slow > CHECK_LIMITS.maxSlowMs) return { error: `“Slow over” is ${CHECK_LIMITS.minSlowMs}–${CHECK_LIMITS.maxSlowMs} ms.`, field: 'slowMs' };
  if (slow !== CHECK_DEFAULTS.slowMs) check.slowMs = slow;
  const retries = wholeNumber(d.retries);
  if (retries === undefined || retries > CHECK_LIMITS.maxRetries) return { error: `Retries are 0–${CHECK_LIMITS.maxRetries}.`, field: 'retries' };
  if (retries !== CHECK_DEFAULTS.retries) check.retries = retries;
  const interval = wholeNumber(d.intervalSeconds);
  if (interval === undefined || interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) {
    return { error: `Check every ${MIN_INTERVAL_SECONDS}–${MAX_INTERVAL_SECONDS} seconds.`, field: 'intervalSeconds' };
  }
  return { url, ...(d.name.trim() ? { name: d.name.trim() } : {}), intervalSeconds: interval, check };
}

/** One line describing a check's rules, e.g. "GET · expects 200, 204 · contains “ok” · slow over 2000 ms". */
export function checkSummary(check: CheckSpec): string {
  const parts = [check.method ?? CHECK_DEFAULTS.method, check.expectStatus?.length ? `expects ${check.expectStatus.join(', ')}` : 'expects 2xx'];
  if (check.contains !== undefined) parts.push(`contains “${check.contains}”`);
  if (check.notContains !== undefined) parts.push(`does not contain “${check.notContains}”`);
  if (check.matches !== undefined) parts.push(`matches /${check.matches}/`);
  if (check.notMatches !== undefined) parts.push(`does not match /${check.notMatches}/`);
  parts.push(`slow over ${check.slowMs ?? CHECK_DEFAULTS.slowMs} ms`);
  return parts.join(' · ');
}
