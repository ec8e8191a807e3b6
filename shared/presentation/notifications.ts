/**
 * Notification policy: which engine events become toasts, with what words. Pure: the caller passes the
 * events of one cycle, the settings in force, the time, and a rate limiter it keeps between cycles.
 * Rules: docs/http-and-faults.md, "Notifications" (rows 46–50); docs/architecture.md, "Rules the engine keeps" 3 and 4.
 * The noise rules (snooze, maintenance, quiet hours, "tell me when it's fixed") are in ../noise/policy.ts.
 */
import type { EngineEvent, HealthChangedEvent, SourceBaselinedEvent } from '../engine/events';
import type { Incident } from '../domain/types';
import type { NotifyLevel } from '../domain/source';
import { healthChangeVerdict, incidentVerdict, isWatchedFix, levelAllows, type QuietNow, type SourceNoise, type Verdict } from '../noise/policy';
import type { HeldNotification } from '../domain/noise';
import { describeChanges } from '../noise/what-changed';
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
  /** Buttons the OS may offer (macOS): open the page or window, snooze this provider for an hour. */
  actions?: ToastAction[];
}

/** A toast button: `open` as a click, `snooze-1h` snoozes the toast's provider for one hour. */
export type ToastAction = 'open' | 'snooze-1h';

/** What to show for one cycle, and how many toasts were dropped for the rate limit. */
export interface NotificationPlan {
  toasts: Toast[];
  /** Toasts not shown because the per-minute limit was already used up. */
  dropped: number;
  /** Kept back for the quiet-hours summary (the caller persists them). */
  held: HeldNotification[];
  /** Watched incidents that resolved in this cycle: their "tell me when it's fixed" is used up. */
  fixed: { sourceId: string; incidentId: string }[];
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
  /** Snooze, maintenance toggle and watches per source; absent: not snoozed, no maintenance, no watches. */
  noise?: (sourceId: string) => Omit<SourceNoise, 'level'>;
  /** Quiet hours now; absent: not quiet. */
  quiet?: QuietNow;
}

/** Body length cap, characters. */
export const BODY_MAX = 200;
/** More events than this in one cycle collapse into one summary toast. */
export const COALESCE_ABOVE = 3;
/** Toasts per minute, across cycles. */
export const RATE_LIMIT_PER_MINUTE = 5;

export { levelAllows };

/**
 * Decide the toasts for one cycle of engine events.
 * - Paused → nothing (a watched fix is still used up). Each event goes through the noise rules
 *   (../noise/policy.ts): notify, hold for the quiet-hours summary, or drop.
 * - Incident opened/updated/resolved → one toast each. `provider.health-changed` → a toast only when it names
 *   what changed ("GitHub — Partial outage: Actions degraded") and no incident event of that provider came
 *   in the same cycle.
 * - `source.baselined` → never per-incident toasts; all baselines of the cycle together give at most one
 *   summary ("3 open incidents at GitHub"), none when `quietBaselines`, for quiet re-baselines or snoozed
 *   providers.
 * - More than `COALESCE_ABOVE` toasts → one summary. Then the rate limiter: when it has room for fewer
 *   toasts than planned, the last allowed one becomes a summary of the rest; with no room they are dropped
 *   and counted.
 */
export function planNotifications(events: readonly EngineEvent[], ctx: NotificationContext): NotificationPlan {
  const noiseOf = (id: string): SourceNoise => ({
    level: ctx.notifyLevel(id),
    ...(ctx.noise?.(id) ?? { snoozed: false, notifyMaintenance: false, fixWatches: [] }),
  });
  const quiet = ctx.quiet ?? { active: false, criticalAlwaysNotifies: true };
  const fixed: NotificationPlan['fixed'] = [];
  for (const event of events) {
    if ('incident' in event && isWatchedFix(event.type, event.incident, noiseOf(event.sourceId))) fixed.push({ sourceId: event.sourceId, incidentId: event.incident.id });
  }
  if (ctx.pausedUntil !== null && ctx.pausedUntil > ctx.now) return { toasts: [], dropped: 0, held: [], fixed };
  const candidates: Toast[] = [];
  const held: HeldNotification[] = [];
  const baselines: SourceBaselinedEvent[] = [];
  const withIncidents = new Set(events.filter((e) => 'incident' in e).map((e) => e.sourceId));
  const route = (verdict: Verdict, toast: Toast) => {
    if (verdict === 'notify') candidates.push(toast);
    else if (verdict === 'hold') held.push(heldOf(toast, ctx.now));
  };
  for (const event of events) {
    if (event.type === 'source.baselined') {
      if (!event.quiet && !noiseOf(event.sourceId).snoozed) baselines.push(event);
    } else if (event.type === 'provider.health-changed') {
      route(healthChangeVerdict(event, noiseOf(event.sourceId), quiet, withIncidents.has(event.sourceId)), healthToast(event));
    } else {
      route(incidentVerdict(event.type, event.incident, noiseOf(event.sourceId), quiet), incidentToast(event));
    }
  }
  if (!ctx.quietBaselines) {
    const summary = baselineSummary(baselines, ctx.notifyLevel);
    if (summary) route(quiet.active ? 'hold' : 'notify', summary);
  }
  const planned = candidates.length > COALESCE_ABOVE ? [summaryToast(candidates)] : candidates;
  if (planned.length === 0) return { toasts: [], dropped: 0, held, fixed };
  const room = ctx.limiter.remaining(ctx.now);
  if (room === 0) return { toasts: [], dropped: planned.length, held, fixed };
  const toasts = planned.length <= room ? planned : [...planned.slice(0, room - 1), summaryToast(planned.slice(room - 1))];
  for (let i = 0; i < toasts.length; i++) ctx.limiter.take(ctx.now);
  return { toasts, dropped: 0, held, fixed };
}

