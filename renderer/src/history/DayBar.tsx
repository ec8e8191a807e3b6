import { useState } from 'react';
import type { DayCell, HistoryIncident } from '../../../shared/history/types';
import { HEALTH_LABEL } from '../common/labels';

/** "3 Nov" in the user's locale; the day is a UTC day, so it is formatted in UTC. */
function dayLabel(day: number): string {
  return new Date(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/**
 * A provider's 90-day bar: one cell per UTC day, coloured by the worst health that day (grey before history
 * begins). Hovering or focusing a cell (Tab, then arrow keys) shows the day's incidents.
 */
export function DayBar({ provider, days, incidents }: { provider: string; days: DayCell[]; incidents: HistoryIncident[] }) {
  const [active, setActive] = useState<number | undefined>();
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const cell = active === undefined ? undefined : days[active];
  const focusCell = (index: number, list: HTMLElement | null) => {
    const next = Math.max(0, Math.min(days.length - 1, index));
    setActive(next);
    (list?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div className="day-bar-wrap">
      <ol className="day-bar" aria-label={`${provider}: health per day, last ${days.length} days`}>
        {days.map((d, i) => {
          const count = d.incidentIds.length;
          const label = `${dayLabel(d.day)}: ${d.worst === 'unknown' ? 'no data' : HEALTH_LABEL[d.worst]}${count ? `, ${count} incident${count > 1 ? 's' : ''}` : ''}`;
          return (
            <li
              key={d.day}
              className="day-cell"
              data-health={d.worst}
              tabIndex={i === days.length - 1 ? 0 : -1}
              aria-label={label}
              onMouseEnter={() => setActive(i)}
              onMouseLeave={() => setActive(undefined)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(undefined)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft') focusCell(i - 1, e.currentTarget.parentElement);
                else if (e.key === 'ArrowRight') focusCell(i + 1, e.currentTarget.parentElement);
                else return;
                e.preventDefault();
              }}
            />
          );
        })}
      </ol>
      {cell && (
        <div className="day-tip" role="status">
          <strong>{dayLabel(cell.day)}</strong> — {cell.worst === 'unknown' ? 'no data' : HEALTH_LABEL[cell.worst]}
          {cell.incidentIds.length > 0 ? (
            <ul>
              {cell.incidentIds.map((id) => (
                <li key={id}>{byId.get(id)?.title ?? id}</li>
              ))}
            </ul>
          ) : (
            <span> · no incidents</span>
          )}
        </div>
      )}
    </div>
  );
}
