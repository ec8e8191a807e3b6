import { formatAbsolute, timeAgo } from './time';

/**
 * A past time as "12 min ago" (with an optional lead word, "updated 12 min ago"), its absolute date, time and
 * time zone in the tooltip; `focusable` makes it a tab stop whose focus shows the same (docs/popover.md,
 * "Times"). Renders nothing for an invalid time.
 */
export function RelativeTime({ at, now, lead, focusable = false }: { at: number | string; now: number; lead?: string; focusable?: boolean }) {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return null;
  const absolute = formatAbsolute(ms);
  return (
    <time dateTime={new Date(ms).toISOString()} title={absolute} data-absolute={absolute} {...(focusable ? { tabIndex: 0 } : {})}>
      {lead ? `${lead} ${timeAgo(ms, now)}` : timeAgo(ms, now)}
    </time>
  );
}
