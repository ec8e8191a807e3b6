import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryDeliveryLog } from '../../../shared/channels/delivery-log';
import { createChannelDispatcher } from '../../../shared/channels/dispatcher';
import { createChannelSender } from '../../../shared/channels/senders';
import type { EmailChannel } from '../../../shared/channels/types';
import { createNodemailerPort } from '../../../shared/platform/node/mail';
import { FakeClock } from '../../support/fake-clock';
import { startSmtpReceiver, TEST_CA, type SmtpReceiver } from '../../support/smtp-receiver';
import { opened, T0 } from './helpers';

let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

function dispatcherFor(channel: EmailChannel, password: string | undefined) {
  const clock = new FakeClock(T0);
  const log = createMemoryDeliveryLog();
  const send = createChannelSender({
    fetch: () => Promise.reject(new Error('no HTTP here')),
    mail: createNodemailerPort({ ca: TEST_CA }),
    secrets: { get: async () => (password === undefined ? {} : { password }) },
    clock,
    timeoutMs: 10_000,
  });
  return { log, dispatcher: createChannelDispatcher({ channels: () => [channel], send, clock, log }) };
}

const base = { id: 'mail', kind: 'email' as const, host: '127.0.0.1', username: 'alerts', from: 'alerts@example.com', to: ['oncall@example.com', 'team@example.com'] };

describe('email channel against a local SMTP server', () => {
  it('STARTTLS with authentication: delivers the alert to every recipient over an encrypted session', async () => {
    smtp = await startSmtpReceiver({ user: 'alerts', pass: 's3cret-pass' });
    const { dispatcher, log } = dispatcherFor({ ...base, port: smtp.port, security: 'starttls' }, 's3cret-pass');
    dispatcher.handle([opened()]);
    await dispatcher.idle();
    expect(log.recent()[0]).toMatchObject({ outcome: 'delivered' });
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m).toMatchObject({ from: 'alerts@example.com', to: ['oncall@example.com', 'team@example.com'], secure: true, user: 'alerts' });
    expect(m.raw).toContain('Subject: [Status Tray] New incident: GitHub: Database query delays');
    expect(m.raw).toContain('We are looking into slow queries.');
  });

  it('implicit TLS: sends a test message', async () => {
    smtp = await startSmtpReceiver({ secure: true, user: 'alerts', pass: 'pw-tls' });
    const { dispatcher } = dispatcherFor({ ...base, port: smtp.port, security: 'tls' }, 'pw-tls');
    expect(await dispatcher.sendTest({ ...base, port: smtp.port, security: 'tls', name: 'On-call' })).toEqual({ ok: true });
    expect(smtp.messages[0]!.secure).toBe(true);
  });

  it('a wrong password fails permanently, once, and the error does not contain it', async () => {
    smtp = await startSmtpReceiver({ user: 'alerts', pass: 'right' });
    const { dispatcher, log } = dispatcherFor({ ...base, port: smtp.port, security: 'starttls' }, 'wrong-password-value');
    dispatcher.handle([opened()]);
    await dispatcher.idle();
    const [entry] = log.recent();
    expect(entry).toMatchObject({ outcome: 'failed', attempt: 1 });
    expect(entry!.error).toMatch(/EAUTH/);
    expect(JSON.stringify(entry)).not.toContain('wrong-password-value');
    expect(smtp.messages).toHaveLength(0);
  });

  it('a missing password is reported before connecting', async () => {
    const { dispatcher } = dispatcherFor({ ...base, port: 1, security: 'starttls' }, undefined);
    expect(await dispatcher.sendTest({ ...base, port: 1, security: 'starttls' })).toEqual({ ok: false, error: 'The SMTP password is missing.' });
  });
});
