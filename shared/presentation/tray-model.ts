/**
 * What the tray shows, as plain data: icon, tooltip and context menu. Pure; `electron/tray.ts` turns it
 * into a `Tray` image, `setToolTip` and a `Menu`. Colours: docs/architecture.md, "Vocabulary".
 */
import type { EngineSnapshot } from '../engine/api';
import type { SaveError } from '../engine/save-error';
import { saveErrorText } from './text';
import type { Health } from '../domain/types';
import type { AppSettings } from '../domain/settings';
import { healthLabel, healthWords } from './health-text';
import { describeSnooze, isSnoozed } from '../noise/snooze';
import { SNOOZE_HOURS, type SnoozeRequest } from '../domain/noise';

/** Tray icon variants, one per health: files `build/tray/<name>.png` and `<name>@2x.png`. */
export type TrayIconName = `tray-${Health}`;

/** Icon name and its colour (CSS hex) for the overall state. */
export interface TrayIcon {
  name: TrayIconName;
  colour: string;
}

const ICONS: Readonly<Record<Health, TrayIcon>> = {
  operational: { name: 'tray-operational', colour: '#2da44e' },
  maintenance: { name: 'tray-maintenance', colour: '#0969da' },
  degraded: { name: 'tray-degraded', colour: '#d4a72c' },
  partial_outage: { name: 'tray-partial_outage', colour: '#e16f24' },
  major_outage: { name: 'tray-major_outage', colour: '#cf222e' },
  unknown: { name: 'tray-unknown', colour: '#8c959f' },
};

/**
 * Icon for the overall state: green operational, blue maintenance, yellow degraded, orange partial outage,
 * red major outage, grey unknown — and grey while polling is paused (the colour would be stale).
 */
export function trayIcon(overall: Health, paused: boolean): TrayIcon {
  return paused ? ICONS.unknown : ICONS[overall];
}

/** What a menu item does when clicked; `electron/tray.ts` dispatches on `type`. */
export type TrayAction =
  | { type: 'open-window' }
  | { type: 'check-now' }
  /** `until` in ms since epoch; `null` resumes notifications. */
  | { type: 'pause-notifications'; until: number | null }
  | { type: 'open-settings' }
  /** Snooze one provider; `request: null` ends its snooze. */
  | { type: 'snooze-source'; sourceId: string; request: SnoozeRequest | null }
  | { type: 'toggle-launch-at-login' }
  | { type: 'check-updates' }
  | { type: 'quit' };

/** One context-menu entry. */
export type TrayMenuItem =
  /** A provider; with `items` it opens a submenu (open, snooze) instead of acting on click. */
  | { kind: 'provider'; sourceId: string; label: string; health: Health; action: TrayAction; items?: TrayMenuItem[] }
  | { kind: 'action'; label: string; action: TrayAction; enabled: boolean }
  | { kind: 'checkbox'; label: string; action: TrayAction; checked: boolean }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] }
  | { kind: 'separator' };

/** Everything the tray shows. */
export interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

/** Input to `buildTrayModel`. */
export interface TrayModelInput {
  engine: EngineSnapshot;
  settings: AppSettings;
  /** Current time, ms since epoch (decides whether the notification pause is still in force). */
  now: number;
  /** Notifications that could not be shown (system notifications failed); shown in tooltip and menu. */
  missedAlerts?: number;
  /** Auto-update state; when given, the menu has "Check for Updates…" (disabled when updates are off). */
  updates?: { enabled: boolean };
}

/** Windows truncates tray tooltips at 127 characters; stay under it on every platform. */
const TOOLTIP_MAX = 120;
const HOUR_MS = 3_600_000;

/**
 * Tooltip: the enabled providers that are not operational, worst first ("GitHub: partial outage · OpenAI:
 * degraded"), "All systems operational" when none are, with notes for a polling pause, a notification pause
 * and missed alerts. Cut to ~120 characters with "+N more". While the state cannot be saved, the first line
 * is "Cannot save to <path>: <reason>" (the path cut from the left to fit), and the rest follows when it fits.
 */
export function trayTooltip(input: TrayModelInput): string {
  const health = healthTooltip(input);
  if (!input.engine.saveError) return health;
  const save = saveLine(input.engine.saveError);
  const both = `${save}\n${health}`;
  return both.length <= TOOLTIP_MAX ? both : save;
}

/** "Cannot save to <path>: <reason>" within TOOLTIP_MAX, keeping the end of the path (the file name). */
function saveLine(error: SaveError): string {
  const full = saveErrorText(error);
  if (full.length <= TOOLTIP_MAX) return full;
  const room = Math.max(12, TOOLTIP_MAX - saveErrorText({ path: '…', reason: error.reason }).length);
  return saveErrorText({ path: `…${error.path.slice(-room)}`, reason: error.reason }).slice(0, TOOLTIP_MAX);
}

function healthTooltip(input: TrayModelInput): string {
  const { engine } = input;
  const enabled = engine.sources.filter((s) => s.enabled);
  const troubled = enabled.filter((s) => s.health !== 'operational');
  let text: string;
  if (enabled.length === 0) text = 'Status Tray: no status pages watched';
  else if (troubled.length === 0) text = 'All systems operational';
  else text = joinWithinLimit(troubled.map((s) => `${s.name}: ${healthWords(s.health)}`), TOOLTIP_MAX - 30);
  const notes: string[] = [];
  if (engine.paused) notes.push('checks paused');
  if (notificationsPaused(input.settings, input.now)) notes.push('notifications paused');
  if (input.missedAlerts && input.missedAlerts > 0) notes.push(`${input.missedAlerts} missed alert${input.missedAlerts === 1 ? '' : 's'}`);
  return notes.length > 0 ? `${text} (${notes.join(', ')})` : text;
}

