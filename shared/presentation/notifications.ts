/**
 * Notification policy: which engine events become toasts, with what words. Pure: the caller passes the
 * events of one cycle, the settings in force, the time, and a rate limiter it keeps between cycles.
 * Rules: docs/http-and-faults.md, "Notifications" (rows 46–50); docs/architecture.md, "Rules the engine keeps" 3 and 4.
 */
import type { EngineEvent, SourceBaselinedEvent } from '../engine/events';
import type { Incident } from '../domain/types';
import type { NotifyLevel } from '../domain/source';
import { healthLabel, INCIDENT_STATUS_LABEL } from './health-text';
import { isHttpUrl } from '../domain/url';
import { plainText } from './text';
import type { RateLimiter } from './rate-limiter';

/** One toast to show. */
export interface Toast {
  /** Stable key `sourceId|incidentId|status` (or `summary|…`), so platforms can replace rather than stack. */
  id: string;
  /** "Provider — Health", e.g. "GitHub — Partial outage". */
  title: string;
  /** Plain text, at most `BODY_MAX` characters. */
  body: string;
  /** Opened on click; http(s) only. Without it a click opens the main window. */
  url?: string;
  /** Source the toast is about; absent for summaries spanning several. */
  sourceId?: string;
  /** Provider display name, when the toast is about one provider. */
  provider?: string;
  /** The incident title alone, for summaries and fallbacks. */
  headline?: string;
}

/** What to show for one cycle, and how many toasts were dropped for the rate limit. */
export interface NotificationPlan {
  toasts: Toast[];
  /** Toasts not shown because the per-minute limit was already used up. */
  dropped: number;
}

/** Input to `planNotifications`. */
export interface NotificationContext {
  /** Per-source notify level; sources not listed notify at `all`. */
  notifyLevel: (sourceId: string) => NotifyLevel;
  /** Notifications paused until this time (ms since epoch), or null. */
  pausedUntil: number | null;
  /** Current time, ms since epoch. */
  now: number;
  /** Shared across cycles: at most `RATE_LIMIT_PER_MINUTE` toasts a minute. */
  limiter: RateLimiter;
  /**
   * True to drop the `source.baselined` summary: after the store recovered from corruption every source
   * baselines again, and row 43 of docs/http-and-faults.md wants no toasts then.
   */
  quietBaselines?: boolean;
}

/** Body length cap, characters. */
export const BODY_MAX = 200;
/** More events than this in one cycle collapse into one summary toast. */
export const COALESCE_ABOVE = 3;
/** Toasts per minute, across cycles. */
export const RATE_LIMIT_PER_MINUTE = 5;

/** True when the level lets this incident notify: `all`, or `major` for major/critical impact only. */
export function levelAllows(level: NotifyLevel, incident: Incident): boolean {
  if (level === 'none') return false;
  if (level === 'major') return incident.impact === 'major' || incident.impact === 'critical';
  return true;
}

/**
 * Decide the toasts for one cycle of engine events.
 * - Paused → nothing. `provider.health-changed` alone → nothing (the tray shows it).
 * - Incident opened/updated/resolved → one toast each, filtered by the source's notify level.
 * - `source.baselined` → never per-incident toasts; all baselines of the cycle together give at most one
 *   summary ("3 open incidents at GitHub"), none when `quietBaselines`.
 * - More than `COALESCE_ABOVE` toasts → one summary. Then the rate limiter: when it has room for fewer
 *   toasts than planned, the last allowed one becomes a summary of the rest; with no room they are dropped
 *   and counted.
 */
