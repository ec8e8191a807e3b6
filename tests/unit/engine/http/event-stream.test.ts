/**
 * Sources served as a server-sent event stream (Hund's /live/v2/status_page): the stream never ends by itself,
 * so the fetch keeps the first complete event as the body and closes the connection.
 */
import { createGzip, constants as zlibConstants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import { firstSseEventArrived } from '../../../../shared/engine/http/read-body';
import { deferred, socketClosed, useHttpHarness } from './harness';

const INIT = 'event: init_event\ndata: {"state":"operational","issues":[]}\n\n';
const bytes = (...parts: string[]) => parts.map((p) => new TextEncoder().encode(p));

describe('event-stream sources', () => {
  const h = useHttpHarness();

  it('an open stream: the first event is the body, and the connection is closed after it', async () => {
    const closed = deferred<Promise<void>>();
    h.server.handle('/live/v2/status_page', (req, res) => {
      closed.resolve(socketClosed(req.socket));
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
      res.write(':ok\n\n');
      res.write(INIT);
      // …and never ends, as the real stream does.
    });
    const outcome = await fetchSource({ url: h.server.url('/live/v2/status_page') }, h.deps());
    expect(outcome.kind).toBe('body');
    if (outcome.kind === 'body') expect(outcome.body).toBe(':ok\n\n' + INIT);
    await (await closed.promise);
  });

  it('a gzip-compressed open stream: its first event still arrives while the stream is open', async () => {
    h.server.handle('/live/v2/status_page', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Content-Encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(res);
      gzip.write(INIT);
      gzip.flush(zlibConstants.Z_SYNC_FLUSH); // the event on the wire now; the stream stays open
    });
    const outcome = await fetchSource({ url: h.server.url('/live/v2/status_page') }, h.deps());
    expect(outcome.kind === 'body' && outcome.body).toBe(INIT);
  });

  it('a stream that stalls before any event is a timeout, not an empty body', async () => {
    h.server.handle('/live/v2/status_page', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(':ok\n\n');
    });
    const outcome = await fetchSource({ url: h.server.url('/live/v2/status_page') }, h.deps());
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') expect(outcome.error.code).toBe('timeout');
  });

  it('the same bytes as JSON are read to the end (only event streams stop early)', async () => {
    h.server.handle('/doc', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"a":\n\n');
      res.end('1}');
    });
    const outcome = await fetchSource({ url: h.server.url('/doc') }, h.deps());
    expect(outcome.kind === 'body' && outcome.body).toBe('{"a":\n\n1}');
  });

  it('firstSseEventArrived: a data line and its blank line, across chunks and line endings', () => {
    expect(firstSseEventArrived(bytes('event: init_event\n', 'data: {}\n'))).toBe(false);
    expect(firstSseEventArrived(bytes('event: init_event\n', 'data: {}\n', '\n'))).toBe(true);
    expect(firstSseEventArrived(bytes('event: init_event\r\ndata: {}\r\n\r\n'))).toBe(true);
    expect(firstSseEventArrived(bytes(':comment\n\nretry: 10\n\n'))).toBe(false);
    expect(firstSseEventArrived(bytes('data: {"a":\ndata: 1}\n\n'))).toBe(true);
  });
});
