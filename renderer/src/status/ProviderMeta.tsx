import type { SourceSnapshot } from '../../../shared/ipc/contract';
import { RelativeTime } from '../common/RelativeTime';

/** "Checked 2 min ago" (absolute time and zone on hover), or that a check is running / has not happened yet. */
export function ProviderMeta({ source, now }: { source: SourceSnapshot; now: number }) {
  let body;
  if (source.polling) body = <>Checking now…</>;
  else if (source.lastCheckedAt !== undefined) body = <RelativeTime at={source.lastCheckedAt} now={now} lead="Checked" />;
  else body = <>{source.enabled ? 'Not checked yet' : 'Not checked (disabled)'}</>;
  return (
    <p className="provider-meta">
      {body}
      {source.lastError && source.lastSuccessAt !== undefined && (
        <> · last read <RelativeTime at={source.lastSuccessAt} now={now} /></>
      )}
    </p>
  );
}
