/**
 * Outgoing alert channels: what the user configures (kind, filters, non-secret settings), the secrets kept
 * apart from it, and the channel-neutral `Alert` every payload builder renders. Pure types.
 *
 * Secrets (chat webhook URLs carry their token in the path, the generic webhook's signing key, the SMTP
 * password) never sit in a `ChannelConfig`: the app keeps them with Electron `safeStorage`
 * (electron/channel-secrets.ts), headless mode reads them from the environment or a config file
 * (./config-file.ts). Only `ChannelSecrets` carries them, and nothing logs it.
 */
import type { Health, Impact, IncidentStatus } from '../domain/types';

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

/** Reads a channel's secrets; `undefined` when none are stored. May reject (keychain locked). */
export interface SecretSource {
  get(channelId: string): Promise<ChannelSecrets | undefined>;
}

/** What an alert is about. */
export type AlertType = 'incident.opened' | 'incident.updated' | 'incident.resolved' | 'provider.health-changed' | 'test';

/**
 * A channel-neutral alert, built from one engine event by ./alerts.ts. Text fields are plain text (engine-made,
 * HTML already stripped); each payload builder escapes them for its own markup.
 */
export interface Alert {
  /** Stable key: the same engine event always gives the same id (dedup, idempotency on the receiver). */
  id: string;
  type: AlertType;
  sourceId: string;
  provider: string;
  /** Health after the event. */
  health: Health;
  previousHealth?: Health;
  /** Impact used by the `minImpact` filter (see alerts.ts for health changes). */
  impact: Impact;
  /** True for scheduled maintenance and for health changes to or from maintenance. */
  maintenance: boolean;
  /** One line, e.g. "GitHub: Database query delays". */
  title: string;
  /** Incident or maintenance title, when the alert is about one. */
  incidentTitle?: string;
  incidentId?: string;
  status?: IncidentStatus;
  previousStatus?: IncidentStatus;
  /** Latest update text or a sentence about the health change, plain text, at most `ALERT_TEXT_MAX` characters. */
  text: string;
  /** http(s) page about the incident or provider. */
  url?: string;
  /** When the engine noticed, ms since epoch (UTC). */
  at: number;
}

/** Why a delivery attempt failed; `retryable` failures are tried again with backoff. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus?: number,
    /** Server-requested wait (Retry-After), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
