/**
 * The desktop app's FetchPort over a stand-in for Electron's `net.request`, built on node:http with the
 * documented `redirect: 'manual'` behaviour (a `redirect` event with status, method, absolute URL and headers
 * instead of following). Through it, the real `fetchSource` runs against the local feed server.
 */
import { EventEmitter } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { ClientRequest, ClientRequestConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElectronFetch, type NetLike } from '../../../electron/net-fetch';
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { startFeedServer, type FeedServer } from '../../support/feed-server';

interface FakeRequest extends EventEmitter {
  options: ClientRequestConstructorOptions;
  headers: Record<string, string>;
  aborted: boolean;
}

/** `net.request` on node:http, redirect mode 'manual' as Electron documents it. */
function fakeNet(log: FakeRequest[]): NetLike {
  return {
    request(options) {
      const req = Object.assign(new EventEmitter(), { options, headers: {} as Record<string, string>, aborted: false }) as FakeRequest;
      log.push(req);
      let inner: ReturnType<typeof httpRequest> | undefined;
      const api = Object.assign(req, {
        setHeader(name: string, value: string) {
          if (name.toLowerCase() === 'accept-encoding') throw new Error('Chromium owns this header');
          req.headers[name] = value;
        },
        abort() {
          req.aborted = true;
          inner?.destroy();
        },
        end() {
          inner = httpRequest(options.url!, { method: options.method, headers: req.headers }, (res: IncomingMessage) => {
            const location = res.headers.location;
            if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
              const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, ([] as string[]).concat(v ?? [])]));
              req.emit('redirect', res.statusCode, options.method, new URL(location, options.url).href, headers);
              return;
            }
            res.on('aborted', () => req.emit('aborted'));
            req.emit('response', res);
          });
          inner.on('error', (err) => {
            if (!req.aborted) req.emit('error', new Error(`net::ERR_CONNECTION_REFUSED (${err.message})`));
          });
          inner.end();
        },
      });
      return api as unknown as ClientRequest;
    },
  };
}

let server: FeedServer;
let log: FakeRequest[];
beforeEach(async () => {
  server = await startFeedServer();
  log = [];
});
afterEach(() => server.close());

const deps = () => ({ fetch: createElectronFetch(fakeNet(log)), userAgent: 'StatusTray/test', now: Date.now, limits: { headersTimeoutMs: 1000, totalTimeoutMs: 2000 } });

describe('createElectronFetch', () => {
  it('asks Chromium for a manual redirect without cookies or referrer, and passes our headers', async () => {
    server.serveFile('/gh.json', 'statuspage-json/githubstatus-summary-2026-09-25-operational.json', { etag: 'W/"a"' });
    const out = await fetchSource({ url: server.url('/gh.json'), etag: 'W/"a"' }, deps());
    expect(out.kind).toBe('not-modified');
    expect(log[0]!.options).toMatchObject({ redirect: 'manual', credentials: 'omit', useSessionCookies: false, referrerPolicy: 'no-referrer' });
    expect(log[0]!.headers).toMatchObject({ 'if-none-match': 'W/"a"', 'user-agent': 'StatusTray/test' });
    expect(server.requests('/gh.json')[0]?.headers['if-none-match']).toBe('W/"a"');
  });

  it('returns each redirect hop to fetchSource, which follows it and records the permanent move', async () => {
    server.serveFile('/new.json', 'statuspage-json/cursor-summary-2026-09-25-active-incident.json');
    server.handle('/old.json', (_req, res) => res.writeHead(301, { Location: '/new.json' }).end());
    const out = await fetchSource({ url: server.url('/old.json') }, deps());
    expect(out).toMatchObject({ kind: 'body', finalUrl: server.url('/new.json'), permanentUrl: server.url('/new.json') });
    expect(out.kind === 'body' && out.body).toContain('Grok Bot');
    expect(log[0]!.aborted).toBe(true); // the hop was not followed by Chromium
    expect(log).toHaveLength(2);
  });

  it('streams the body and gives null bodies for 304', async () => {
    server.serveFile('/do.atom', 'statuspage-feeds/digitalocean-history-2019-10-30.atom', { etag: '"d"' });
    const first = await fetchSource({ url: server.url('/do.atom') }, deps());
    expect(first.kind === 'body' && first.bytes).toBe(54706);
    const second = await fetchSource({ url: server.url('/do.atom'), etag: '"d"' }, deps());
    expect(second).toMatchObject({ kind: 'not-modified', etag: '"d"' });
  });

  it('aborts the request when the deadline passes, and the server sees the connection close', async () => {
    let closed = false;
    server.handle('/stall', (req) => req.socket.on('close', () => (closed = true)));
    const out = await fetchSource({ url: server.url('/stall') }, deps());
    expect(out).toMatchObject({ kind: 'error', error: { code: 'timeout' } });
    expect(log[0]!.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  it('reports network errors as Chromium does', async () => {
    const other = await startFeedServer();
    const url = other.url('/x');
    await other.close();
    const out = await fetchSource({ url }, deps());
    expect(out).toMatchObject({ kind: 'error', error: { code: 'network' } });
  });
});
