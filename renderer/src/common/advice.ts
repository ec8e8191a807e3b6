/**
 * What the user can do about an error. Source errors come from the engine (SourceErrorCode in
 * shared/domain/types.ts); IPC errors from a `Result` (IpcError in shared/ipc/contract.ts).
 */
import type { SourceErrorCode } from '../../../shared/domain/types';
import type { IpcError } from '../../../shared/ipc/contract';

export const SOURCE_ERROR_ADVICE: Readonly<Record<SourceErrorCode, string>> = {
  network: 'Check your internet connection or proxy. Status Tray keeps retrying on its own.',
  dns: 'Check the address for typos, or your network’s DNS settings.',
  timeout: 'The server is slow to answer. Status Tray retries on its own; press Retry to try now.',
  http: 'The server returned an error. Status Tray retries on its own; press Retry to try now.',
  gone: 'This address no longer serves a status document. Check it in Settings, or remove the provider.',
  'rate-limited': 'The server asked us to slow down. Status Tray waits as long as it asked before checking again.',
  'too-large': 'The document is too large. In Settings, use the provider’s summary or feed address instead.',
  redirect: 'The address redirects in a loop or to an unsafe place. Check it in Settings.',
  'unexpected-304': 'The server said “not modified” to a request for the whole document, which is a fault on its side (often a caching proxy). Status Tray retries on its own; if it persists, tell the provider.',
  'not-a-feed': 'This address serves a web page, not a status feed. In Settings, add the page’s feed or summary address.',
  parse: 'The document could not be read. If this persists, check the address in Settings.',
};

export const IPC_ERROR_ADVICE: Readonly<Record<IpcError['code'], string>> = {
  'invalid-payload': 'Check the value you entered and try again.',
  'untrusted-sender': 'Close this window and open it again from the tray menu.',
  'not-found': 'It may have been removed already; the list shows the current state.',
  duplicate: 'This status page is already in your list.',
  'fetch-failed': 'Check the address and your connection, then try again.',
  internal: 'Try again. If it keeps happening, restart Status Tray.',
  'invalid-file': 'Nothing was changed. Choose an OPML file exported by a feed reader or status monitor.',
  'file-failed': 'Choose another folder, or check that the disk has space, then try again.',
};
