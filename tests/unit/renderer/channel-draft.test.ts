import { describe, expect, it } from 'vitest';
import { draftOf, draftToChannel, filterSummary, newDraft } from '../../../renderer/src/settings/channels/channel-draft';
import { deliveryAdvice } from '../../../shared/presentation/channel-advice';

describe('channel form draft', () => {
  it('builds a webhook channel with its filter, and sends the signing secret only when typed', () => {
    const d = { ...newDraft('c1', 'webhook'), name: ' Ops ', url: 'https://ops.example/hook', minImpact: 'major' as const, providers: ['github'], includeMaintenance: false };
    expect(draftToChannel(d)).toEqual({
      channel: { id: 'c1', name: 'Ops', enabled: true, kind: 'webhook', url: 'https://ops.example/hook', filter: { providers: ['github'], minImpact: 'major', includeMaintenance: false } },
      secrets: {},
    });
    expect(draftToChannel({ ...d, signingSecret: 's3cret' })).toMatchObject({ secrets: { signingSecret: 's3cret' } });
  });

  it('needs a chat webhook URL unless one is stored, and refuses a non-http one', () => {
    const d = newDraft('c2', 'teams');
    expect(draftToChannel(d)).toEqual({ error: 'Paste the Microsoft Teams webhook URL.', field: 'secretUrl' });
    expect(draftToChannel(d, ['url'])).toEqual({ channel: { id: 'c2', enabled: true, kind: 'teams' }, secrets: {} });
    expect(draftToChannel({ ...d, secretUrl: 'hooks.slack.com/x' })).toMatchObject({ field: 'secretUrl' });
  });

  it('checks the email fields and round-trips a saved email channel without its password', () => {
    const base = { ...newDraft('m', 'email'), host: 'smtp.example.com', from: 'alerts@example.com', to: 'a@example.com; b@example.com', username: 'alerts', password: 'pw' };
    const built = draftToChannel(base);
    expect(built).toEqual({
      channel: { id: 'm', enabled: true, kind: 'email', host: 'smtp.example.com', security: 'starttls', username: 'alerts', from: 'alerts@example.com', to: ['a@example.com', 'b@example.com'] },
      secrets: { password: 'pw' },
    });
    expect(draftToChannel({ ...base, port: '70000' })).toMatchObject({ field: 'port' });
    expect(draftToChannel({ ...base, to: 'not-an-address' })).toEqual({ error: '“not-an-address” is not an email address.', field: 'to' });
    if ('channel' in built) expect(draftOf(built.channel)).toMatchObject({ password: '', to: 'a@example.com, b@example.com', username: 'alerts' });
  });

  it('summarises a filter with provider names', () => {
    expect(filterSummary(undefined, (id) => id)).toBe('Everything · every provider');
    expect(filterSummary({ minImpact: 'critical', providers: ['gh'], includeMaintenance: false }, () => 'GitHub')).toBe('Critical only · GitHub · no maintenance');
  });
});

describe('delivery advice', () => {
  it('says what to do for the receiver’s answer or the kind of failure', () => {
    expect(deliveryAdvice('discord', 'The webhook answered HTTP 404.', 404)).toMatch(/No webhook exists/);
    expect(deliveryAdvice('slack', 'The webhook answered HTTP 403.', 403)).toMatch(/refused/);
    expect(deliveryAdvice('webhook', 'The webhook answered HTTP 503.', 503)).toMatch(/retried with backoff/);
    expect(deliveryAdvice('webhook', 'The webhook redirected (check the webhook URL).', 301)).toMatch(/redirects are not followed/);
    expect(deliveryAdvice('email', 'The SMTP password is missing.')).toBe('Enter the SMTP password and save.');
    expect(deliveryAdvice('webhook', 'Could not reach the webhook: ECONNREFUSED')).toMatch(/network connection/);
  });
});
