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

export type {
  ChannelKind,
  MinImpact,
  ChannelFilter,
  SlackChannel,
  DiscordChannel,
  TeamsChannel,
  WebhookChannel,
  EmailChannel,
  ChannelConfig,
  ChannelSecrets,
} from '../domain/channel';
import type { ChannelSecrets } from '../domain/channel';

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
