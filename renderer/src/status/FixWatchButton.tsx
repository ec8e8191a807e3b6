import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

/**
 * "Tell me when it's fixed": one notification when this incident resolves, even if its provider is muted or
 * snoozed. A toggle (`aria-pressed`); pressed again, it takes the request back.
 */
export function FixWatchButton({ sourceId, incidentId, watched }: { sourceId: string; incidentId: string; watched: boolean }) {
  const api = useApi();
  const action = useAction((watch: boolean) => api.watchIncident(sourceId, incidentId, watch));
  return (
    <span className="fix-watch">
      <button type="button" aria-pressed={watched} disabled={action.pending} onClick={() => void action.run(!watched)}>
        {watched ? 'I’ll tell you when it’s fixed' : 'Tell me when it’s fixed'}
      </button>
      <InlineError error={action.error} onDismiss={action.clearError} />
    </span>
  );
}
