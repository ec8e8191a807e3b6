/** Test helper: parse a captured feed from ../shared/feeds through the real dispatcher. */
import type { Incident, ProviderStatus } from '../../../shared/domain/types';
import { parseDocument } from '../../../shared/formats/registry';
import { readFeed } from '../../support/feeds';

/** Fixed "now" for all feed tests: after every capture, so old open incidents are stale. */
export const NOW = Date.parse('2026-10-01T12:00:00Z');

/** Parse `relativePath` (under FEEDS_DIR) as if fetched from `url`. */
export function parseFeed(relativePath: string, url: string, now = NOW): Promise<ProviderStatus> {
  return parseDocument(readFeed(relativePath), { url, now });
}

/** Every incident of a status, active + scheduled + recent. */
export function allIncidents(s: ProviderStatus): Incident[] {
  return [...s.activeIncidents, ...s.scheduledMaintenances, ...s.recentIncidents];
}

/** The one incident with this title (fails loudly if missing or duplicated). */
export function byTitle(s: ProviderStatus, title: string): Incident {
  const found = allIncidents(s).filter((i) => i.title === title);
  if (found.length !== 1) throw new Error(`expected one incident titled "${title}", found ${found.length}`);
  return found[0] as Incident;
}

/** The incident with this id (fails loudly if missing). */
export function byId(s: ProviderStatus, id: string): Incident {
  const found = allIncidents(s).find((i) => i.id === id);
  if (!found) throw new Error(`no incident with id ${id}`);
  return found;
}
