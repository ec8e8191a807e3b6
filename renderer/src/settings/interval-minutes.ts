/**
 * Poll intervals as the settings window shows them: in minutes. Settings keep seconds (`intervalSeconds`,
 * within shared/domain's limits, which main checks again); these helpers only convert and explain.
 */
import { intervalProblem, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../../shared/domain/source';

/** Seconds as the number a minutes field shows: "5", "1.5" (at most two decimals, no trailing zeros). */
export function minutesValue(seconds: number): string {
  return String(Math.round((seconds / 60) * 100) / 100);
}

/** A short interval for a one-line row: "5 min", "1 h", "1 h 30 min", "1 day". Whole minutes are rounded. */
export function intervalShort(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes >= 1440 && minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Checks an interval typed in minutes (decimals allowed: "1.5" is 90 s).
 * @returns the interval in whole seconds (rounded), or a sentence saying what to fix: not a number, under a
 * minute, over a day.
 */
export function checkIntervalMinutes(input: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const text = input.trim().replace(',', '.');
  const minutes = text ? Number(text) : Number.NaN;
  if (!Number.isFinite(minutes)) return { ok: false, message: 'Enter a number of minutes, such as 5.' };
  const seconds = Math.round(minutes * 60);
  switch (intervalProblem(seconds)) {
    case undefined:
      return { ok: true, seconds };
    case 'too-short':
      return { ok: false, message: `Check at most once a minute (${MIN_INTERVAL_SECONDS / 60} min or more).` };
    case 'too-long':
      return { ok: false, message: `Check at least once a day (${(MAX_INTERVAL_SECONDS / 60).toLocaleString('en-US')} min or less).` };
    case 'not-whole':
      return { ok: false, message: 'Enter a number of minutes, such as 5.' };
  }
}
