/**
 * Read a response body as bytes with a size cap on the decompressed bytes (fetch has already undone
 * `Content-Encoding`), so a gzip bomb stops at the cap instead of filling memory (docs/http-and-faults.md, rows 7 and 9).
 */

/** What `readCappedBody` got. */
export type CappedBody = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large'; readBytes: number } | { kind: 'aborted' };

/**
 * Read `body` to the end, keeping at most `maxBytes`.
 * @param signal when it aborts, the read stops (even if the fetch implementation does not wire the signal
 *   to the body stream) and the result is `aborted`.
 * @param enough asked after every chunk; when it says yes the stream is cancelled and what arrived so far is
 *   the body (used for an event stream, which never ends on its own: see `firstSseEventArrived`).
 * @returns `too-large` as soon as more than `maxBytes` arrived (the stream is cancelled; the caller should
 *   also abort the request so the connection closes). Throws what the stream throws (reset, terminated).
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal: AbortSignal,
  enough?: (chunks: readonly Uint8Array[]) => boolean,
): Promise<CappedBody> {
  if (!body) return { kind: 'ok', bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (signal.aborted) return { kind: 'aborted' };
    for (;;) {
      const { done, value } = await reader.read();
      // A cancel() from onAbort ends the stream like a normal end; only the signal tells them apart.
      if (signal.aborted) return { kind: 'aborted' };
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: 'too-large', readBytes: total };
      }
      chunks.push(value);
      if (enough?.(chunks)) {
        reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (err) {
    if (signal.aborted) return { kind: 'aborted' };
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  // A body decoded in one call (wire-fetch.ts) arrives as one chunk: no copy.
  if (chunks.length === 1) return { kind: 'ok', bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}

/**
 * True once the bytes hold one complete server-sent event carrying data: a `data:` line followed by the blank
 * line that dispatches the event (HTML Living Standard, "Server-sent events", event stream interpretation).
 * Status platforms that publish their state only as an event stream (Hund's `/live/v2/status_page`) send the
 * whole current state as that first event, then keep the connection open for changes we poll for instead.
 */
export function firstSseEventArrived(chunks: readonly Uint8Array[]): boolean {
  const decoder = new TextDecoder();
  let text = '';
  for (const c of chunks) text += decoder.decode(c, { stream: true });
  return /(?:^|[\r\n])data:[^\r\n]*(?:\r\n|\r|\n)(?:[^\r\n]+(?:\r\n|\r|\n))*(?:\r\n|\r|\n)/.test(text);
}
