/**
 * The popover calls of the preload API (pin, close, open the full window, focus a provider), reached through
 * optional chaining: a window whose bridge lacks them (an older preload, the settings window) simply does
 * not offer them. Channels: 'popover:set-pinned', 'popover:close', 'window:open-full',
 * 'popover:focus-provider' (shared/ipc/contract.ts).
 */
import type { Result, StatusTrayApi } from '../../../shared/ipc/contract';

/** The popover methods as the bridge may carry them. */
export interface PopoverCalls {
  setPopoverPinned?: (pinned: boolean) => Promise<Result<void>>;
  closePopover?: () => Promise<Result<void>>;
  openFullWindow?: () => Promise<Result<void>>;
  /** Main asks to show one provider (a tray menu item); returns the unsubscribe function. */
  onFocusProvider?: (listener: (sourceId: string) => void) => () => void;
}

/** The API's popover calls, each `undefined` where the bridge does not have it. */
export function popoverCalls(api: StatusTrayApi): PopoverCalls {
  const bridge = api as StatusTrayApi & PopoverCalls;
  return {
    ...(typeof bridge.setPopoverPinned === 'function' ? { setPopoverPinned: (p: boolean) => bridge.setPopoverPinned!(p) } : {}),
    ...(typeof bridge.closePopover === 'function' ? { closePopover: () => bridge.closePopover!() } : {}),
    ...(typeof bridge.openFullWindow === 'function' ? { openFullWindow: () => bridge.openFullWindow!() } : {}),
    ...(typeof bridge.onFocusProvider === 'function' ? { onFocusProvider: (l: (id: string) => void) => bridge.onFocusProvider!(l) } : {}),
  };
}
