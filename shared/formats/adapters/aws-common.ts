/**
 * What AWS Service Health Dashboard titles and status codes mean. RSS titles start with a class
 * ("Informational message:", "Service degradation:", "Service impact:", "Service disruption:",
 * "Service is operating normally:"); legacy data.json uses codes 0–3 for the same scale.
 */
import type { Impact } from '../../domain/types';

/** Impact of a title class; `undefined` when the prefix is not one AWS uses. */
export function impactOfAwsClass(prefix: string): Impact | undefined {
  const p = prefix.toLowerCase();
  if (p.includes('operating normally')) return 'none';
  if (p.includes('informational')) return 'none';
  if (p.includes('degradation') || p.includes('performance issue')) return 'minor';
  if (p.includes('impact')) return 'major';
  if (p.includes('disruption') || p.includes('outage')) return 'critical';
  return undefined;
}

/** Legacy data.json status code ("0"…"3") → impact. */
export function impactOfAwsCode(code: string | undefined): Impact {
  switch (code) {
    case '2':
      return 'minor';
    case '3':
      return 'critical';
    default:
      return 'none';
  }
}

/** True when a title or summary marks the event closed ("[RESOLVED]", "operating normally"). */
export function isAwsResolved(title: string): boolean {
  return /\[resolved\]/i.test(title) || /^service is operating normally/i.test(title);
}

/** Title without the class prefix and the "[RESOLVED]" tag. */
export function cleanAwsTitle(title: string): string {
  const colon = title.indexOf(':');
  const rest = colon !== -1 && impactOfAwsClass(title.slice(0, colon)) !== undefined ? title.slice(colon + 1) : title;
  return rest.replace(/\[resolved\]/gi, '').trim() || title.trim();
}
