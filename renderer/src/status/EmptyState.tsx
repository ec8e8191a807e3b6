import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

/** What a first run shows: what the app does and one button leading to the settings window to add a provider. */
export function EmptyState() {
  const api = useApi();
  const open = useAction(() => api.openSettings());
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No status pages yet</h2>
      <p>Add the status pages of the services your team depends on. Status Tray checks them every few minutes
        and tells you when one has a new incident.</p>
      <button type="button" className="primary" onClick={() => void open.run()}>
        Add your first status page
      </button>
      <InlineError error={open.error} />
    </section>
  );
}
