import type { Health } from '../../../shared/domain/types';
import { HEALTH_LABEL } from './labels';

/**
 * A provider's health as a coloured pill that always carries its word and a distinct glyph, so it reads the
 * same without colour (colour-blind users, high-contrast mode). `stale`: the last known health, from before
 * checks started failing (dashed outline, and said in words to screen readers).
 */
export function HealthBadge({ health, label, stale = false }: { health: Health; label?: string; stale?: boolean }) {
  return (
    <span className={`health-badge health-${health}${stale ? ' health-stale' : ''}`} data-health={health}>
      <span className="health-glyph" aria-hidden="true">{HEALTH_GLYPH[health]}</span>
      {label ?? HEALTH_LABEL[health]}
      {stale && <span className="sr-only"> (last known)</span>}
    </span>
  );
}

/** One glyph per health, shared with the tray's words (docs/popover.md, "Rows"). */
export const HEALTH_GLYPH: Readonly<Record<Health, string>> = {
  operational: '✓',
  maintenance: '⚙',
  degraded: '!',
  partial_outage: '▲',
  major_outage: '✕',
  unknown: '?',
};
