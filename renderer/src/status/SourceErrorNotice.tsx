import type { RefObject } from 'react';
import type { SourceError } from '../../../shared/domain/types';
import { errorAdvice, errorMessage, retryOffer } from '../../../shared/presentation/source-error-text';
import { formatDuration } from '../../../shared/presentation/durations';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { formatAbsolute, formatClock } from '../common/time';
import { useAction } from '../common/useAction';

interface Props {
  sourceId: string;
  /** The provider's shown name, for the Retry button's accessible name ("Retry GitHub"). */
  name: string;
  error: SourceError;
  /** Whether an older, successfully read status is still shown (marked stale). */
  hasLastStatus: boolean;
  /** The engine's next check, ms since epoch. */
  nextPollAt: number | undefined;
  now: number;
  /** Where focus goes when Retry worked and this notice (with its button) disappears: the row's toggle. */
  returnFocus: RefObject<HTMLButtonElement | null>;
}

/**
 * A source's failed check: the engine's sentence (said once), advice that fits the error, and Retry — or,
 * while the page asked us to wait, when the next try is. Focus stays on Retry while it runs, and goes back
 * to the row when the notice goes away.
 */
export function SourceErrorNotice({ sourceId, name, error, hasLastStatus, nextPollAt, now, returnFocus }: Props) {
  const api = useApi();
  const retry = useAction(() => api.checkNow(sourceId));
  const offer = retryOffer(error, nextPollAt, now);
  const run = async (button: HTMLButtonElement) => {
    if (retry.pending) return;
    await retry.run();
    // The notice unmounts when the retry succeeds; keep focus in the row rather than on the page.
    requestAnimationFrame(() => {
      if (!button.isConnected && (document.activeElement === document.body || document.activeElement === null)) returnFocus.current?.focus();
    });
  };
  return (
    <div className="source-error" role="status">
      <p>
        <strong>{hasLastStatus ? 'Could not check this status page:' : 'Could not read this status page:'}</strong>{' '}
        <span className="source-error-message">{errorMessage(error)}</span>
      </p>
      <p className="source-error-advice">
        {/* While the page asked to wait, the wait line below is the advice; saying it twice helps no one. */}
        {offer.retry ? errorAdvice(error) : ''}
        {hasLastStatus && `${offer.retry ? ' ' : ''}What this row shows is the last status read.`}
      </p>
      {offer.retry ? (
        <button
          type="button"
          aria-disabled={retry.pending || undefined}
          onClick={(e) => void run(e.currentTarget)}
        >
          {retry.pending ? 'Retrying…' : 'Retry'}
          <span className="sr-only"> {name}</span>
        </button>
      ) : (
        <p className="source-error-wait">
          The page asked us to wait: next try at{' '}
          <time dateTime={new Date(offer.nextTryAt).toISOString()} title={formatAbsolute(offer.nextTryAt)}>
            {formatClock(offer.nextTryAt)}
          </time>{' '}
          (in {formatDuration(offer.nextTryAt - now)}).
        </p>
      )}
      <InlineError error={retry.error} onDismiss={retry.clearError} />
    </div>
  );
}
