/**
 * The runner's --check, --channels and --test-channels options end to end: a local endpoint, a local webhook
 * receiver for the channels, a state file between runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../cli/args';
import { checksFromTokens } from '../../../cli/check-args';
import { openStatusDatabase } from '../../../shared/storage/sqlite';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { run } from './run-cli';

let receiver: WebhookReceiver;
let dir: string;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  dir = mkdtempSync(join(tmpdir(), 'status-tray-cli-check-'));
});
afterEach(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

function channelFile(channels: unknown[]): string {
  const path = join(dir, 'channels.json');
  writeFileSync(path, JSON.stringify({ channels }));
  return path;
}

describe('--check', () => {
  it('reports an endpoint that answers as expected as operational, and one that does not as a major outage', async () => {
    receiver.reply('/health', { status: 200, body: '{"status":"ok"}' });
    receiver.reply('/broken', { status: 500, body: 'boom' });
    const r = await run(['--once', '--json', '--check', receiver.url('/health'), '--expect', '200', '--contains', '"ok"', '--check', receiver.url('/broken'), '--retries', '0']);
    const rows = r.out.map((l) => JSON.parse(l) as { source: string; health: string });
    expect(rows.find((x) => x.source === receiver.url('/health'))?.health).toBe('operational');
    expect(rows.find((x) => x.source === receiver.url('/broken'))?.health).toBe('major_outage');
  });

  it('goes down and up across runs, and a channel hears once each way', async () => {
    let healthy = true;
    receiver.reply('/api', () => (healthy ? { status: 200, body: 'ok' } : { status: 503 }));
    const channels = channelFile([{ id: 'ops', kind: 'webhook', url: receiver.url('/hook'), signingSecret: 'env:ST_TEST_HOOK_KEY' }]);
    process.env.ST_TEST_HOOK_KEY = 'cli-hook-key';
    try {
      const args = ['--once', '--state', join(dir, 'state.json'), '--channels', channels, '--check', receiver.url('/api'), '--retries', '0'];
      await run(args);
      healthy = false;
      await run(args);
      await run(args);
      healthy = true;
      await run(args);
    } finally {
      delete process.env.ST_TEST_HOOK_KEY;
    }
    const alerts = receiver.received('/hook');
    expect(alerts.map((a) => JSON.parse(a.body).health)).toEqual(['major_outage', 'operational']);
    expect(alerts[0]!.headers['x-status-tray-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});

describe('--channels and --test-channels', () => {
  it('sends a test alert to every channel and says which were delivered', async () => {
    receiver.reply('/discord-broken', { status: 401 });
    const file = channelFile([
      { id: 'slack', kind: 'slack', url: receiver.url('/slack') },
      { id: 'discord', kind: 'discord', url: receiver.url('/discord-broken') },
    ]);
    const r = await run(['--channels', file, '--test-channels']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['slack (slack): delivered', 'discord (discord): failed: The webhook answered HTTP 401.']);
    expect(receiver.received('/slack')).toHaveLength(1);
  });

  it('with --db, every delivery attempt is logged in status.db (channel_deliveries)', async () => {
    receiver.reply('/down', { status: 404 });
    const file = channelFile([
      { id: 'ok', kind: 'webhook', url: receiver.url('/up') },
      { id: 'gone', kind: 'webhook', url: receiver.url('/down') },
    ]);
    const db = join(dir, 'status.db');
    expect((await run(['--db', db, '--channels', file, '--test-channels'])).code).toBe(1);
    const sdb = await openStatusDatabase(db);
    try {
      const log = sdb.deliveries.recent();
      expect(log.map((e) => [e.channelId, e.alertType, e.outcome, e.httpStatus])).toEqual([
        ['gone', 'test', 'failed', 404],
        ['ok', 'test', 'delivered', undefined],
      ]);
    } finally {
      sdb.close();
    }
  });

  it('a bad channel file is a usage error that names the problem and no secret', async () => {
    const file = channelFile([{ id: 'm', kind: 'email', host: 'h', security: 'starttls', password: 'do-not-print', from: 'a@b.c', to: [] }]);
    const r = await run(['--channels', file, '--once', receiver.url('/x')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/channel "m": to/);
    expect(r.err.join('\n')).not.toContain('do-not-print');
  });
});

describe('check arguments', () => {
  const tokens = (argv: string[]) => {
    const parsed = parseCliArgs(argv);
    return parsed;
  };
  it('binds --expect, --contains and --method to the --check before them', () => {
    const r = tokens(['--check', 'https://a.example/h', '--expect', '200,204', '--method', 'head', '--check', 'https://b.example/', '--contains', 'ok', '--retries', '0']);
    expect(r).toMatchObject({
      mode: 'watch',
      checks: [
        { id: 'check:https://a.example/h', url: 'https://a.example/h', check: { expectStatus: [200, 204], method: 'HEAD' } },
        { id: 'check:https://b.example/', check: { contains: 'ok', retries: 0 } },
      ],
    });
  });

  it('refuses options without a --check, bad codes, bad regular expressions and non-http URLs', () => {
    expect(checksFromTokens([{ kind: 'option', name: 'expect', value: '200' }], 300)).toEqual({ error: '--expect must follow a --check URL.' });
    expect(tokens(['--check', 'https://a.example', '--expect', '99'])).toEqual({ error: '--expect takes status codes 100–599, comma-separated (got "99").' });
    expect(tokens(['--check', 'https://a.example', '--matches', '('])).toMatchObject({ error: expect.stringMatching(/^--check https:\/\/a\.example: matches is not a valid regular expression/) });
    expect(tokens(['--check', 'file:///etc/passwd'])).toEqual({ error: '--check needs an http(s) URL (got "file:///etc/passwd").' });
  });
});

describe('the runner as a process', () => {
  it('waits for a failing check’s retries before printing and exiting (its timers do not hold the process)', async () => {
    const { spawn } = await import('node:child_process');
    const closed = await startWebhookReceiver();
    const url = closed.url('/gone');
    await closed.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--once', '--json', '--check', url, '--retries', '1'], { cwd: join(import.meta.dirname, '..', '..', '..') });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ source: url, health: 'major_outage' });
    // Starting a TypeScript process is slow on a loaded machine; nothing here measures time.
  }, 90_000);
});
