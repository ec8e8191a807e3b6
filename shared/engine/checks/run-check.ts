/**
 * One endpoint check: request the URL (following no redirects: a 3xx is judged like any status), read up to
 * `CHECK_BODY_CAP` bytes, and judge status code, body rules and response time. A failed attempt is retried
 * after `retryDelayMs`, doubling, up to `retries` times before the check counts as down — one dropped packet
 * should not page anyone. Never throws; every problem is a `down` with a one-sentence `failure`.
 */
import type { CheckObservation } from '../../domain/types';
import type { Clock, FetchPort } from '../ports';
import { CHECK_BODY_CAP, CHECK_DEFAULTS, type CheckSpec } from '../../domain/check';

/** What `runCheck` needs. */
export interface CheckDeps {
  fetch: FetchPort;
  clock: Clock;
  userAgent: string;
  /** Aborts the check (engine stop). */
  signal?: AbortSignal;
}

/** Validate a spec's regular expressions. @returns an error message, or undefined when the spec is usable. */
export function checkSpecProblem(spec: CheckSpec): string | undefined {
  for (const [name, source] of [['matches', spec.matches], ['notMatches', spec.notMatches]] as const) {
    if (source === undefined) continue;
    try {
      new RegExp(source);
    } catch (err) {
      return `${name} is not a valid regular expression: ${(err as Error).message}`;
    }
  }
  if (spec.expectStatus?.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) return 'expected status codes must be 100–599';
  return undefined;
}

/** Judge one answer. @returns why it is not the expected answer, or undefined. */
export function judgeResponse(spec: CheckSpec, status: number, body: string): string | undefined {
  const expected = spec.expectStatus?.length ? spec.expectStatus.includes(status) : status >= 200 && status < 300;
  if (!expected) return `expected HTTP ${spec.expectStatus?.length ? spec.expectStatus.join(' or ') : '2xx'}, got ${status}`;
  if (spec.contains !== undefined && !body.includes(spec.contains)) return `the response does not contain "${spec.contains}"`;
  if (spec.notContains !== undefined && body.includes(spec.notContains)) return `the response contains "${spec.notContains}"`;
  if (spec.matches !== undefined && !new RegExp(spec.matches).test(body)) return `the response does not match /${spec.matches}/`;
  if (spec.notMatches !== undefined && new RegExp(spec.notMatches).test(body)) return `the response matches /${spec.notMatches}/`;
  return undefined;
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= CHECK_BODY_CAP) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, CHECK_BODY_CAP));
}

interface Attempt {
  ok: boolean;
  httpStatus?: number;
  responseTimeMs?: number;
  failure?: string;
}

async function attemptOnce(url: string, spec: CheckSpec, deps: CheckDeps): Promise<Attempt> {
  const timeoutMs = spec.timeoutMs ?? CHECK_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  const onStop = () => controller.abort();
  deps.signal?.addEventListener('abort', onStop, { once: true });
  const timer = deps.clock.setTimeout(() => controller.abort(), timeoutMs);
  const started = deps.clock.now();
  try {
    const res = await deps.fetch(url, {
      method: spec.method ?? CHECK_DEFAULTS.method,
      headers: { 'User-Agent': deps.userAgent, 'Cache-Control': 'no-cache' },
      redirect: 'manual',
      signal: controller.signal,
    });
    const body = await readCapped(res);
    const responseTimeMs = Math.max(0, deps.clock.now() - started);
    const failure = judgeResponse(spec, res.status, body);
    return { ok: failure === undefined, httpStatus: res.status, responseTimeMs, ...(failure ? { failure } : {}) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const failure = controller.signal.aborted && !deps.signal?.aborted ? `no answer within ${timeoutMs} ms` : `the request failed (${e.cause?.code ?? e.message})`;
    return { ok: false, failure };
  } finally {
    deps.clock.clearTimeout(timer);
    deps.signal?.removeEventListener('abort', onStop);
  }
}

/** Run the check (see the module comment). */
export async function runCheck(url: string, spec: CheckSpec, deps: CheckDeps): Promise<CheckObservation> {
  const problem = checkSpecProblem(spec);
  if (problem) return { outcome: 'down', failure: `The check is misconfigured: ${problem}.`, attempts: 0, checkedAt: deps.clock.now() };
  const retries = Math.max(0, Math.floor(spec.retries ?? CHECK_DEFAULTS.retries));
  let delay = spec.retryDelayMs ?? CHECK_DEFAULTS.retryDelayMs;
  let last: Attempt = { ok: false };
  let attempts = 0;
  for (let i = 0; i <= retries; i++) {
    if (i > 0) {
      await new Promise<void>((resolve) => deps.clock.setTimeout(resolve, delay));
      delay *= 2;
    }
    if (deps.signal?.aborted) break;
    attempts++;
    last = await attemptOnce(url, spec, deps);
    if (last.ok) break;
  }
  const base = {
    attempts,
    checkedAt: deps.clock.now(),
    ...(last.httpStatus !== undefined ? { httpStatus: last.httpStatus } : {}),
    ...(last.responseTimeMs !== undefined ? { responseTimeMs: last.responseTimeMs } : {}),
  };
  if (!last.ok) return { ...base, outcome: 'down', failure: last.failure ?? 'the check was stopped' };
  const slow = (last.responseTimeMs ?? 0) > (spec.slowMs ?? CHECK_DEFAULTS.slowMs);
  return { ...base, outcome: slow ? 'slow' : 'up' };
}
