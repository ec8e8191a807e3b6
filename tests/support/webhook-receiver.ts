/**
 * A local webhook receiver for channel tests: listens on 127.0.0.1 on a random port, records every request
 * (method, path, headers, raw body) and answers with whatever the test scripted per path (default 200).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One received request. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer: a status (and headers), or a function of the request number on that path (1-based). */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | ((n: number) => { status: number; headers?: Record<string, string>; body?: string });

/** A running receiver. */
export interface WebhookReceiver {
  readonly origin: string;
  url(path: string): string;
  /** Requests received on `path`, in order (all paths when omitted). */
  received(path?: string): ReceivedRequest[];
  /** Script the answer for `path`. */
  reply(path: string, reply: Reply): void;
  close(): Promise<void>;
}

/** Start a receiver. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const replies = new Map<string, Reply>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const scripted = replies.get(path);
      const answer = typeof scripted === 'function' ? scripted(n) : (scripted ?? { status: 200 });
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    received: (path) => requests.filter((r) => path === undefined || r.path === path),
    reply: (path, reply) => void replies.set(path, reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