/** A toast kept for the quiet-hours summary: who, and one line of what. */
function heldOf(toast: Toast, now: number): HeldNotification {
  const what = toast.title.includes(' — ') ? toast.title.slice(toast.title.indexOf(' — ') + 3) : toast.title;
  const headline = plainText(toast.headline ? `${what}: ${toast.headline}` : toast.body || what, 400);
  return { ...(toast.sourceId ? { sourceId: toast.sourceId } : {}), ...(toast.provider ? { provider: toast.provider } : {}), headline, at: now };
}

/**
 * The one notification when quiet hours end: "While notifications were held: 3 updates", providers with their
 * counts and the newest line. `undefined` when nothing was held.
 */
export function quietSummaryToast(held: readonly HeldNotification[]): Toast | undefined {
  if (held.length === 0) return undefined;
  const byProvider = new Map<string, HeldNotification[]>();
  for (const h of held) {
    const key = h.provider ?? 'Status Tray';
    byProvider.set(key, [...(byProvider.get(key) ?? []), h]);
  }
  const newest = [...held].sort((a, b) => b.at - a.at)[0]!;
  const parts = [...byProvider.entries()].sort((a, b) => b[1].length - a[1].length).map(([p, list]) => `${p} (${list.length})`);
  const single = byProvider.size === 1 && newest.sourceId !== undefined;
  return {
    id: `summary|quiet|${held.length}|${newest.at}`,
    title: `While notifications were held: ${held.length} update${held.length === 1 ? '' : 's'}`,
    body: plainText(`${parts.join(', ')} — latest: ${newest.provider ? `${newest.provider}: ` : ''}${newest.headline}`, BODY_MAX),
    ...(single ? { sourceId: newest.sourceId!, ...(newest.provider ? { provider: newest.provider } : {}), actions: ['open', 'snooze-1h'] as ToastAction[] } : {}),
  };
}

/** Title "Provider — Health", with what changed when the poll saw component changes ("…: Actions degraded"). */
function titleOf(provider: string, event: EngineEvent): string {
  const what = describeChanges(event.changes ?? []);
  return plainText(what ? `${provider} — ${healthLabel(event.health)}: ${what}` : `${provider} — ${healthLabel(event.health)}`, 120);
}

/** Toast for a health change that names what changed; body: the newest update of an open incident, if any. */
export function healthToast(event: HealthChangedEvent): Toast {
  const provider = plainText(event.provider, 60);
  const what = describeChanges(event.changes ?? []);
  return {
    id: `${event.sourceId}|health|${event.health}|${event.at}`,
    title: titleOf(provider, event),
    body: plainText(`Was ${healthLabel(event.previousHealth).toLowerCase()}. ${what ? `${what.charAt(0).toUpperCase()}${what.slice(1)}.` : ''}`, BODY_MAX),
    sourceId: event.sourceId,
    provider,
    headline: what || healthLabel(event.health),
    actions: ['open', 'snooze-1h'],
  };
}

type IncidentEvent = Extract<EngineEvent, { incident: Incident }>;


/**
 * Toast for one incident event: title "Provider — Health[: what changed]", body "[Status: ]title — latest
 * update", with Open and Snooze 1 h actions.
 */
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
    title: titleOf(provider, event),
    body,
    sourceId: event.sourceId,
    provider,
    headline: `${lead}${title}`,
    actions: ['open', 'snooze-1h'],
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
