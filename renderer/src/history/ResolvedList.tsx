import type { HistoryIncident } from '../../../shared/history/types';
import { useApi } from '../common/api';
import { IMPACT_LABEL } from '../common/labels';
import { formatDateTime } from '../common/time';

/** "45 min", "3 h 5 min", "2 d 4 h". */
export function durationLabel(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** Resolved incidents: title (a link to the provider's page when known), provider, impact, start, duration. */
export function ResolvedList({ incidents }: { incidents: HistoryIncident[] }) {
  const api = useApi();
  if (incidents.length === 0) return <p className="history-empty">No resolved incidents in this range.</p>;
  return (
    <table className="resolved-list">
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Provider</th>
          <th scope="col">Impact</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <tr key={`${i.sourceId}\u0000${i.id}`} className={`resolved impact-${i.impact}`}>
            <td>
              {i.url ? (
                <a
                  href={i.url}
                  onClick={(e) => {
                    e.preventDefault();
                    void api.openExternal(i.url!);
                  }}
                >
                  {i.title}
                </a>
              ) : (
                i.title
              )}
            </td>
            <td>{i.provider}</td>
            <td>{IMPACT_LABEL[i.impact]}</td>
            <td>
              <time dateTime={new Date(i.startedAt).toISOString()}>{formatDateTime(i.startedAt)}</time>
            </td>
            <td>{i.resolvedAt !== undefined ? durationLabel(i.resolvedAt - i.startedAt) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
