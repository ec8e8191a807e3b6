/**
 * `Content-Encoding` decoders for the Node FetchPort's fast path, chosen exactly as undici's `fetch` chooses
 * them (RFC 9110 §8.4: codings listed in the order applied, so they are undone last-first; an unknown coding
 * leaves the body as received; more than five is refused as a resource-exhaustion attack).
 */
import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';

/** Most codings accepted on one response (undici's limit, after curl CVE-2022-32206). */
export const MAX_CONTENT_ENCODINGS = 5;

/** Zstandard exists from Node 22.15 / 23.8; undici decodes it where the runtime can. */
const zstd = (zlib as { createZstdDecompress?: (options?: object) => Transform }).createZstdDecompress;

/** Lenient flushing, as undici (and curl) use: slightly truncated streams still yield what they hold. */
const SYNC = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * `deflate` is meant to be zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send raw deflate; the first
 * byte tells them apart (a zlib header's low nibble is 8, the deflate method).
 */
class AnyInflate extends Transform {
  private inflater: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inflater) {
      if (chunk.length === 0) return callback();
      this.inflater = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(SYNC) : zlib.createInflateRaw(SYNC);
      this.inflater.on('data', (data: Buffer) => this.push(data));
      this.inflater.on('end', () => this.push(null));
      this.inflater.on('error', (err) => this.destroy(err));
    }
    this.inflater.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inflater?.end();
    this.inflater = undefined;
    callback();
  }
}

/**
 * Decoders for a `Content-Encoding` value, in the order the body must pass through them.
 * @returns `[]` when there is nothing to undo or a coding is unknown (the body is then passed on as is);
 *   `'too-many'` when more than MAX_CONTENT_ENCODINGS codings are listed.
 */
export function decodersFor(contentEncoding: string | undefined): Transform[] | 'too-many' {
  if (!contentEncoding) return [];
  const codings = contentEncoding.toLowerCase().split(',');
  if (codings.length > MAX_CONTENT_ENCODINGS) return 'too-many';
  const decoders: Transform[] = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i]!.trim();
    if (coding === 'gzip' || coding === 'x-gzip') decoders.push(zlib.createGunzip(SYNC));
    else if (coding === 'deflate') decoders.push(new AnyInflate());
    else if (coding === 'br') {
      decoders.push(
        zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        }),
      );
    } else if (coding === 'zstd' && zstd) {
      const { ZSTD_e_continue, ZSTD_e_end } = zlib.constants as unknown as Record<string, number>;
      decoders.push(zstd({ flush: ZSTD_e_continue, finishFlush: ZSTD_e_end }));
    } else return [];
  }
  return decoders;
}

/** Codings `decodeInOneCall` undoes; zstd (newer runtimes only) and unknown codings are left to the streams. */
const ONE_CALL_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/**
 * Whether `decodeInOneCall` can undo `contentEncoding`: one to MAX_CONTENT_ENCODINGS codings, each gzip,
 * deflate or br. False for no coding at all (nothing to undo).
 */
export function decodableInOneCall(contentEncoding: string | undefined): boolean {
  if (!contentEncoding) return false;
  const codings = contentEncoding.toLowerCase().split(',');
  return codings.length <= MAX_CONTENT_ENCODINGS && codings.every((c) => ONE_CALL_CODINGS.has(c.trim()));
}

/**
 * Undo `contentEncoding` on a whole body in one synchronous call per coding, with the options of the stream
 * decoders above (lenient flushing; raw or zlib-wrapped deflate told apart by the first byte), so a body it
 * decodes comes out byte for byte as they would give it.
 * @param maxOutputLength most bytes any step may produce.
 * @throws the zlib error for a damaged body, RangeError past `maxOutputLength`, and Error for a coding
 *   `decodableInOneCall` refuses. The caller then streams the body instead (wire-fetch.ts).
 */
export function decodeInOneCall(contentEncoding: string, body: Buffer, maxOutputLength: number): Buffer {
  const codings = contentEncoding.toLowerCase().split(',');
  let out = body;
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i]!.trim();
    if (coding === 'gzip' || coding === 'x-gzip') out = zlib.gunzipSync(out, { ...SYNC, maxOutputLength });
    else if (coding === 'deflate') {
      if (out.length === 0) continue;
      out = (out[0]! & 0x0f) === 0x08 ? zlib.inflateSync(out, { ...SYNC, maxOutputLength }) : zlib.inflateRawSync(out, { ...SYNC, maxOutputLength });
    } else if (coding === 'br') {
      out = zlib.brotliDecompressSync(out, {
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        maxOutputLength,
      });
    } else throw new Error(`No one-call decoder for the ${coding} coding`);
  }
  return out;
}
