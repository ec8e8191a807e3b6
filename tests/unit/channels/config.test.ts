import { describe, expect, it } from 'vitest';
import { parseChannelFile } from '../../../shared/channels/config';

const file = (channels: unknown[]) => JSON.stringify({ channels });

describe('parseChannelFile', () => {
  it('splits configuration from secrets and resolves env: references', async () => {
    const parsed = parseChannelFile(
      file([
        { id: 'team-slack', kind: 'slack', url: 'env:SLACK_URL', filter: { minImpact: 'major' } },
        { id: 'hook', kind: 'webhook', url: 'https://ops.example.com/hook', signingSecret: 'env:HOOK_KEY' },
        { id: 'mail', kind: 'email', host: 'smtp.example.com', security: 'starttls', username: 'u', password: 'literal-pw', from: 'a@example.com', to: ['b@example.com'] },
      ]),
      { SLACK_URL: 'https://hooks.slack.com/services/T/B/XYZ', HOOK_KEY: 'hook-key' },
    );
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.channels).toEqual([
      { id: 'team-slack', kind: 'slack', filter: { minImpact: 'major' } },
      { id: 'hook', kind: 'webhook', url: 'https://ops.example.com/hook' },
      { id: 'mail', kind: 'email', host: 'smtp.example.com', security: 'starttls', username: 'u', from: 'a@example.com', to: ['b@example.com'] },
    ]);
    expect(JSON.stringify(parsed.channels)).not.toMatch(/XYZ|hook-key|literal-pw/);
    expect(await parsed.secrets.get('team-slack')).toEqual({ url: 'https://hooks.slack.com/services/T/B/XYZ' });
    expect(await parsed.secrets.get('hook')).toEqual({ signingSecret: 'hook-key' });
    expect(await parsed.secrets.get('mail')).toEqual({ password: 'literal-pw' });
  });

  it('names a missing environment variable without echoing any secret', () => {
    const r = parseChannelFile(file([{ id: 's', kind: 'slack', url: 'env:NOPE' }]), {});
    expect(r).toEqual({ error: 'channel "s": url names the environment variable NOPE, which is not set.' });
  });

  it('rejects bad entries with the channel and field named', () => {
    expect(parseChannelFile('{', {})).toEqual({ error: 'The channel file is not valid JSON.' });
    expect(parseChannelFile(file([{ id: 'x', kind: 'pager' }]), {})).toMatchObject({ error: expect.stringMatching(/^channel "x": kind/) });
    expect(parseChannelFile(file([{ id: 'm', kind: 'email', host: 'h', security: 'starttls', from: 'a@b.c', to: [] }]), {})).toMatchObject({ error: expect.stringMatching(/^channel "m": to/) });
    expect(parseChannelFile(file([{ id: 'd', kind: 'discord', url: 'not a url' }]), {})).toEqual({ error: 'channel "d": url (the webhook URL) is missing or not an http(s) URL.' });
    const dup = parseChannelFile(file([{ id: 'a', kind: 'slack', url: 'https://x.example/1' }, { id: 'a', kind: 'slack', url: 'https://x.example/2' }]), {});
    expect(dup).toEqual({ error: 'channel "a": the id is used twice.' });
    const leaky = parseChannelFile(file([{ id: 'w', kind: 'webhook', url: 'https://x.example', signingSecret: 42 }]), {});
    expect(leaky).toEqual({ error: 'channel "w": signingSecret must be a string.' });
  });
});

describe('docs/examples/channels.json', () => {
  it('is a valid channel file', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const text = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'channels.json'), 'utf8');
    const parsed = parseChannelFile(text, { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/C', SMTP_PASSWORD: 'pw' });
    expect('error' in parsed ? parsed.error : parsed.channels.map((c) => c.id)).toEqual(['team-slack', 'oncall-mail']);
  });
});
