/**
 * The engine's FetchPort in the desktop app: Chromium's network stack (`net` module — system proxies, the OS
 * certificate store), without cookies or referrer.
 *
 * Why not `net.fetch`: `fetchSource` follows redirects itself (at most 5, never https→http, 301/308 counted
 * towards a permanent move) and so always asks for `redirect: 'manual'`; `net.fetch` then fails with
 * "Redirect was cancelled" instead of returning the 3xx (electron/electron#43715, "working as documented").
 * `net.request` with `redirect: 'manual'` reports the hop through its `redirect` event, so this port answers
 * with a bodiless 3xx `Response` carrying `Location`, and aborts the request. Other responses become a
 * `Response` whose body streams the `IncomingMessage`; aborting the caller's signal or cancelling the body
 * aborts the request, so the connection is released.
 */
import type { ClientRequest, ClientRequestConstructorOptions, IncomingMessage } from 'electron';
import type { FetchPort } from '../shared/engine/ports';

/** The part of Electron's `net` module this port uses (a test double provides the same). */
export interface NetLike {
  request(options: ClientRequestConstructorOptions): ClientRequest;
}

/** Statuses whose response has no body by definition (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Header map from Electron's `Record<string, string | string[]>`. */
function toHeaders(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // A header value Headers refuses (e.g. raw non-Latin-1) cannot be one the engine relies on.
      }
    }
  }
  return headers;
}

/** A web stream over an Electron `IncomingMessage` (an event emitter of `data`, `end`, `error`, `aborted`). */
function bodyStream(response: IncomingMessage, request: ClientRequest): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      response.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      response.on('end', () => controller.close());
      response.on('error', (err: Error) => controller.error(err));
      response.on('aborted', () => controller.error(new Error('net::ERR_ABORTED: the response was aborted')));
    },
    cancel() {
      request.abort();
    },
  });
}

/**
 * Build the FetchPort on `net` (pass Electron's `net`).
 * @returns a WHATWG-fetch-shaped function: resolves with the response (3xx included, never followed),
 *   rejects with Chromium's `net::ERR_*` error for network failures, or with the signal's reason on abort.
 */
export function createElectronFetch(net: NetLike): FetchPort {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const request = net.request({
        url: input,
        method: init.method ?? 'GET',
        redirect: 'manual',
        credentials: 'omit',
        useSessionCookies: false,
        referrerPolicy: 'no-referrer',
        cache: 'no-cache',
        bypassCustomProtocolHandlers: true,
      });
      for (const [name, value] of new Headers(init.headers)) {
        try {
          request.setHeader(name, value);
        } catch {
          // Chromium owns a few headers (Accept-Encoding, Connection); it sets them itself.
        }
      }
      const onAbort = () => {
        request.abort();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      request.on('redirect', (statusCode, _method, redirectUrl, responseHeaders) => {
        settle();
        request.abort();
        const headers = toHeaders(responseHeaders);
        headers.set('location', redirectUrl);
        resolve(new Response(null, { status: statusCode, headers }));
      });
      request.on('response', (response) => {
        settle();
        // From here the body stream carries aborts: fetchSource cancels it, which aborts the request.
        signal?.addEventListener('abort', () => request.abort(), { once: true });
        const status = response.statusCode;
        const body = NULL_BODY_STATUSES.has(status) ? null : bodyStream(response, request);
        resolve(new Response(body, { status, statusText: response.statusMessage, headers: toHeaders(response.headers) }));
      });
      request.on('error', (err) => {
        settle();
        reject(err);
      });
      request.end();
    });
}
