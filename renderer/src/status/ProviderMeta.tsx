import type { SourceSnapshot } from '../../../shared/ipc/contract';
import { formatDateTime, timeAgo } from '../common/time';

/** "Checked 2 min ago" (exact time on hover), or that a check is running / has not happened yet. */
export function ProviderMeta({ source, now }: { source: SourceSnapshot; now: number }) {
  let text: string;
  if (source.polling) text = 'Checking now…';
  else if (source.lastCheckedAt !== undefined) text = `Checked ${timeAgo(source.lastCheckedAt, now)}`;
  else text = source.enabled ? 'Not checked yet' : 'Not checked (disabled)';
  return (
    <p className="provider-meta">
      {source.lastCheckedAt !== undefined && !source.polling ? (
        <time dateTime={new Date(source.lastCheckedAt).toISOString()} title={formatDateTime(source.lastCheckedAt)}>
          {text}
        </time>
      ) : (
        text
      )}
      {source.lastError && source.lastSuccessAt !== undefined && (
        <> · last read {timeAgo(source.lastSuccessAt, now)}</>
      )}
    </p>
  );
}
