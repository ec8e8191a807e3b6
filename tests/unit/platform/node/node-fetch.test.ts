/** The Node FetchPort: one shared keep-alive agent, manual redirects returned as-is. */
import { describe, expect, it } from 'vitest';
import { fetchSource } from '../../../../shared/engine/http/fetch-source';
import { useHttpHarness } from '../../engine/http/harness';

describe('createNodeFetch', () => {
  const h = useHttpHarness();

  it('reuses one connection across polls spaced in time', async () => {
    const sockets = new Set<unknown>();
    h.server.handle('/summary.json', (req, res) => {
      sockets.add(req.socket);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":{}}');
    });
    for (let i = 0; i < 3; i++) {
      expect((await fetchSource({ url: h.server.url('/summary.json') }, h.deps())).kind).toBe('body');
      // undici hands the socket back to the pool just after the body ends; real polls are minutes apart.
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(h.server.count('/summary.json')).toBe(3);
    expect(sockets.size).toBe(1);
  });

  it('returns a 3xx itself under redirect: manual', async () => {
    h.server.handle('/r', (_req, res) => res.writeHead(301, { Location: '/elsewhere' }).end());
    const res = await h.http.fetch(h.server.url('/r'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/elsewhere');
    expect(h.server.count('/elsewhere')).toBe(0);
  });

  it('rejects after close()', async () => {
    await h.http.close();
    await expect(h.http.fetch(h.server.url('/x'), {})).rejects.toThrow();
  });
});
