/**
 * Delivery of one alert to one channel: builds the payload (./payloads.ts), resolves the channel's secrets,
 * and POSTs JSON through the injected `FetchPort` or hands an email to the injected `MailPort`. One attempt;
 * retries are the dispatcher's job (./dispatcher.ts). Failures throw `DeliveryError`, whose message never
 * contains a secret (webhook URLs, keys and passwords are redacted from anything a library says).
 *
 * Outcome rules: 2xx delivered; 408, 425, 429 and 5xx, network errors and timeouts retryable (429/503 honour
 * `Retry-After` in seconds); any other status, a redirect (a webhook that moved is misconfigured, and
 * following it could send the body elsewhere) or a missing secret is permanent.
 */
import { createHmac } from 'node:crypto';
import type { Clock, FetchPort } from '../engine/ports';
import { emailContent, discordPayload, slackPayload, teamsPayload, webhookBody } from './payloads';
import { DeliveryError, type Alert, type ChannelConfig, type ChannelSecrets, type EmailChannel, type SecretSource } from './types';

/** The signature header of the generic webhook: `sha256=` + hex HMAC-SHA256 of the raw body bytes. */
export const SIGNATURE_HEADER = 'X-Status-Tray-Signature';
/** Carries `Alert.id` so receivers can drop redeliveries. */
export const DELIVERY_HEADER = 'X-Status-Tray-Delivery';
/** Default deadline of one attempt, ms. */
export const DEFAULT_SEND_TIMEOUT_MS = 15_000;

/** One email, with the SMTP connection it goes through. */
export interface MailMessage {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). */
  secure: boolean;
  /** Refuse to send unless the server offers STARTTLS (what `security: 'starttls'` means). */
  requireTLS: boolean;
  /** Never try STARTTLS (`security: 'none'`). */
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Deadline for the whole exchange, ms. */
  timeoutMs: number;
}

/**
 * Sends one email (nodemailer in shared/platform/node/mail.ts). Rejects with an error carrying nodemailer's
 * `code` (`EAUTH`, `ECONNECTION`, `ETIMEDOUT`, …) and `responseCode` (SMTP reply) where known.
 */
export interface MailPort {
  send(message: MailMessage): Promise<void>;
}

/** What `createChannelSender` needs. */
export interface SenderDeps {
  fetch: FetchPort;
  /** Required for email channels. */
  mail?: MailPort;
  secrets: SecretSource;
  clock: Clock;
  timeoutMs?: number;
  userAgent?: string;
}

/** Sends one alert to one channel. Resolves when delivered; rejects with `DeliveryError`. */
export type SendFn = (channel: ChannelConfig, alert: Alert) => Promise<void>;

/** The sign of a generic webhook body: `sha256=<hex>`. Receivers compare it in constant time. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Replace every secret value in `text` with `[redacted]`. */
export function redact(text: string, secrets: ChannelSecrets | undefined): string {
  let out = text;
  for (const value of Object.values(secrets ?? {})) {
    if (typeof value === 'string' && value.length >= 4) out = out.split(value).join('[redacted]');
  }
  return out;
}

/** Create the sender. */
export function createChannelSender(deps: SenderDeps): SendFn {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;

  async function secretsOf(channel: ChannelConfig): Promise<ChannelSecrets> {
    try {
      return (await deps.secrets.get(channel.id)) ?? {};
    } catch {
      throw new DeliveryError('The channel’s secrets could not be read (is the keychain locked?).', true);
    }
  }

  async function post(url: string, body: string, headers: Record<string, string>, secrets: ChannelSecrets): Promise<void> {
    const controller = new AbortController();
    const timer = deps.clock.setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await deps.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(deps.userAgent ? { 'User-Agent': deps.userAgent } : {}), ...headers },
        body,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = controller.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new DeliveryError(redact(`Could not reach the webhook: ${why}`, secrets), true);
    } finally {
      deps.clock.clearTimeout(timer);
    }
    // Drain the body so the connection can be reused; its content is not needed (nor logged: it may echo secrets).
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return;
    const retryable = res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500;
    // Only a delay in seconds is honoured; `Number(null)` would be 0, so an absent header must stay absent.
    const header = res.headers.get('retry-after');
    const retryAfter = header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : NaN;
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter, 3600) * 1000 : undefined;
    const what = res.status >= 300 && res.status < 400 ? 'redirected (check the webhook URL)' : `answered HTTP ${res.status}`;
    throw new DeliveryError(`The webhook ${what}.`, retryable, res.status, retryAfterMs);
  }

  async function email(channel: EmailChannel, alert: Alert, secrets: ChannelSecrets): Promise<void> {
    if (!deps.mail) throw new DeliveryError('Email is not available here.', false);
    if (channel.username && !secrets.password) throw new DeliveryError('The SMTP password is missing.', false);
    const { subject, text } = emailContent(alert);
    const port = channel.port ?? (channel.security === 'tls' ? 465 : channel.security === 'starttls' ? 587 : 25);
    try {
      await deps.mail.send({
        host: channel.host,
        port,
        secure: channel.security === 'tls',
        requireTLS: channel.security === 'starttls',
        ignoreTLS: channel.security === 'none',
        ...(channel.username ? { auth: { user: channel.username, pass: secrets.password ?? '' } } : {}),
        from: channel.from,
        to: channel.to,
        subject,
        text,
        timeoutMs,
      });
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number };
      // SMTP 5xx and authentication failures will not heal by themselves; 4xx and connection trouble may.
      const permanent = e.code === 'EAUTH' || e.code === 'EENVELOPE' || (e.responseCode !== undefined && e.responseCode >= 500);
      throw new DeliveryError(redact(`The mail server refused or could not be reached: ${e.code ?? ''} ${e.message}`.trim(), secrets), !permanent);
    }
  }

  return async (channel, alert) => {
    const secrets = await secretsOf(channel);
    switch (channel.kind) {
      case 'slack':
      case 'discord':
      case 'teams': {
        if (!secrets.url) throw new DeliveryError('The webhook URL is missing.', false);
        const payload = channel.kind === 'slack' ? slackPayload(alert) : channel.kind === 'discord' ? discordPayload(alert) : teamsPayload(alert);
        return post(secrets.url, JSON.stringify(payload), {}, secrets);
      }
      case 'webhook': {
        const body = JSON.stringify(webhookBody(alert));
        const headers: Record<string, string> = { [DELIVERY_HEADER]: alert.id };
        if (secrets.signingSecret) headers[SIGNATURE_HEADER] = signBody(body, secrets.signingSecret);
        return post(channel.url, body, headers, secrets);
      }
      case 'email':
        return email(channel, alert, secrets);
    }
  };
}
