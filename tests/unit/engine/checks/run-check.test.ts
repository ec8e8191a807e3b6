import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeResponse, runCheck } from '../../../../shared/engine/checks/run-check';
import type { CheckSpec } from '../../../../shared/domain/check';
import { FakeClock } from '../../../support/fake-clock';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

let server: WebhookReceiver;
let clock: FakeClock;
beforeEach(async () => {
  server = await startWebhookReceiver();
  clock = new FakeClock();
});
afterEach(() => server.close());

const deps = () => ({ fetch: (u: string, i: RequestInit) => fetch(u, i), clock, userAgent: 'StatusTray/test' });

describe('judgeResponse', () => {
  it('checks status codes, text and regular expressions', () => {
    expect(judgeResponse({}, 204, '')).toBeUndefined();
    expect(judgeResponse({}, 301, '')).toBe('expected HTTP 2xx, got 301');
    expect(judgeResponse({ expectStatus: [200, 401] }, 401, '')).toBeUndefined();
    expect(judgeResponse({ expectStatus: [200] }, 500, '')).toBe('expected HTTP 200, got 500');
    expect(judgeResponse({ contains: 'ok' }, 200, '{"status":"ok"}')).toBeUndefined();
    expect(judgeResponse({ contains: 'ok' }, 200, 'fail')).toBe('the response does not contain "ok"');
    expect(judgeResponse({ notContains: 'error' }, 200, 'an error')).toBe('the response contains "error"');
    expect(judgeResponse({ matches: '"db":\\s*"up"' }, 200, '{"db": "up"}')).toBeUndefined();
    expect(judgeResponse({ notMatches: 'maint(enance)?' }, 200, 'maintenance')).toBe('the response matches /maint(enance)?/');
  });
});

describe('runCheck against a local server', () => {
  it('is up on the expected answer and records status, time and method', async () => {
    server.reply('/health', { status: 200, body: 'all good' });
    const o = await runCheck(server.url('/health'), { method: 'HEAD', expectStatus: [200] }, deps());
    expect(o).toMatchObject({ outcome: 'up', httpStatus: 200, attempts: 1, responseTimeMs: 0 });
    expect(server.received('/health')[0]!.method).toBe('HEAD');
  });

  it('retries with doubling waits before it counts as down, and recovers within the retries', async () => {
    server.reply('/flaky', (n) => (n < 3 ? { status: 503 } : { status: 200, body: 'ok' }));
    const spec: CheckSpec = { retries: 2, retryDelayMs: 1_000, contains: 'ok' };
    const run = runCheck(server.url('/flaky'), spec, deps());
    await waitFor(() => server.received('/flaky').length === 1);
    await clock.advance(999);
    expect(server.received('/flaky')).toHaveLength(1);
    await clock.advance(1);
    await waitFor(() => server.received('/flaky').length === 2);
    await clock.advance(1_999);
    expect(server.received('/flaky')).toHaveLength(2);
    await clock.advance(1);
    expect(await run).toMatchObject({ outcome: 'up', attempts: 3 });
  });

  it('is down with the last failure after all retries', async () => {
    server.reply('/down', { status: 500 });
    const run = runCheck(server.url('/down'), { retries: 1, retryDelayMs: 10 }, deps());
    await waitFor(() => server.received('/down').length === 1);
    await clock.advance(10);
    expect(await run).toMatchObject({ outcome: 'down', httpStatus: 500, attempts: 2, failure: 'expected HTTP 2xx, got 500' });
  });

  it('is slow over the threshold, and down on a timeout', async () => {
    server.reply('/slow', { status: 200 });
    // A clock whose time has moved 3 s by the time the response is read.
    let reads = 0;
    const ticking = Object.assign(Object.create(clock) as FakeClock, { now: () => clock.now() + (reads++ > 0 ? 3_000 : 0) });
    const slow = await runCheck(server.url('/slow'), { slowMs: 2_000 }, { ...deps(), clock: ticking });
    expect(slow).toMatchObject({ outcome: 'slow', responseTimeMs: 3_000 });

    const hang = runCheck('http://127.0.0.1:9/never', { retries: 0, timeoutMs: 5_000 }, {
      ...deps(),
      fetch: (_u, init) => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    await clock.advance(5_000);
    expect(await hang).toMatchObject({ outcome: 'down', failure: 'no answer within 5000 ms', attempts: 1 });
  });

  it('reports a bad regular expression as a misconfigured check without requesting anything', async () => {
    const o = await runCheck(server.url('/x'), { matches: '(' }, deps());
    expect(o.outcome).toBe('down');
    expect(o.failure).toMatch(/^The check is misconfigured: matches is not a valid regular expression/);
    expect(server.received()).toHaveLength(0);
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}
