import type { SaveError } from '../../../shared/ipc/contract';
import { saveErrorText } from '../../../shared/presentation/text';

/**
 * Shown while the engine cannot save its state (EngineSnapshot.saveError): where and why, and what happens
 * meanwhile — checks go on, news is held (not lost, not repeated) until a write succeeds.
 */
export function SaveErrorBanner({ error }: { error: SaveError }) {
  const held = error.heldEvents;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{saveErrorText(error)}</strong> Status Tray keeps checking and retries saving
      {held > 0 ? `; ${held} new ${held === 1 ? 'event is' : 'events are'} held and will be announced once it can save` : ''}.
    </div>
  );
}
