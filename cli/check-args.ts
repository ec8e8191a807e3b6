/**
 * Command-line options for endpoint checks and alert channels, kept apart from args.ts so its parser only
 * needs a small hook: `CHECK_OPTIONS` joins its `parseArgs` options, and `checksFromTokens` reads the tokens.
 *
 *   --check URL          watch your own endpoint (repeatable); the options below apply to the --check before them
 *   --expect CODES       expected status codes, comma-separated (default any 2xx)
 *   --contains TEXT      the body must contain TEXT
 *   --not-contains TEXT  the body must not contain TEXT
 *   --matches REGEX      the body must match REGEX
 *   --method METHOD      GET (default), HEAD, POST, PUT or OPTIONS
 *   --retries N          retries before down (default 2)
 *   --channels FILE      alert channels (JSON, see README "Alert channels"); also $STATUS_TRAY_CHANNELS
 *   --test-channels      send a test alert to every channel in --channels and exit (0: all delivered)
 */
import type { CheckMethod, CheckSpec } from '../shared/domain/check';
import { checkSpecProblem } from '../shared/engine/checks/run-check';
import type { SourceConfig } from '../shared/domain/source';
import { isHttpUrl } from '../shared/domain/url';

/** `util.parseArgs` options for checks and channels. */
export const CHECK_OPTIONS = {
  check: { type: 'string', multiple: true },
  expect: { type: 'string', multiple: true },
  contains: { type: 'string', multiple: true },
  'not-contains': { type: 'string', multiple: true },
  matches: { type: 'string', multiple: true },
  method: { type: 'string', multiple: true },
  retries: { type: 'string', multiple: true },
  channels: { type: 'string' },
  'test-channels': { type: 'boolean', default: false },
} as const;

/** Help lines for USAGE. */
export const CHECK_USAGE = `  --check URL          watch your own endpoint (repeatable); the next options apply to the --check before them
    --expect CODES     expected status codes, comma-separated (default: any 2xx)
    --contains TEXT    the response body must contain TEXT (--not-contains TEXT: must not)
    --matches REGEX    the response body must match REGEX
    --method METHOD    GET (default), HEAD, POST, PUT or OPTIONS
    --retries N        attempts after a failure before it counts as down (default 2, waits 1 s, 2 s, ...)
  --channels FILE      send alerts to the channels in FILE (JSON; secrets as "env:NAME"); or $STATUS_TRAY_CHANNELS
  --test-channels      send a test alert to every channel in --channels and exit (0: all delivered)`;

const METHODS: readonly CheckMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'];

/** A token from `util.parseArgs({ tokens: true })`. */
export interface ArgToken {
  kind: string;
  name?: string;
  value?: string;
}

/**
 * Turn `--check` tokens, with the options that follow each, into check sources.
 * @returns the sources (ids `check:<url>`), or `{ error }` for a usage error.
 */
export function checksFromTokens(tokens: readonly ArgToken[], intervalSeconds: number): { checks: SourceConfig[] } | { error: string } {
  const checks: Array<SourceConfig & { check: CheckSpec }> = [];
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name) continue;
    const current = checks.at(-1);
    const value = t.value ?? '';
    switch (t.name) {
      case 'check':
        if (!isHttpUrl(value)) return { error: `--check needs an http(s) URL (got "${value}").` };
        checks.push({ id: `check:${value}`, url: value, intervalSeconds, check: {} });
        break;
      case 'expect': {
        if (!current) return { error: '--expect must follow a --check URL.' };
        const codes = value.split(',').map((s) => Number(s.trim()));
        if (codes.some((c) => !Number.isInteger(c) || c < 100 || c > 599)) return { error: `--expect takes status codes 100–599, comma-separated (got "${value}").` };
        current.check.expectStatus = [...(current.check.expectStatus ?? []), ...codes];
        break;
      }
      case 'retries': {
        if (!current) return { error: '--retries must follow a --check URL.' };
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 10) return { error: `--retries takes a whole number 0–10 (got "${value}").` };
        current.check.retries = n;
        break;
      }
      case 'contains':
      case 'not-contains':
      case 'matches':
      case 'method': {
        if (!current) return { error: `--${t.name} must follow a --check URL.` };
        if (t.name === 'contains') current.check.contains = value;
        else if (t.name === 'not-contains') current.check.notContains = value;
        else if (t.name === 'matches') current.check.matches = value;
        else {
          const method = value.toUpperCase() as CheckMethod;
          if (!METHODS.includes(method)) return { error: `--method must be one of ${METHODS.join(', ')} (got "${value}").` };
          current.check.method = method;
        }
        break;
      }
    }
  }
  for (const c of checks) {
    const problem = checkSpecProblem(c.check);
    if (problem) return { error: `--check ${c.url}: ${problem}.` };
  }
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) return { error: `--check ${c.url} is given twice.` };
    ids.add(c.id);
  }
  return { checks };
}
