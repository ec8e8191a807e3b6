import type { SourceError } from '../../../shared/domain/types';
import { SOURCE_ERROR_ADVICE } from '../common/advice';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

interface Props {
  sourceId: string;
  error: SourceError;
  /** Whether an older, successfully read status is still shown below (greyed). */
  hasLastStatus: boolean;
}

/** A source's fetch error: what went wrong, what to do, and a Retry button that checks it now. */
export function SourceErrorNotice({ sourceId, error, hasLastStatus }: Props) {
  const api = useApi();
  const retry = useAction(() => api.checkNow(sourceId));
  return (
    <div className="source-error" role="status">
      <p>
        <strong>Could not check this status page:</strong> <span className="source-error-message">{error.message}</span>
        {error.httpStatus !== undefined && <> (HTTP {error.httpStatus})</>}
      </p>
      <p className="source-error-advice">
        {SOURCE_ERROR_ADVICE[error.code]}
        {hasLastStatus && ' The incidents below are from the last successful check.'}
      </p>
      <button type="button" onClick={() => void retry.run()} disabled={retry.pending}>
        {retry.pending ? 'Retrying…' : 'Retry'}
      </button>
      <InlineError error={retry.error} onDismiss={retry.clearError} />
    </div>
  );
}
