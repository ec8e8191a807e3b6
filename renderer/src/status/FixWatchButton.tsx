import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

/**
 * "Tell me when it's fixed": one notification when this incident resolves, even if its provider is muted or
 * snoozed. A toggle (`aria-pressed`); pressed again, it takes the request back. `subject` (the incident's
 * title) completes the accessible name, so two incidents' buttons are told apart. It stays enabled while the
 * call runs (a second press is ignored), so focus never drops to the page.
 */
export function FixWatchButton({ sourceId, incidentId, watched, subject }: { sourceId: string; incidentId: string; watched: boolean; subject: string }) {
  const api = useApi();
  const action = useAction((watch: boolean) => api.watchIncident(sourceId, incidentId, watch));
  return (
    <span className="fix-watch">
      <button
        type="button"
        aria-pressed={watched}
        aria-disabled={action.pending || undefined}
        onClick={() => {
          if (!action.pending) void action.run(!watched);
        }}
      >
        {watched ? 'I’ll tell you when it’s fixed' : 'Tell me when it’s fixed'}
        <span className="sr-only">: {subject}</span>
      </button>
      <InlineError error={action.error} onDismiss={action.clearError} />
    </span>
  );
}
