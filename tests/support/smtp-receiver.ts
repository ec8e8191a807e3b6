/**
 * A local SMTP server for mail tests (the `smtp-server` package) on 127.0.0.1, with the test-only certificate
 * in tests/fixtures/tls, so STARTTLS and implicit TLS are tested with verification on. Records each message
 * with the envelope, whether the session was encrypted, and who authenticated.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const TLS_DIR = join(import.meta.dirname, '..', 'fixtures', 'tls');
/** The test CA (the self-signed certificate itself). */
export const TEST_CA = readFileSync(join(TLS_DIR, 'cert.pem'));

/** One received message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** Raw RFC 5322 message. */
  raw: string;
  secure: boolean;
  user?: string;
}

/** A running SMTP server. */
export interface SmtpReceiver {
  port: number;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** Start a server. `secure`: TLS from the first byte; otherwise STARTTLS is offered. Accepts only `user`/`pass`. */
export async function startSmtpReceiver(options: { secure?: boolean; user: string; pass: string; rejectWith?: number }): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: options.secure ?? false,
    key: readFileSync(join(TLS_DIR, 'key.pem')),
    cert: readFileSync(join(TLS_DIR, 'cert.pem')),
    authMethods: ['PLAIN', 'LOGIN'],
    // Authentication only over TLS, as a real submission server insists.
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === options.user && auth.password === options.pass) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.rejectWith) return cb(Object.assign(new Error('Try again later'), { responseCode: options.rejectWith }));
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
