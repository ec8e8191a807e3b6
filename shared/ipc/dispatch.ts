/**
 * The guard every invoke passes through in main, independent of Electron: sender check, payload validation,
 * then the API call, with every failure returned as a `Result` value. This is the one place a page's
 * arguments are checked; the controller receives the parsed, typed values. `electron/ipc.ts` registers it for
 * each channel; an e2e harness can bridge a browser page to it the same way.
 */
import type { Result, StatusTrayApi } from './contract';
import { fail, IPC_INVOKE } from './contract';
import { parseInvokeArgs, validateSender, type InvokeMethod } from './schemas';

/** Channel name → API method, built from `IPC_INVOKE` (the only place channel names live). */
export const METHOD_BY_CHANNEL: ReadonlyMap<string, InvokeMethod> = new Map(
  (Object.entries(IPC_INVOKE) as [InvokeMethod, string][]).map(([method, channel]) => [channel, method]),
);

/**
 * Handle one invoke.
 * @param api the controller (anything implementing `StatusTrayApi`).
 * @param method which API method the channel maps to.
 * @param senderUrl `event.senderFrame?.url`.
 * @param args the invoke arguments, untrusted.
 * @param trustedOrigins the app's own page origins (see `validateSender`).
 * @returns the API's `Result`; `untrusted-sender`, `invalid-payload`, or `internal` (a thrown error, message
 *   kept, stack not) — never throws.
 */
export async function dispatchInvoke(
  api: StatusTrayApi,
  method: InvokeMethod,
  senderUrl: string | undefined | null,
  args: readonly unknown[],
  trustedOrigins: readonly string[],
): Promise<Result<unknown>> {
  if (!validateSender(senderUrl, trustedOrigins)) return fail('untrusted-sender', 'This request did not come from a Status Tray window');
  const parsed = parseInvokeArgs(method, args);
  if (!parsed.ok) return fail('invalid-payload', parsed.message);
  try {
    const call = api[method] as (...a: unknown[]) => Promise<Result<unknown>>;
    const result = await call.apply(api, parsed.args as unknown[]);
    return isResult(result) ? result : fail('internal', 'The handler returned no result');
  } catch (error) {
    return fail('internal', error instanceof Error ? error.message : 'Unexpected error');
  }
}

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}
