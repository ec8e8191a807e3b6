import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext, resolveApi } from './api';

/**
 * Mounts a page's root component into `#root` with the API in context, or shows why it cannot start
 * (as text; the page has no other way to report it).
 */
export async function mountPage(Page: ComponentType): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from the page');
  try {
    const api = await resolveApi();
    createRoot(container).render(
      <StrictMode>
        <ApiContext value={api}>
          <Page />
        </ApiContext>
      </StrictMode>,
    );
  } catch (err) {
    container.textContent = err instanceof Error ? err.message : String(err);
  }
}
