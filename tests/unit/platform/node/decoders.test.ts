import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodableInOneCall, decodeInOneCall } from '../../../../shared/platform/node/decoders';
import { readFeedBytes } from '../../../support/feeds';

const DOC = readFeedBytes('statuspage-feeds/githubstatus-history-2026-07-09-active.atom');
const MAX = 16 * 1024 * 1024;

describe('decodeInOneCall', () => {
  it('undoes gzip, zlib and raw deflate, br, and stacked codings last-first', () => {
    expect(decodeInOneCall('gzip', gzipSync(DOC), MAX).equals(DOC)).toBe(true);
    expect(decodeInOneCall('x-gzip', gzipSync(DOC), MAX).equals(DOC)).toBe(true);
    expect(decodeInOneCall('deflate', deflateSync(DOC), MAX).equals(DOC)).toBe(true);
    expect(decodeInOneCall('deflate', deflateRawSync(DOC), MAX).equals(DOC)).toBe(true);
    expect(decodeInOneCall('br', brotliCompressSync(DOC), MAX).equals(DOC)).toBe(true);
    expect(decodeInOneCall('br, GZIP', gzipSync(brotliCompressSync(DOC)), MAX).equals(DOC)).toBe(true);
  });

  it('throws past the output cap and for a damaged body, so the caller streams instead', () => {
    expect(() => decodeInOneCall('gzip', gzipSync(Buffer.alloc(2 * 1024 * 1024)), 1024 * 1024)).toThrow(RangeError);
    expect(() => decodeInOneCall('gzip', Buffer.from('not gzip'), MAX)).toThrow();
    expect(() => decodeInOneCall('zstd', Buffer.alloc(0), MAX)).toThrow(/zstd/);
  });
});

describe('decodableInOneCall', () => {
  it('admits lists of gzip, deflate and br only, up to five codings', () => {
    expect(decodableInOneCall('gzip')).toBe(true);
    expect(decodableInOneCall('br, gzip')).toBe(true);
    expect(decodableInOneCall(undefined)).toBe(false);
    expect(decodableInOneCall('')).toBe(false);
    expect(decodableInOneCall('zstd')).toBe(false);
    expect(decodableInOneCall('gzip, x-custom')).toBe(false);
    expect(decodableInOneCall('gzip, gzip, gzip, gzip, gzip')).toBe(true);
    expect(decodableInOneCall('gzip, gzip, gzip, gzip, gzip, gzip')).toBe(false);
  });
});
