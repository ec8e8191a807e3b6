/**
 * Which way the status page is shown, from its address: `?view=popover` is the compact tray popover, anything
 * else the full window (docs/popover.md). The same React app renders both.
 */
export type StatusView = 'popover' | 'full';

/** The view named by a query string such as `location.search`. */
export function viewFromSearch(search: string): StatusView {
  return new URLSearchParams(search).get('view') === 'popover' ? 'popover' : 'full';
}
