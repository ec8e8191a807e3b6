import type { Health } from '../../../shared/domain/types';
import { HEALTH_LABEL } from './labels';

/**
 * A provider's health as a coloured pill that always carries its word and a distinct glyph, so it reads the
 * same without colour (colour-blind users, high-contrast mode).
 */
export function HealthBadge({ health, label }: { health: Health; label?: string }) {
  return (
    <span className={`health-badge health-${health}`} data-health={health}>
      <span className="health-glyph" aria-hidden="true">{HEALTH_GLYPH[health]}</span>
      {label ?? HEALTH_LABEL[health]}
    </span>
  );
}

const HEALTH_GLYPH: Readonly<Record<Health, string>> = {
  operational: '✓',
  maintenance: '⚙',
  degraded: '!',
  partial_outage: '▲',
  major_outage: '✕',
  unknown: '?',
};
