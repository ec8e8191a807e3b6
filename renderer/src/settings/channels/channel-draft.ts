/**
 * The channel form as plain data: a draft holding what the user typed (all text), turned into the
 * `ChannelConfig` and `ChannelSecrets` that `saveChannel` takes, with the first problem in words. Secrets
 * typed into the form travel once to main (which seals them with the OS keychain) and are never read back:
 * an edited channel's draft starts with empty secret fields, and empty means "keep what is stored". Pure.
 */
import type { ChannelConfig, ChannelFilter, ChannelKind, ChannelSecrets, MinImpact } from '../../../../shared/ipc/contract';

/** What the form edits. Text fields as typed. */
export interface ChannelDraft {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** Source ids; empty: every provider. */
  providers: string[];
  minImpact: MinImpact;
  includeMaintenance: boolean;
  /** Generic webhook: the URL (configuration, not secret). */
  url: string;
  /** Email. */
  host: string;
  port: string;
  security: 'starttls' | 'tls' | 'none';
  username: string;
  from: string;
  /** Comma- or newline-separated addresses. */
  to: string;
  /** Secrets typed now; empty = keep the stored one. */
  secretUrl: string;
  signingSecret: string;
  password: string;
}

/** Human names of the kinds, in the order the form offers them. */
export const KIND_LABELS: ReadonlyArray<readonly [ChannelKind, string]> = [
  ['slack', 'Slack'],
  ['discord', 'Discord'],
  ['teams', 'Microsoft Teams'],
  ['webhook', 'Webhook (JSON)'],
  ['email', 'Email (SMTP)'],
];

/** The label of a kind. */
export function kindLabel(kind: ChannelKind): string {
  return KIND_LABELS.find(([k]) => k === kind)?.[1] ?? kind;
}

/** Least-impact choices with their labels. */
export const MIN_IMPACT_LABELS: ReadonlyArray<readonly [MinImpact, string]> = [
  ['none', 'Everything'],
  ['minor', 'Minor and worse'],
  ['major', 'Major and critical'],
  ['critical', 'Critical only'],
];

/** A blank draft for a new channel with id `id`. */
export function newDraft(id: string, kind: ChannelKind = 'slack'): ChannelDraft {
  return {
    id, kind, name: '', enabled: true, providers: [], minImpact: 'none', includeMaintenance: true,
    url: '', host: '', port: '', security: 'starttls', username: '', from: '', to: '',
    secretUrl: '', signingSecret: '', password: '',
  };
}

/** The draft of a saved channel (secret fields empty: they are never sent back to the window). */
export function draftOf(channel: ChannelConfig): ChannelDraft {
  const d = newDraft(channel.id, channel.kind);
  d.name = channel.name ?? '';
  d.enabled = channel.enabled !== false;
  d.providers = [...(channel.filter?.providers ?? [])];
  d.minImpact = channel.filter?.minImpact ?? 'none';
  d.includeMaintenance = channel.filter?.includeMaintenance !== false;
  if (channel.kind === 'webhook') d.url = channel.url;
  if (channel.kind === 'email') {
    d.host = channel.host;
    d.port = channel.port === undefined ? '' : String(channel.port);
    d.security = channel.security;
    d.username = channel.username ?? '';
    d.from = channel.from;
    d.to = channel.to.join(', ');
  }
  return d;
}

function isHttp(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/**
 * Turn a draft into what `saveChannel` takes.
 * @param storedSecrets which secrets main already holds for this channel (a chat URL need not be typed again).
 * @returns the channel and the secrets typed now, or `{ error, field }` naming the first problem.
 */
export function draftToChannel(
  d: ChannelDraft,
  storedSecrets: readonly (keyof ChannelSecrets)[] = [],
): { channel: ChannelConfig; secrets: ChannelSecrets } | { error: string; field: keyof ChannelDraft } {
  const filter: ChannelFilter = {
    ...(d.providers.length > 0 ? { providers: d.providers } : {}),
    ...(d.minImpact !== 'none' ? { minImpact: d.minImpact } : {}),
    ...(d.includeMaintenance ? {} : { includeMaintenance: false }),
  };
  const base = {
    id: d.id,
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    enabled: d.enabled,
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
  };
  if (d.name.trim().length > 100) return { error: 'The name is longer than 100 characters.', field: 'name' };
  const secrets: ChannelSecrets = {};
  switch (d.kind) {
    case 'slack':
    case 'discord':
    case 'teams': {
      const url = d.secretUrl.trim();
      if (url && !isHttp(url)) return { error: 'The webhook URL must start with https:// (copy it from the service).', field: 'secretUrl' };
      if (!url && !storedSecrets.includes('url')) return { error: `Paste the ${kindLabel(d.kind)} webhook URL.`, field: 'secretUrl' };
      if (url) secrets.url = url;
      return { channel: { ...base, kind: d.kind }, secrets };
    }
    case 'webhook': {
      const url = d.url.trim();
      if (!isHttp(url)) return { error: 'Enter the http(s) URL that should receive the alerts.', field: 'url' };
      if (d.signingSecret) secrets.signingSecret = d.signingSecret;
      return { channel: { ...base, kind: 'webhook', url }, secrets };
    }
    case 'email': {
      const host = d.host.trim();
      if (!host) return { error: 'Enter the mail server (SMTP host).', field: 'host' };
      let port: number | undefined;
      if (d.port.trim()) {
        port = Number(d.port.trim());
        if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: 'The port is a whole number from 1 to 65535.', field: 'port' };
      }
      const from = d.from.trim();
      if (!EMAIL.test(from)) return { error: 'Enter the sender address (From).', field: 'from' };
      const to = d.to.split(/[,\n;]/).map((s) => s.trim()).filter(Boolean);
      if (to.length === 0) return { error: 'Enter at least one recipient.', field: 'to' };
      const bad = to.find((t) => !EMAIL.test(t));
      if (bad) return { error: `“${bad}” is not an email address.`, field: 'to' };
      if (to.length > 50) return { error: 'At most 50 recipients.', field: 'to' };
      const username = d.username.trim();
      if (d.password) secrets.password = d.password;
      return {
        channel: { ...base, kind: 'email', host, ...(port !== undefined ? { port } : {}), security: d.security, ...(username ? { username } : {}), from, to },
        secrets,
      };
    }
  }
}

/** One line describing a channel's filter, e.g. "Major and critical · GitHub, Slack · no maintenance". */
export function filterSummary(filter: ChannelFilter | undefined, nameOf: (sourceId: string) => string): string {
  const parts = [MIN_IMPACT_LABELS.find(([m]) => m === (filter?.minImpact ?? 'none'))?.[1] ?? 'Everything'];
  parts.push(filter?.providers?.length ? filter.providers.map(nameOf).join(', ') : 'every provider');
  if (filter?.includeMaintenance === false) parts.push('no maintenance');
  return parts.join(' · ');
}
