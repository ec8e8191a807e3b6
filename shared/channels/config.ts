/**
 * Channel configuration as data: the zod schema shared by the app's settings and the headless config file,
 * and the split of a headless config into `ChannelConfig`s (no secrets) and a `SecretSource`.
 *
 * Headless config file (JSON, `status-tray --channels FILE`):
 * ```json
 * { "channels": [
 *   { "id": "team-slack", "kind": "slack", "url": "env:SLACK_WEBHOOK_URL", "filter": { "minImpact": "major" } },
 *   { "id": "ops-hook", "kind": "webhook", "url": "https://ops.example.com/hooks/status", "signingSecret": "env:HOOK_SECRET" },
 *   { "id": "oncall-mail", "kind": "email", "host": "smtp.example.com", "security": "starttls",
 *     "username": "alerts", "password": "env:SMTP_PASSWORD", "from": "alerts@example.com", "to": ["oncall@example.com"] }
 * ] }
 * ```
 * Secret fields — `url` of slack/discord/teams, `signingSecret` of webhook, `password` of email — are either
 * `env:NAME` (read from the environment) or the literal value (then keep the file private). Errors name the
 * channel and the field or variable, never a value.
 */
import { z } from 'zod';
import type { ChannelConfig, ChannelSecrets, SecretSource } from './types';

/** A channel id: 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export const channelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'A channel id is 1–64 letters, digits, ".", "_" or "-"')
  .refine((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype', 'Not a valid channel id');

const httpUrl = z.string().max(2048).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'Must be an http(s) URL');

/** `ChannelFilter` schema. */
export const channelFilterSchema = z.strictObject({
  providers: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  minImpact: z.enum(['none', 'minor', 'major', 'critical']).optional(),
  includeMaintenance: z.boolean().optional(),
});

const base = {
  id: channelIdSchema,
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  filter: channelFilterSchema.optional(),
};
const email = z.string().trim().min(3).max(320).regex(/^[^\s@<>]+@[^\s@<>]+$/, 'Not an email address');

/** `ChannelConfig` schema (no secrets). */
export const channelConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('slack') }),
  z.strictObject({ ...base, kind: z.literal('discord') }),
  z.strictObject({ ...base, kind: z.literal('teams') }),
  z.strictObject({ ...base, kind: z.literal('webhook'), url: httpUrl }),
  z.strictObject({
    ...base,
    kind: z.literal('email'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).optional(),
    security: z.enum(['starttls', 'tls', 'none']),
    username: z.string().min(1).max(320).optional(),
    from: email,
    to: z.array(email).min(1).max(50),
  }),
]);

/**
 * `ChannelSecrets` as the settings window sends them (strict keys; an empty string means "not entered"):
 * a chat webhook URL must be http(s); the others are opaque text.
 */
export const channelSecretsSchema = z.strictObject({
  url: z.union([z.literal(''), httpUrl]).optional(),
  signingSecret: z.string().max(4096).optional(),
  password: z.string().max(4096).optional(),
});

/** A secret as written in the config file: `env:NAME` or the value itself. */
const secretRef = z.string().min(1).max(4096);
const SECRET_FIELDS = ['url', 'signingSecret', 'password'] as const;

/** The headless file: channel entries may carry secret fields beside their configuration. */
const fileSchema = z.strictObject({
  channels: z.array(z.record(z.string(), z.unknown())).max(100),
});

/** A parsed headless channel file. */
export interface ChannelFile {
  channels: ChannelConfig[];
  secrets: SecretSource;
}

/**
 * Parse the headless channel file's JSON text, resolving `env:NAME` secrets from `env`.
 * @returns the channels and a secret source, or `{ error }` naming the first problem (never a secret value).
 */
export function parseChannelFile(text: string, env: Readonly<Record<string, string | undefined>>): ChannelFile | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'The channel file is not valid JSON.' };
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success) return { error: `The channel file must be {"channels": [...]}: ${file.error.issues[0]?.message ?? 'invalid'}` };
  const channels: ChannelConfig[] = [];
  const secrets = new Map<string, ChannelSecrets>();
  for (const [index, entry] of file.data.channels.entries()) {
    const label = typeof entry.id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(entry.id) ? `channel "${entry.id}"` : `channel #${index + 1}`;
    const kind = entry.kind;
    // Only chat webhooks keep their URL secret; the generic webhook's URL is configuration.
    const secretKeys = SECRET_FIELDS.filter((k) => !(k === 'url' && kind === 'webhook'));
    const configPart = Object.fromEntries(Object.entries(entry).filter(([k]) => !(secretKeys as readonly string[]).includes(k)));
    const parsed = channelConfigSchema.safeParse(configPart);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `${label}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}` };
    }
    if (channels.some((c) => c.id === parsed.data.id)) return { error: `${label}: the id is used twice.` };
    const resolved: ChannelSecrets = {};
    for (const key of secretKeys) {
      const ref = entry[key];
      if (ref === undefined) continue;
      if (!secretRef.safeParse(ref).success) return { error: `${label}: ${key} must be a string.` };
      const value = resolveSecret(ref as string, env);
      if (value === undefined) return { error: `${label}: ${key} names the environment variable ${(ref as string).slice(4)}, which is not set.` };
      resolved[key] = value;
    }
    if ((kind === 'slack' || kind === 'discord' || kind === 'teams') && (!resolved.url || !httpUrl.safeParse(resolved.url).success)) {
      return { error: `${label}: url (the webhook URL) is missing or not an http(s) URL.` };
    }
    channels.push(parsed.data as ChannelConfig);
    secrets.set(parsed.data.id, resolved);
  }
  return { channels, secrets: { get: async (id) => secrets.get(id) } };
}

function resolveSecret(ref: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (!ref.startsWith('env:')) return ref;
  const value = env[ref.slice(4)];
  return value === undefined || value === '' ? undefined : value;
}
