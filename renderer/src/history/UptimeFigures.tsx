import type { UptimeFigure } from '../../../shared/history/types';

/** "99.95 %" with two decimals (never rounded up to 100 when there was downtime), or "—" without data. */
export function percentLabel(f: UptimeFigure): string {
  if (f.percent === null) return '—';
  const floored = Math.floor(f.percent * 100) / 100;
  return `${floored.toFixed(2)} %`;
}

/** Uptime for 24 h, 7 d, 30 d and 90 d (rule: docs/storage.md "Uptime"). */
export function UptimeFigures({ figures }: { figures: UptimeFigure[] }) {
  return (
    <dl className="uptime-figures">
      {figures.map((f) => (
        <div key={f.window} className="uptime-figure">
          <dt>{f.window}</dt>
          <dd>{percentLabel(f)}</dd>
        </div>
      ))}
    </dl>
  );
}
