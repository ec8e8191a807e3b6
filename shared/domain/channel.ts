/**
 * Outgoing alert channels as plain data: what the user configures (kind, filters, non-secret settings), the
 * secrets kept apart from it, and one entry of the delivery log. Plain types, so the settings window, the IPC
 * contract, the channel machinery (shared/channels/) and the database (shared/storage/sqlite/) all speak
 * the same shapes. The zod schema of a channel is shared/channels/config.ts; the rules are in
 * docs/channels-and-server.md.
 */

/** Channel kinds. */
export type ChannelKind = 'slack' | 'discord' | 'teams' | 'webhook' | 'email';

/** Least impact an alert must have; `none` lets everything through. Order: none < minor < major < critical. */
export type MinImpact = 'none' | 'minor' | 'major' | 'critical';

/** Which alerts a channel receives. */
export interface ChannelFilter {
  /** Source ids or provider names (case-insensitive); absent or empty: every provider. */
  providers?: string[];
  /** Default `none`. */
  minImpact?: MinImpact;
  /** Maintenance alerts (scheduled work, health to/from maintenance). Default true. */
  includeMaintenance?: boolean;
}

interface ChannelBase {
  /** Stable id, `[A-Za-z0-9][A-Za-z0-9._-]*`; keys the secrets and the delivery log. */
  id: string;
  /** Shown in the settings and the delivery log. */
  name?: string;
  /** Default true. */
  enabled?: boolean;
  filter?: ChannelFilter;
}

/** Slack incoming webhook (secret: `url`). */
export interface SlackChannel extends ChannelBase {
  kind: 'slack';
}
/** Discord channel webhook (secret: `url`). */
export interface DiscordChannel extends ChannelBase {
  kind: 'discord';
}
/** Microsoft Teams "Workflows" webhook (Power Automate, secret: `url`); posts an Adaptive Card. */
export interface TeamsChannel extends ChannelBase {
  kind: 'teams';
}
/** Generic JSON webhook: `url` is configuration; the optional secret `signingSecret` signs the body. */
export interface WebhookChannel extends ChannelBase {
  kind: 'webhook';
  url: string;
}
/** Email over SMTP (secret: `password`, when `username` is set). */
export interface EmailChannel extends ChannelBase {
  kind: 'email';
  host: string;
  /** Default 587 for `starttls`, 465 for `tls`, 25 for `none`. */
  port?: number;
  /** `starttls`: plain connect, then STARTTLS required; `tls`: TLS from the first byte; `none`: no TLS (local relays only). */
  security: 'starttls' | 'tls' | 'none';
  username?: string;
  from: string;
  to: string[];
}

/** One configured channel. */
export type ChannelConfig = SlackChannel | DiscordChannel | TeamsChannel | WebhookChannel | EmailChannel;

/** Secrets of one channel. Never logged, never echoed, never part of settings. */
export interface ChannelSecrets {
  /** Slack, Discord and Teams: the webhook URL (its path is the credential). */
  url?: string;
  /** Generic webhook: HMAC-SHA256 key for `X-Status-Tray-Signature`. */
  signingSecret?: string;
  /** Email: SMTP password. */
  password?: string;
}

/** What happened to one alert on one channel. */
export type DeliveryOutcome =
  /** The receiver accepted it (2xx, or the SMTP server queued it). */
  | 'delivered'
  /** This attempt failed; another is scheduled (`nextAttemptAt`). */
  | 'retrying'
  /** Given up: a permanent failure, or the last attempt failed. */
  | 'failed'
  /** Never attempted: the channel's queue was full (the oldest waiting alert is dropped). */
  | 'dropped';

/** One delivery log entry: one attempt outcome of one alert on one channel. Holds no secret. */
export interface DeliveryEntry {
  channelId: string;
  /** The alert's stable id (the event key): the same engine event always gives the same id. */
  alertId: string;
  alertType: string;
  outcome: DeliveryOutcome;
  /** 1-based attempt number. */
  attempt: number;
  /** ms since epoch, UTC. */
  at: number;
  httpStatus?: number;
  /** Redacted, one sentence. */
  error?: string;
  /** With `retrying`: when the next attempt is due, ms since epoch. */
  nextAttemptAt?: number;
}

/**
 * The delivery log port. `record` must not throw (log and drop instead: a full disk must not stop delivery);
 * `recent` returns newest first, at most `limit` (default 100) entries, of one channel or all.
 */
export interface DeliveryLog {
  record(entry: DeliveryEntry): void;
  recent(options?: { channelId?: string; limit?: number }): DeliveryEntry[];
}

/** A channel as the settings window sees it: its configuration and which secrets are stored (never their values). */
export interface ChannelView {
  channel: ChannelConfig;
  secretsSet: Array<keyof ChannelSecrets>;
}

/** What "Send test" found: delivered, or the (redacted) reason it was not and the HTTP status if one came back. */
export type ChannelTestResult = { ok: true } | { ok: false; error: string; httpStatus?: number };

/** Channel kinds whose webhook URL is the secret (its path carries the token). */
export const SECRET_URL_KINDS: readonly ChannelKind[] = ['slack', 'discord', 'teams'];
