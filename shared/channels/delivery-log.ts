/**
 * The delivery log: one entry per attempt outcome of one alert on one channel, for the settings window
 * ("last delivered", "failing since") and for support. A port, so the desktop app and the headless server can
 * keep it in the SQLite history database, while tests and a database-less run keep it in memory.
 *
 * The shapes live in shared/domain/channel.ts; the database implementation is
 * shared/storage/sqlite/delivery-log.ts (table `channel_deliveries`). Entries hold no secret (errors are
 * redacted by the sender before they get here).
 */

export type { DeliveryOutcome, DeliveryEntry, DeliveryLog } from '../domain/channel';
import type { DeliveryEntry, DeliveryLog } from '../domain/channel';

/** An in-memory log keeping the newest `capacity` entries (default 1000). */
export function createMemoryDeliveryLog(capacity = 1000): DeliveryLog {
  const entries: DeliveryEntry[] = [];
  return {
    record(entry) {
      entries.push({ ...entry });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    recent(options = {}) {
      const limit = options.limit ?? 100;
      const out: DeliveryEntry[] = [];
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const e = entries[i]!;
        if (options.channelId === undefined || e.channelId === options.channelId) out.push({ ...e });
      }
      return out;
    },
  };
}
