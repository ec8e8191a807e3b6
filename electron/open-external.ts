/**
 * The only way the app opens links: in the user's browser, and only for http(s). Incident links come from
 * third-party documents (docs/http-and-faults.md, row 37: a `javascript:` or `file:` link must never be opened).
 */
import { shell } from 'electron';
import { isHttpUrl, MAX_URL_LENGTH } from '../shared/domain/url';

/**
 * Open `url` with `shell.openExternal` when it is an absolute http: or https: URL.
 * @returns true when it was handed to the browser; false when refused or when the system failed to open it.
 */
export async function openExternalSafe(url: unknown, open: (url: string) => Promise<void> = (u) => shell.openExternal(u)): Promise<boolean> {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !isHttpUrl(url)) return false;
  try {
    // Re-serialise so what is opened is exactly what was checked.
    await open(new URL(url).href);
    return true;
  } catch {
    return false;
  }
}
