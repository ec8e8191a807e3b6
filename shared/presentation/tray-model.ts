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

/** Healths that mean something is wrong: on macOS only these add a coloured badge to the template glyph. */
export type TroubleHealth = 'degraded' | 'partial_outage' | 'major_outage';

/**
 * Tray icon files (`build/tray/<name>.png` and `<name>@2x.png`, made by `npm run icons`):
 * - Windows and Linux: a colour disc per health, `tray-<health>`, and `tray-paused`;
 * - macOS: monochrome template images the system tints for light and dark menu bars (`…Template`, the name
 *   suffix macOS and Electron treat as a template), and for trouble the same glyph with a coloured badge,
 *   drawn for a light or a dark menu bar (`trayBadge-<health>-light|dark`; a coloured image cannot be a
 *   template).
 */
export type TrayIconName =
  | `tray-${Health}`
  | 'tray-paused'
  | 'trayTemplate'
  | 'trayUnknownTemplate'
  | 'trayMaintenanceTemplate'
  | 'trayPausedTemplate'
  | `trayBadge-${TroubleHealth}-${'light' | 'dark'}`;

/** Which icon, its main colour (CSS hex; the drawn fallback dot when a file is missing), and whether it is a template. */
export interface TrayIcon {
  name: TrayIconName;
  colour: string;
  /** A macOS template image: `setTemplateImage(true)`, tinted by the system. */
  template: boolean;
}

/** Where the icon is drawn. */
export interface TrayLook {
  /** `process.platform`; `darwin` gets template images. */
  platform: string;
  /** macOS menu bar is dark (`nativeTheme.shouldUseDarkColors`); picks the badge image's glyph colour. */
  darkMenuBar?: boolean;
}

const COLOURS: Readonly<Record<Health | 'paused', string>> = {
  operational: '#2da44e',
  maintenance: '#0969da',
  degraded: '#d4a72c',
  partial_outage: '#e16f24',
  major_outage: '#cf222e',
  unknown: '#8c959f',
  // Violet: not the grey of "unknown", and no health colour, so a pause never reads as a state.
  paused: '#8250df',
};

const TROUBLE: ReadonlySet<Health> = new Set<Health>(['degraded', 'partial_outage', 'major_outage']);

/**
 * Icon for the overall state (docs/popover-window.md, "Icons").
 * - Windows/Linux: green operational, blue maintenance, yellow degraded, orange partial outage, red major
 *   outage, grey unknown, each with its own glyph; violet `tray-paused` while polling is paused (the health
 *   would be stale).
 * - macOS: a template glyph (operational), a dimmed one (unknown), a clock (maintenance) or pause bars
 *   (paused), all tinted by the system; for degraded, partial and major outage the glyph with a coloured
 *   badge, drawn for the menu bar's light or dark appearance.
 * @param look defaults to a non-macOS look.
 */
export function trayIcon(overall: Health, paused: boolean, look: TrayLook = { platform: 'linux' }): TrayIcon {
  if (look.platform !== 'darwin') {
    return paused ? { name: 'tray-paused', colour: COLOURS.paused, template: false } : { name: `tray-${overall}`, colour: COLOURS[overall], template: false };
  }
  if (paused) return { name: 'trayPausedTemplate', colour: COLOURS.paused, template: true };
  if (TROUBLE.has(overall)) {
    const trouble = overall as TroubleHealth;
    return { name: `trayBadge-${trouble}-${look.darkMenuBar ? 'dark' : 'light'}`, colour: COLOURS[trouble], template: false };
  }
  if (overall === 'maintenance') return { name: 'trayMaintenanceTemplate', colour: COLOURS.maintenance, template: true };
  if (overall === 'unknown') return { name: 'trayUnknownTemplate', colour: COLOURS.unknown, template: true };
  return { name: 'trayTemplate', colour: COLOURS.operational, template: true };
}

/** What a menu item does when clicked; `electron/tray.ts` dispatches on `type`. */
export type TrayAction =
  /** Show the tray popover (left-click on the icon toggles it instead; electron/tray.ts). */
  | { type: 'open-popover' }
  /** Show the popover scrolled to and focused on one provider. */
  | { type: 'show-provider'; sourceId: string }
  /** The full status window. */
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
  /** Platform and menu-bar appearance, for the icon (default: a non-macOS look). */
  look?: TrayLook;
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
      action: { type: 'show-provider', sourceId: s.id },
      items: snoozeMenu(s.id, s.name, isSnoozed(snooze, now, openIds), openIds.length > 0),
    });
  }
  if (items.length > 0) items.push({ kind: 'separator' });
  const missed = input.missedAlerts ?? 0;
  items.push({ kind: 'action', label: missed > 0 ? `Open Status Tray (${missed} missed)` : 'Open Status Tray', action: { type: 'open-popover' }, enabled: true });
  items.push({ kind: 'action', label: 'Open Full Window', action: { type: 'open-window' }, enabled: true });
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

/**
 * A provider's submenu: show it in the popover, snooze for 1 h / 8 h / 24 h / until resolved, end the snooze.
 * (A menu item with a submenu cannot itself be clicked on macOS or Windows, so "Show" leads the submenu.)
 */
function snoozeMenu(sourceId: string, name: string, snoozed: boolean, hasOpenIncident: boolean): TrayMenuItem[] {
  const snooze = (request: SnoozeRequest | null): TrayAction => ({ type: 'snooze-source', sourceId, request });
  return [
    { kind: 'action', label: `Show ${name}`, action: { type: 'show-provider', sourceId }, enabled: true },
    { kind: 'separator' },
    ...SNOOZE_HOURS.map((hours): TrayMenuItem => ({ kind: 'action', label: `Snooze ${hours} h`, action: snooze({ hours }), enabled: true })),
    { kind: 'action', label: 'Snooze until resolved', action: snooze({ untilResolved: true }), enabled: hasOpenIncident },
    { kind: 'action', label: 'End snooze', action: snooze(null), enabled: snoozed },
  ];
}

/** Icon, tooltip and menu in one call. */
export function buildTrayModel(input: TrayModelInput): TrayModel {
  return { icon: trayIcon(input.engine.overall, input.engine.paused, input.look), tooltip: trayTooltip(input), menu: trayMenu(input) };
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
