/**
 * The response side of the Node FetchPort's fast path: one request through undici's `Dispatcher.dispatch`
 * (no Request/Headers/webidl/fetch-controller machinery), answered with a minimal WHATWG Response
 * (wire-response.ts). A response without a body (304, 204, HEAD) costs no stream at all; a body is a
 * byte-counted `ReadableStream` with backpressure down to the socket, decoded like undici's `fetch` decodes
 * it (decoders.ts).
 *
 * Errors mirror undici's `fetch`: a failure before the headers rejects with `TypeError('fetch failed')`
 * whose `cause` is the socket error; an abort rejects (or errors the body) with the signal's reason; a
 * failure after the headers errors the body with `TypeError('terminated')` carrying the cause. Aborting
 * or cancelling before the response is complete closes the connection.
 */
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import type { Dispatcher } from 'undici';
import { unwatchDeadline, watchDeadline } from '../../engine/http/deadline';
import { decodableInOneCall, decodeInOneCall, decodersFor } from './decoders';
import type { WireRequest } from './wire-request';
import { WireHeaders, WireResponse, type ParsedFields } from './wire-response';

/** Statuses whose response has no body (Fetch "null body status"). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
/** Bytes queued in the body stream before the socket is paused. */
const BODY_HIGH_WATER_MARK = 64 * 1024;
/**
 * A compressed body up to this size is kept as received and decoded in one synchronous call once complete:
 * a status document (10–300 kB compressed) then costs one zlib call instead of a stream of 16 kB chunks, each
 * a trip through Node's stream machinery and the thread pool (about half the CPU of decoding it). A larger
 * body, an event stream (read while it arrives) and a coding that has no one-call decoder are streamed.
 */
const DECODE_IN_ONE_CALL_MAX_BYTES = 1024 * 1024;
/** Decoded bytes a one-call decode may produce; past it the body is streamed, so its reader's own cap decides. */
const DECODED_IN_ONE_CALL_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Send `req` on `dispatcher` and resolve with the response once its headers arrive.
 * @param signal aborts the exchange at any point (closing the connection if it is in use); an already-aborted
 *   signal sends nothing.
 */
export function wireFetch(dispatcher: Dispatcher, req: WireRequest, signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const handler = new ResponseHandler(req, signal ?? undefined, resolve, reject);
    dispatcher.dispatch(
      { origin: req.origin, path: req.path, method: req.method, headers: req.headers },
      handler,
    );
  });
}

class ResponseHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  private decoders: Transform[] = [];
  private settled = false;
  /** The response was received completely; aborting is then a no-op. */
  private complete = false;
  /** The signal is a Deadline's and tells us through watchDeadline. */
  private watching = false;
  /** The body's Content-Encoding while its compressed chunks are kept for a one-call decode. */
  private encoding: string | undefined;
  private compressed: Buffer[] = [];
  private compressedBytes = 0;

  constructor(
    private readonly req: WireRequest,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: (res: Response) => void,
    private readonly reject: (err: unknown) => void,
  ) {
    // fetchSource's own signals tell us directly; any other gets a listener (no options object: Node
    // validates one on every call). detach() undoes either.
    if (signal && !(this.watching = watchDeadline(signal, this))) signal.addEventListener('abort', this);
  }

  /** The signal aborted (EventListener interface; the handler itself listens, so no closure per request). */
  handleEvent(): void {
    this.abort(this.signal!.reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.signal?.aborted) controller.abort(this.signal.reason as Error);
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: ParsedFields, statusText?: string): void {
    if (status < 200) return; // informational; the final response follows
    const hasBody = this.req.method !== 'HEAD' && !NULL_BODY_STATUS.has(status);
    let body: ReadableStream<Uint8Array> | null = null;
    if (hasBody) {
      const field = headers['content-encoding'];
      const encoding = Array.isArray(field) ? field.join(', ') : field;
      if (decodableInOneCall(encoding) && !isEventStream(headers['content-type'])) {
        this.encoding = encoding;
        body = this.openBody([]);
      } else {
        const decoders = decodersFor(encoding);
        if (decoders === 'too-many') {
          controller.abort(new Error('too many content-encodings in response'));
          return;
        }
        body = this.openBody(decoders);
      }
    }
    const res = new WireResponse(this.req.href, status, statusText ?? '', new WireHeaders(headers), body);
    this.settled = true;
    this.resolve(res as unknown as Response);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.encoding !== undefined) {
      this.compressed.push(chunk);
      this.compressedBytes += chunk.byteLength;
      if (this.compressedBytes > DECODE_IN_ONE_CALL_MAX_BYTES) this.streamCompressed(controller);
      return;
    }
    const head = this.decoders[0];
    if (head) {
      if (!head.write(chunk)) {
        controller.pause();
        head.once('drain', () => controller.resume());
      }
      return;
    }
    if (!this.stream) return;
    this.stream.enqueue(chunk);
    if ((this.stream.desiredSize ?? 0) <= 0) controller.pause();
  }

  onResponseEnd(): void {
    this.complete = true;
    this.detach();
    if (this.encoding !== undefined) return this.decodeCompressed();
    const head = this.decoders[0];
    if (head) head.end();
    else this.closeStream();
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.detach();
    const aborted = this.signal?.aborted === true;
    this.destroyDecoders();
    if (!this.settled) {
      this.settled = true;
      this.reject(aborted ? this.signal!.reason : new TypeError('fetch failed', { cause: err }));
      return;
    }
    this.errorStream(aborted ? this.signal!.reason : new TypeError('terminated', { cause: err }));
  }

  /**
   * The whole compressed body arrived: decode it in one call. Anything that call cannot do as the stream
   * decoders would (a decoding error, a truncated body they read leniently, output past the one-call cap) is
   * handed to the stream decoders instead, so what the reader gets never depends on which path ran.
   */
  private decodeCompressed(): void {
    const encoding = this.encoding!;
    const compressed = this.compressed.length === 1 ? this.compressed[0]! : Buffer.concat(this.compressed, this.compressedBytes);
    let decoded: Buffer;
    try {
      decoded = decodeInOneCall(encoding, compressed, DECODED_IN_ONE_CALL_MAX_BYTES);
    } catch {
      this.streamCompressed(undefined);
      this.decoders[0]?.end();
      return;
    }
    this.encoding = undefined;
    this.compressed = [];
    if (!this.stream) return; // cancelled meanwhile
    if (decoded.byteLength > 0) this.stream.enqueue(decoded);
    this.closeStream();
  }

  /** Leave the one-call path: the chunks kept so far, and all that follow, go through the stream decoders. */
  private streamCompressed(controller: Dispatcher.DispatchController | undefined): void {
    const decoders = decodersFor(this.encoding);
    const kept = this.compressed;
    this.encoding = undefined;
    this.compressed = [];
    this.compressedBytes = 0;
    // decodableInOneCall admitted the coding list, so the stream decoders exist for it.
    this.attachDecoders(decoders as Transform[]);
    const head = this.decoders[0]!;
    let room = true;
    for (const chunk of kept) room = head.write(chunk);
    if (!room && controller) {
      controller.pause();
      head.once('drain', () => controller.resume());
    }
  }

  /** The body stream, fed directly or through the decoders. */
  private openBody(decoders: Transform[]): ReadableStream<Uint8Array> {
    this.attachDecoders(decoders);
    return new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          this.stream = c;
        },
        pull: () => {
          if (this.tail) this.tail.resume();
          else this.controller?.resume();
        },
        cancel: (reason) => {
          this.stream = undefined;
          this.compressed = [];
          this.destroyDecoders();
          this.abort(reason);
        },
      },
      { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
  }

  /** The last decoder's output feeds the body stream. */
  private tail: Transform | undefined;

  private attachDecoders(decoders: Transform[]): void {
    this.decoders = decoders;
    const tail = decoders.length === 0 ? undefined : decoders.length === 1 ? decoders[0]! : pipelineOf(decoders, (err) => this.fail(err));
    this.tail = tail;
    if (decoders.length === 1) tail!.on('error', (err) => this.fail(err));
    tail?.on('data', (data: Buffer) => {
      if (!this.stream) return;
      this.stream.enqueue(data);
      if ((this.stream.desiredSize ?? 0) <= 0) tail.pause();
    });
    tail?.on('end', () => this.closeStream());
  }

  /** A decoder failed: the body is unreadable from here on. */
  private fail(err: Error): void {
    this.destroyDecoders();
    this.errorStream(new TypeError('terminated', { cause: err }));
    this.abort(err);
  }

  private abort(reason: unknown): void {
    if (!this.settled) {
      this.settled = true;
      this.reject(reason);
    }
    if (!this.complete) this.controller?.abort(reason as Error);
    this.detach();
  }

  private closeStream(): void {
    const s = this.stream;
    this.stream = undefined;
    s?.close();
  }

  private errorStream(err: unknown): void {
    const s = this.stream;
    this.stream = undefined;
    s?.error(err);
  }

  private destroyDecoders(): void {
    for (const d of this.decoders.splice(0)) d.destroy();
  }

  private detach(): void {
    if (!this.signal) return;
    if (this.watching) unwatchDeadline(this.signal, this);
    else this.signal.removeEventListener('abort', this);
  }
}

function pipelineOf(decoders: Transform[], onError: (err: Error) => void): Transform {
  return pipeline(decoders as unknown as [Transform, Transform], (err) => {
    if (err) onError(err);
  }) as unknown as Transform;
}

/** Whether a Content-Type names an event stream, which is read while it arrives (it never ends). */
function isEventStream(contentType: string | string[] | undefined): boolean {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  return value !== undefined && /^\s*text\/event-stream/i.test(value);
}
