import type { ReactNode } from 'react';
import { useAction } from './useAction';
import { useApi } from './api';
import { InlineError } from './InlineError';

/**
 * A link that opens in the user's browser through `openExternal` (main refuses anything but http(s)); the
 * page itself never navigates. Renders as a button because it triggers an action, not a navigation.
 */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const api = useApi();
  const open = useAction((target: string) => api.openExternal(target));
  return (
    <>
      <button type="button" className="link-button" title={url} onClick={() => void open.run(url)}>
        {children}
      </button>
      <InlineError error={open.error} onDismiss={open.clearError} />
    </>
  );
}
