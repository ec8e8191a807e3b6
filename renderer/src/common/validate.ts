/**
 * Input checks the settings window runs before calling main (main validates again; these give instant feedback).
 * The limits equal shared/app/settings.ts's; they are not imported from there because that module brings zod
 * into the page.
 */

/** Minimum poll interval, seconds: status pages update at minute resolution, and faster polling is rude. */
export const MIN_INTERVAL_SECONDS = 60;
/** Maximum poll interval the UI offers, seconds (one day). */
export const MAX_INTERVAL_SECONDS = 86_400;

/**
 * Checks a typed status page address.
 * @returns the trimmed URL, or an error sentence saying what to fix (empty, not a URL, not http(s)).
 */
export function checkSourceUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the address of a status page, e.g. https://www.githubstatus.com.' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, message: 'That is not a web address. It should start with https:// (or http://).' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, message: `Only http and https addresses can be watched, not ${parsed.protocol.replace(/:$/, '')}.` };
  }
  if (!parsed.hostname) return { ok: false, message: 'The address needs a host name.' };
  return { ok: true, url: text };
}

/**
 * Checks a poll interval typed in seconds.
 * @returns the whole number of seconds, or an error sentence (not a number, below 60 s, above a day).
 */
export function checkIntervalSeconds(input: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const seconds = Number(input.trim());
  if (!input.trim() || !Number.isInteger(seconds)) return { ok: false, message: 'Enter a whole number of seconds.' };
  if (seconds < MIN_INTERVAL_SECONDS) return { ok: false, message: `Check at most once a minute (${MIN_INTERVAL_SECONDS} s or more).` };
  if (seconds > MAX_INTERVAL_SECONDS) return { ok: false, message: `Check at least once a day (${MAX_INTERVAL_SECONDS} s or less).` };
  return { ok: true, seconds };
}