/** True while `notificationsPausedUntil` lies in the future. */
export function notificationsPaused(settings: AppSettings, now: number): boolean {
  return settings.notificationsPausedUntil !== null && settings.notificationsPausedUntil > now;
}

/**
 * The next calendar day's `hour`:00 in the local time zone of this process, as ms since epoch. Uses the
 * calendar (not +24 h), so it stays right across daylight-saving changes.
 */
export function tomorrowAtLocal(now: number, hour = 8): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

/** The tray context menu: providers with their health, then the app's actions. */
export function trayMenu(input: TrayModelInput): TrayMenuItem[] {
  const { engine, settings, now } = input;
  const items: TrayMenuItem[] = [];
  const configured = new Map(settings.sources.map((s) => [s.id, s]));
  for (const s of engine.sources) {
    if (!s.enabled) continue;
    const openIds = s.status?.activeIncidents.map((i) => i.id) ?? [];
    const snooze = configured.get(s.id)?.snooze;
    const snoozed = describeSnooze(snooze, now, openIds, (at) => formatLocalTime(at, now));
    items.push({
      kind: 'provider',
      sourceId: s.id,
      label: `${s.name} — ${healthLabel(s.health)}${snoozed ? ` (${snoozed.toLowerCase()})` : ''}`,
      health: s.health,
      action: { type: 'open-window' },
      items: snoozeMenu(s.id, isSnoozed(snooze, now, openIds), openIds.length > 0),
    });
  }
  if (items.length > 0) items.push({ kind: 'separator' });
  const missed = input.missedAlerts ?? 0;
  items.push({ kind: 'action', label: missed > 0 ? `Open Status Tray (${missed} missed)` : 'Open Status Tray', action: { type: 'open-window' }, enabled: true });
  items.push({ kind: 'action', label: 'Check now', action: { type: 'check-now' }, enabled: engine.sources.some((s) => s.enabled) });
  const paused = notificationsPaused(settings, now);
  items.push({
    kind: 'submenu',
    label: paused ? `Notifications paused until ${formatLocalTime(settings.notificationsPausedUntil as number, now)}` : 'Pause notifications',
    items: [
      { kind: 'action', label: 'For 1 hour', action: { type: 'pause-notifications', until: now + HOUR_MS }, enabled: true },
      { kind: 'action', label: 'For 4 hours', action: { type: 'pause-notifications', until: now + 4 * HOUR_MS }, enabled: true },
      { kind: 'action', label: 'Until tomorrow 08:00', action: { type: 'pause-notifications', until: tomorrowAtLocal(now) }, enabled: true },
      { kind: 'action', label: 'Resume notifications', action: { type: 'pause-notifications', until: null }, enabled: paused },
    ],
  });
  items.push({ kind: 'separator' });
  items.push({ kind: 'action', label: 'Settings…', action: { type: 'open-settings' }, enabled: true });
  items.push({ kind: 'checkbox', label: 'Launch at login', action: { type: 'toggle-launch-at-login' }, checked: settings.launchAtLogin });
  if (input.updates) items.push({ kind: 'action', label: 'Check for Updates…', action: { type: 'check-updates' }, enabled: input.updates.enabled });
  items.push({ kind: 'separator' });
  items.push({ kind: 'action', label: 'Quit Status Tray', action: { type: 'quit' }, enabled: true });
  return items;
}

/** A provider's submenu: open the window, snooze for 1 h / 8 h / 24 h / until resolved, end the snooze. */
function snoozeMenu(sourceId: string, snoozed: boolean, hasOpenIncident: boolean): TrayMenuItem[] {
  const snooze = (request: SnoozeRequest | null): TrayAction => ({ type: 'snooze-source', sourceId, request });
  return [
    { kind: 'action', label: 'Open Status Tray', action: { type: 'open-window' }, enabled: true },
    { kind: 'separator' },
    ...SNOOZE_HOURS.map((hours): TrayMenuItem => ({ kind: 'action', label: `Snooze ${hours} h`, action: snooze({ hours }), enabled: true })),
    { kind: 'action', label: 'Snooze until resolved', action: snooze({ untilResolved: true }), enabled: hasOpenIncident },
    { kind: 'action', label: 'End snooze', action: snooze(null), enabled: snoozed },
  ];
}

/** Icon, tooltip and menu in one call. */
export function buildTrayModel(input: TrayModelInput): TrayModel {
  return { icon: trayIcon(input.engine.overall, input.engine.paused), tooltip: trayTooltip(input), menu: trayMenu(input) };
}

/** Join parts with " · ", stopping before `max` characters and saying how many were left out. */
function joinWithinLimit(parts: string[], max: number): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const next = out === '' ? parts[i]! : `${out} · ${parts[i]!}`;
    const rest = parts.length - i - 1;
    const suffix = rest > 0 ? ` · +${rest} more` : '';
    if (next.length + suffix.length > max && out !== '') return `${out} · +${parts.length - i} more`;
    out = next;
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** "14:30" for today, "Tue 08:00" otherwise, in local time. */
function formatLocalTime(at: number, now: number): string {
  const d = new Date(at);
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (new Date(now).toDateString() === d.toDateString()) return hm;
  return `${d.toLocaleDateString('en-GB', { weekday: 'short' })} ${hm}`;
}
