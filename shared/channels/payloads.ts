/**
 * Payload builders: one `Alert` → the body each service expects. Pure; every builder escapes the alert's plain
 * text for its own markup, so provider-controlled text cannot ping a channel or inject links.
 *
 * Formats (checked against the services' documentation):
 * - Slack incoming webhook: `{ text, blocks }`, `text` being the notification fallback; Block Kit `header`,
 *   `section` (mrkdwn) and `context` blocks. mrkdwn treats `&`, `<`, `>` as control characters
 *   (`<!channel>` pings everyone), so they are escaped as `&amp;`, `&lt;`, `&gt;`.
 * - Discord "Execute Webhook": `{ username, content, embeds, allowed_mentions }`; one embed (title ≤ 256,
 *   description ≤ 4096 characters, decimal `color`, ISO 8601 `timestamp`); `allowed_mentions.parse = []` so an
 *   `@everyone` in incident text pings nobody.
 * - Microsoft Teams Workflows ("Send webhook alerts to a channel"): `{ type: 'message', attachments: [{
 *   contentType: 'application/vnd.microsoft.card.adaptive', content: <AdaptiveCard 1.4> }] }`.
 * - Generic webhook: the documented `WebhookBody` below, signed by the sender (./senders.ts).
 * - Email: a subject and a plain-text body.
 */
import { healthLabel, INCIDENT_STATUS_LABEL } from '../presentation/health-text';
import type { Health } from '../domain/types';
import type { Alert } from './types';

const APP = 'Status Tray';

/** Sidebar/embed colours per health, RGB. */
const HEALTH_COLOR: Readonly<Record<Health, number>> = {
  operational: 0x2fb344,
  maintenance: 0x3b82f6,
  degraded: 0xf5c518,
  partial_outage: 0xf08c00,
  major_outage: 0xe03131,
  unknown: 0x868e96,
};

/** Adaptive Card TextBlock colours per health. */
const CARD_COLOR: Readonly<Record<Health, string>> = {
  operational: 'Good',
  maintenance: 'Accent',
  degraded: 'Warning',
  partial_outage: 'Warning',
  major_outage: 'Attention',
  unknown: 'Default',
};

/** What happened, in a few words: "New incident", "Resolved", "Health changed", "Test". */
export function alertHeadline(alert: Alert): string {
  switch (alert.type) {
    case 'incident.opened':
      return alert.maintenance ? 'Maintenance' : 'New incident';
    case 'incident.updated':
      return `Update: ${INCIDENT_STATUS_LABEL[alert.status ?? 'investigating']}`;
    case 'incident.resolved':
      return alert.maintenance ? 'Maintenance completed' : 'Resolved';
    case 'provider.health-changed':
      return alert.health === 'operational' ? 'Back to normal' : 'Health changed';
    case 'test':
      return 'Test';
  }
}

/** Name/value lines every format shows under the text. */
function facts(alert: Alert): Array<{ name: string; value: string }> {
  const out = [{ name: 'Health', value: healthLabel(alert.health) }];
  if (alert.status) out.push({ name: 'Status', value: INCIDENT_STATUS_LABEL[alert.status] });
  if (alert.type !== 'test' && alert.impact !== 'none') out.push({ name: 'Impact', value: alert.impact });
  out.push({ name: 'When', value: new Date(alert.at).toISOString() });
  return out;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Slack mrkdwn escaping (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack incoming-webhook body. */
export function slackPayload(alert: Alert): Record<string, unknown> {
  const fallback = `${alertHeadline(alert)} — ${alert.title}`;
  const context = facts(alert).map((f) => `*${f.name}:* ${escapeSlack(f.value)}`);
  if (alert.url) context.push(`<${escapeSlack(alert.url)}|Open status page>`);
  return {
    text: escapeSlack(cut(fallback, 300)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(fallback, 150), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(cut(alert.text || alert.title, 2900)) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context.join('  ·  ') }] },
    ],
  };
}

/** Discord markdown escaping: a backslash before each formatting character. */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|>#[\]()-])/g, '\\$1');
}

/** Discord execute-webhook body. */
export function discordPayload(alert: Alert): Record<string, unknown> {
  return {
    username: APP,
    content: '',
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: cut(`${alertHeadline(alert)} — ${alert.title}`, 256),
        description: escapeDiscord(cut(alert.text, 4000)),
        ...(alert.url ? { url: alert.url } : {}),
        color: HEALTH_COLOR[alert.health],
        timestamp: new Date(alert.at).toISOString(),
        fields: facts(alert).map((f) => ({ name: f.name, value: cut(f.value, 1024), inline: true })),
        footer: { text: APP },
      },
    ],
  };
}

/** Teams Workflows body: a message carrying one Adaptive Card (schema 1.4). */
export function teamsPayload(alert: Alert): Record<string, unknown> {
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: alertHeadline(alert), size: 'Small', isSubtle: true, wrap: true },
      { type: 'TextBlock', text: cut(alert.title, 300), weight: 'Bolder', size: 'Medium', color: CARD_COLOR[alert.health], wrap: true },
      { type: 'TextBlock', text: cut(alert.text, 2000), wrap: true },
      { type: 'FactSet', facts: facts(alert).map((f) => ({ title: f.name, value: f.value })) },
    ],
    ...(alert.url ? { actions: [{ type: 'Action.OpenUrl', title: 'Open status page', url: alert.url }] } : {}),
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

/**
 * The generic webhook's JSON body, version 1 (documented in README.md "Alert channels"). Times are ISO 8601
 * UTC. `id` is stable per event: receivers use it to drop a redelivery.
 */
export interface WebhookBody {
  version: 1;
  id: string;
  type: Alert['type'];
  at: string;
  source: { id: string; provider: string };
  health: Health;
  previousHealth: Health | null;
  impact: Alert['impact'];
  maintenance: boolean;
  incident: { id: string; title: string; status: string; previousStatus: string | null } | null;
  title: string;
  text: string;
  url: string | null;
}

/** Generic webhook body. */
export function webhookBody(alert: Alert): WebhookBody {
  return {
    version: 1,
    id: alert.id,
    type: alert.type,
    at: new Date(alert.at).toISOString(),
    source: { id: alert.sourceId, provider: alert.provider },
    health: alert.health,
    previousHealth: alert.previousHealth ?? null,
    impact: alert.impact,
    maintenance: alert.maintenance,
    incident:
      alert.incidentId !== undefined
        ? { id: alert.incidentId, title: alert.incidentTitle ?? '', status: alert.status ?? 'investigating', previousStatus: alert.previousStatus ?? null }
        : null,
    title: alert.title,
    text: alert.text,
    url: alert.url ?? null,
  };
}

/** Email subject and plain-text body. */
export function emailContent(alert: Alert): { subject: string; text: string } {
  const lines = [alert.title, '', alert.text, '', ...facts(alert).map((f) => `${f.name}: ${f.value}`)];
  if (alert.url) lines.push(`Status page: ${alert.url}`);
  lines.push('', `— ${APP}`);
  // A subject is one header line: no CR/LF may reach it (nodemailer folds, but be explicit).
  const subject = cut(`[${APP}] ${alertHeadline(alert)}: ${alert.title}`.replace(/[\r\n]+/g, ' '), 200);
  return { subject, text: lines.join('\n') };
}
