/**
 * The `MailPort` over nodemailer's SMTP transport (https://nodemailer.com/smtp/). Node only. One transport per
 * message: alerts are rare, and a pooled connection would outlive a changed password or host.
 * `secure` is TLS from the first byte (465); otherwise nodemailer upgrades with STARTTLS when offered, and
 * `requireTLS` makes it refuse a server that does not offer it. Certificates are verified (no opt-out here).
 */
import nodemailer from 'nodemailer';
import type { MailMessage, MailPort } from '../../channels/senders';

/** Extra transport options, for tests against a local server with its own certificate authority. */
export interface MailTransportOptions {
  /** PEM certificate authorities to trust besides the system's. */
  ca?: string | Buffer;
}

/** Create the port. */
export function createNodemailerPort(options: MailTransportOptions = {}): MailPort {
  return {
    async send(m: MailMessage) {
      const transport = nodemailer.createTransport({
        host: m.host,
        port: m.port,
        secure: m.secure,
        requireTLS: m.requireTLS,
        ignoreTLS: m.ignoreTLS,
        ...(m.auth ? { auth: { user: m.auth.user, pass: m.auth.pass } } : {}),
        connectionTimeout: m.timeoutMs,
        greetingTimeout: m.timeoutMs,
        socketTimeout: m.timeoutMs,
        ...(options.ca ? { tls: { ca: options.ca } } : {}),
        // nodemailer logs nothing unless asked; keep it so (its debug output would include AUTH exchanges).
        logger: false,
        debug: false,
      });
      try {
        await transport.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
      } finally {
        transport.close();
      }
    },
  };
}
