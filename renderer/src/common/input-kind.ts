/**
 * What the settings window's add box holds: nothing, a catalog search, a bare host (searched and offered for
 * discovery with https:// assumed), a status page address, or an address that cannot be watched.
 */
import { checkSourceUrl } from './validate';

export type AddInput =
  | { kind: 'empty' }
  | { kind: 'search'; query: string }
  | { kind: 'host'; query: string; url: string }
  | { kind: 'url'; url: string }
  | { kind: 'invalid-url'; message: string };

// "status.example.com", "example.com:8443/status": no spaces, at least one dot between labels.
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;
// Anything that starts with a scheme ("https:", "ftp:", "javascript:") is meant as an address, not a name.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Classify the add box's text.
 * @returns `url` with the trimmed address, `invalid-url` with what to fix, `host` with the https URL to try,
 *   `search` with the text to search the catalog for, or `empty`.
 */
export function classifyAddInput(text: string): AddInput {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  if (HAS_SCHEME.test(trimmed) && !BARE_HOST.test(trimmed)) {
    const checked = checkSourceUrl(trimmed);
    return checked.ok ? { kind: 'url', url: checked.url } : { kind: 'invalid-url', message: checked.message };
  }
  if (BARE_HOST.test(trimmed)) {
    const checked = checkSourceUrl(`https://${trimmed}`);
    if (checked.ok) return { kind: 'host', query: trimmed, url: checked.url };
  }
  return { kind: 'search', query: trimmed };
}
