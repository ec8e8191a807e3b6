/**
 * Bench helper, run as a child process so its CPU and memory are not counted against the engine: serves N
 * copies of one real captured feed from the local feed server on 127.0.0.1, each path with its own ETag and
 * Last-Modified. Protocol over process IPC: the parent sends `{ n, feed }` and gets `{ port }`; sends
 * `'bytes'` and gets `{ bytes }` (all bytes written to clients so far); sends `'exit'`.
 */
import { startFeedServer, type FeedServer } from '../support/feed-server';

let server: FeedServer | undefined;

process.on('message', (msg: unknown) => {
  void (async () => {
    if (msg && typeof msg === 'object' && 'n' in msg) {
      const { n, feed } = msg as { n: number; feed: string };
      server = await startFeedServer({ logLimit: 0, keepAliveTimeoutMs: 600_000 });
      for (let i = 0; i < n; i++) {
        server.serveFile(`/feeds/${i}`, feed, { etag: `"bench-${i}-v1"`, lastModified: 'Thu, 25 Sep 2026 22:24:05 GMT' });
      }
      process.send?.({ port: server.port });
    } else if (msg === 'bytes') {
      process.send?.({ bytes: server?.bytesSent() ?? 0 });
    } else if (msg === 'exit') {
      await server?.close();
      process.exit(0);
    }
  })();
});
