/**
 * Incident ids: stable across polls. The platform's own id when there is one; otherwise the entry's
 * guid → id → link → sha256(title|date) (docs/http-and-faults.md, "Notifications").
 */
import { createHash } from 'node:crypto';

/** First non-empty candidate (trimmed), else a `sha256:`-prefixed hash of `title|date`. */
export function entryId(candidates: readonly unknown[], title: string, date: string | undefined): string {
  for (const c of candidates) {
    if (typeof c === 'string' && c.trim()) return c.trim().slice(0, 500);
    if (typeof c === 'number' && Number.isFinite(c)) return String(c);
  }
  return 'sha256:' + createHash('sha256').update(`${title}|${date ?? ''}`).digest('hex');
}