export function planNotifications(events: readonly EngineEvent[], ctx: NotificationContext): NotificationPlan {
  if (ctx.pausedUntil !== null && ctx.pausedUntil > ctx.now) return { toasts: [], dropped: 0 };
  const candidates: Toast[] = [];
  const baselines: SourceBaselinedEvent[] = [];
  for (const event of events) {
    if (event.type === 'source.baselined') baselines.push(event);
    else if (event.type !== 'provider.health-changed' && levelAllows(ctx.notifyLevel(event.sourceId), event.incident)) {
      candidates.push(incidentToast(event));
    }
  }
  if (!ctx.quietBaselines) {
    const summary = baselineSummary(baselines, ctx.notifyLevel);
    if (summary) candidates.push(summary);
  }
  const planned = candidates.length > COALESCE_ABOVE ? [summaryToast(candidates)] : candidates;
  if (planned.length === 0) return { toasts: [], dropped: 0 };
  const room = ctx.limiter.remaining(ctx.now);
  if (room === 0) return { toasts: [], dropped: planned.length };
  const toasts = planned.length <= room ? planned : [...planned.slice(0, room - 1), summaryToast(planned.slice(room - 1))];
  for (let i = 0; i < toasts.length; i++) ctx.limiter.take(ctx.now);
  return { toasts, dropped: 0 };
}

type IncidentEvent = Extract<EngineEvent, { incident: Incident }>;


/** Toast for one incident event: title "Provider — Health", body "[Status: ]title — latest update". */
export function incidentToast(event: IncidentEvent): Toast {
  const { incident } = event;
  const latest = incident.updates[0]?.text ?? '';
  const lead = event.type === 'incident.opened' ? '' : `${INCIDENT_STATUS_LABEL[incident.status]}: `;
  const title = plainText(incident.title, 120);
  const update = plainText(latest, BODY_MAX);
  const body = plainText(update ? `${lead}${title} — ${update}` : `${lead}${title}`, BODY_MAX);
  const provider = plainText(event.provider, 60);
  const toast: Toast = {
    id: `${event.sourceId}|${incident.id}|${incident.status}`,
    title: `${provider} — ${healthLabel(event.health)}`,
    body,
    sourceId: event.sourceId,
    provider,
    headline: `${lead}${title}`,
  };
  if (incident.url && isHttpUrl(incident.url)) toast.url = incident.url;
  return toast;
}

/** One summary for all first polls of a cycle, counting the open incidents the notify levels allow. */
function baselineSummary(events: SourceBaselinedEvent[], level: (id: string) => NotifyLevel): Toast | undefined {
  const counted = events
    .map((e) => ({ e, n: e.openIncidents.filter((i) => levelAllows(level(e.sourceId), i)).length }))
    .filter((x) => x.n > 0);
  if (counted.length === 0) return undefined;
  const total = counted.reduce((sum, x) => sum + x.n, 0);
  const names = counted.map((x) => plainText(x.e.provider, 60));
  const first = counted[0]!.e;
  const title = counted.length === 1 ? `${names[0]!} — ${healthLabel(first.health)}` : 'Status Tray';
  const where = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return {
    id: `summary|baseline|${counted.map((x) => x.e.sourceId).join(',')}`,
    title,
    body: plainText(`${total} open incident${total === 1 ? '' : 's'} at ${where}`, BODY_MAX),
    ...(counted.length === 1 ? { sourceId: first.sourceId, provider: names[0]! } : {}),
  };
}

/**
 * One toast standing for several. One provider: its title ("GitHub — Major outage") and the incident titles;
 * several: "N status updates" and the providers involved, most first.
 */
function summaryToast(toasts: Toast[]): Toast {
  const byProvider = new Map<string, Toast[]>();
  for (const t of toasts) {
    const key = t.provider ?? t.title;
    byProvider.set(key, [...(byProvider.get(key) ?? []), t]);
  }
  const id = `summary|${toasts.map((t) => t.id).join(';')}`.slice(0, 256);
  if (byProvider.size === 1) {
    const first = toasts[0]!;
    const titles = toasts.map((t) => t.headline ?? t.body);
    return {
      id,
      title: first.title,
      body: plainText(`${toasts.length} updates: ${titles.join('; ')}`, BODY_MAX),
      ...(first.provider ? { provider: first.provider } : {}),
      ...(first.sourceId ? { sourceId: first.sourceId } : {}),
    };
  }
  const parts = [...byProvider.entries()].sort((a, b) => b[1].length - a[1].length).map(([p, list]) => `${p} (${list.length})`);
  return { id, title: `${toasts.length} status updates`, body: plainText(parts.join(', '), BODY_MAX) };
}
