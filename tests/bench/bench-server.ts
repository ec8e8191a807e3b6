/**
 * Bench helper, run as a child process so its CPU and memory are not counted against the client: serves
 * N sources from the local feed server on 127.0.0.1, source i at `/feeds/<i>` with the document and headers
 * bench-mix.ts assigns it (gzip when the client accepts it), each path with its own ETag. Protocol over
 * process IPC: the parent sends `{ n, set }` and gets `{ port }`; sends `'bytes'` and gets `{ bytes }` (all
 * bytes written to clients so far); sends `'exit'`.
 */
import { startFeedServer, type FeedServer } from '../support/feed-server';
import { BENCH_LAST_MODIFIED, docFor, type BenchSet } from './bench-mix';

let server: FeedServer | undefined;

process.on('message', (msg: unknown) => {
  void (async () => {
    if (msg && typeof msg === 'object' && 'n' in msg) {
      const { n, set } = msg as { n: number; set: BenchSet };
      server = await startFeedServer({ logLimit: 0, keepAliveTimeoutMs: 600_000 });
      for (let i = 0; i < n; i++) {
        const { doc } = docFor(set, i);
        const tag = `"bench-${i.toString(16)}-${doc.file.length.toString(16)}"`;
        server.serveFile(`/feeds/${i}`, doc.file, {
          contentType: doc.contentType,
          etag: doc.weakEtag ? `W/${tag}` : tag,
          lastModified: doc.lastModified ? BENCH_LAST_MODIFIED : false,
          headers: { 'Cache-Control': doc.cacheControl },
          compress: 'gzip',
        });
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
