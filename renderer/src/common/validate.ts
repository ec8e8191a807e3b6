/**
 * Input checks the settings window runs before calling main, for instant feedback in the user's words. The
 * rules and limits are shared/domain's, the same ones main's IPC schemas enforce again on every call.
 */
import { intervalProblem, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../../shared/domain/source';
import { checkHttpUrl, MAX_URL_LENGTH } from '../../../shared/domain/url';

/**
 * Checks a typed status page address.
 * @returns the trimmed URL, or an error sentence saying what to fix (empty, not a URL, not http(s), too long).
 */
export function checkSourceUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  const checked = checkHttpUrl(input);
  if (checked.ok) return checked;
  switch (checked.problem) {
    case 'empty':
      return { ok: false, message: 'Enter the address of a status page, e.g. https://www.githubstatus.com.' };
    case 'too-long':
      return { ok: false, message: `That address is longer than ${MAX_URL_LENGTH} characters.` };
    case 'not-a-url':
      return { ok: false, message: 'That is not a web address. It should start with https:// (or http://).' };
    case 'not-http':
      return { ok: false, message: `Only http and https addresses can be watched, not ${checked.scheme}.` };
  }
}

/**
 * Checks a poll interval typed in seconds.
 * @returns the whole number of seconds, or an error sentence (not a number, below 60 s, above a day).
 */
export function checkIntervalSeconds(input: string): { ok: true; seconds: number } | { ok: false; message: string } {
  const seconds = Number(input.trim());
  const problem = input.trim() ? intervalProblem(seconds) : 'not-whole';
  switch (problem) {
    case undefined:
      return { ok: true, seconds };
    case 'not-whole':
      return { ok: false, message: 'Enter a whole number of seconds.' };
    case 'too-short':
      return { ok: false, message: `Check at most once a minute (${MIN_INTERVAL_SECONDS} s or more).` };
    case 'too-long':
      return { ok: false, message: `Check at least once a day (${MAX_INTERVAL_SECONDS} s or less).` };
  }
}
