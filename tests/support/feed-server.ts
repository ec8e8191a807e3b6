/**
 * A local HTTP server for tests and the bench: serves real captured feeds (read in place from
 * ../shared/feeds via feeds.ts) or given bodies on paths, answers conditional requests like a real origin,
 * records what clients sent, and lets a test take over a path to inject faults. It listens on 127.0.0.1 on
 * a random port only. Cheap per path (a map entry; bodies of the same feed file are shared), so the bench
 * can register 1000 paths.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { readFeedBytes } from './feeds';

/** Validators and headers of a served document. `false` means "send no such header". */
export interface ServeOptions {
  /** `Content-Type` (default: guessed from the file extension, else `application/octet-stream`). */
  contentType?: string;
  /** `ETag` exactly as it should appear on the wire, e.g. `W/"a"` (default: none). */
  etag?: string | false;
  /** `Last-Modified` exactly as it should appear on the wire (default: none). */
  lastModified?: string | false;
  /** Extra response headers (e.g. `Cache-Control`). */
  headers?: Record<string, string>;
  /** Always answer 200, ignoring `If-None-Match` / `If-Modified-Since` (docs/http-and-faults.md, row 26). */
  ignoreValidators?: boolean;
  /** Compress when the client accepts it (`gzip` or `br`); `'force-gzip'` compresses regardless (row 10). */
  compress?: 'gzip' | 'br' | 'force-gzip';
}

/** What `swap` changes to: a feed path (relative to FEEDS_DIR), or a body, with optional new validators. */
export type SwapTarget =
  | string
  | Buffer
  | { file?: string; body?: string | Buffer; etag?: string | false; lastModified?: string | false };

/** Takes over a path; `ctx.count` is this path's request number (1-based). */
export type FaultHandler = (req: IncomingMessage, res: ServerResponse, ctx: { count: number; server: FeedServer }) => void;

/** One request as received. */
export interface RecordedRequest {
  method: string;
  /** Path including any query string. */
  url: string;
  /** Header names lower-cased; values as Node parsed them. */
  headers: IncomingHttpHeaders;
  /** Name/value pairs exactly as sent (byte-exact view). */
  rawHeaders: string[];
  /** Local wall time, ms. */
  at: number;
}

/** A running feed server. */
export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Serve a captured feed (read once and cached per file) at `path`. */
  serveFile(path: string, feedRelativePath: string, options?: ServeOptions): void;
  /**
   * Serve `body` at `path`. `headers` are sent as given; an `etag` / `last-modified` among them (any case)
   * also drive conditional requests. Accepts a ServeOptions object instead, when more control is needed.
   */
  serveBody(path: string, body: string | Buffer, headers?: Record<string, string> | ServeOptions): void;
  /**
   * Replace what `path` serves, as the origin would after a change. Unless the target says otherwise, a new
   * ETag is derived from the new body (keeping `W/` if the old one was weak) and Last-Modified moves one
   * minute later — only for validators the path had.
   */
  swap(path: string, next: SwapTarget): void;
  /** Let `handler` answer `path` (fault injection). Requests are still counted and logged. */
  handle(path: string, handler: FaultHandler): void;
  /** Forget a path (it then answers 404). */
  remove(path: string): void;
  /** Requests received for `path` (query string ignored). */
  count(path: string): number;
  /** The last `logLimit` requests for `path`, oldest first. */
  requests(path: string): RecordedRequest[];
  /** Requests received for all paths. */
  totalRequests(): number;
  /** Bytes written to clients on every connection so far (status lines, headers and bodies): the bench's "bytes received". */
  bytesSent(): number;
  /** Stop listening and destroy every open connection. */
  close(): Promise<void>;
}

/** Server tuning. */
export interface FeedServerOptions {
  /** Requests kept per path in the log (default 50; counts are always exact). */
  logLimit?: number;
  /** Idle keep-alive timeout of server connections, ms (default 120 s: longer than any test). */
  keepAliveTimeoutMs?: number;
}

interface StaticRoute {
  kind: 'static';
  body: Buffer;
  contentType: string;
  etag: string | undefined;
  lastModified: string | undefined;
  headers: Record<string, string>;
  ignoreValidators: boolean;
  compress: ServeOptions['compress'];
}
type Route = StaticRoute | { kind: 'handler'; handler: FaultHandler };

interface PathStats {
  count: number;
  log: RecordedRequest[];
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Start a server on 127.0.0.1 with a random port. */
export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const logLimit = options.logLimit ?? 50;
  const routes = new Map<string, Route>();
  const stats = new Map<string, PathStats>();
  const fileCache = new Map<string, Buffer>();
  const sockets = new Set<Socket>();
  let total = 0;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    total++;
    const entry = stats.get(path) ?? { count: 0, log: [] };
    stats.set(path, entry);
    entry.count++;
    entry.log.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, rawHeaders: req.rawHeaders, at: Date.now() });
    if (entry.log.length > logLimit) entry.log.shift();

    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } else if (route.kind === 'handler') {
      route.handler(req, res, { count: entry.count, server: api });
    } else {
      serveStatic(route, req, res);
    }
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 120_000;
  let bytesOfClosedSockets = 0;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      bytesOfClosedSockets += socket.bytesWritten;
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const fileBytes = (relative: string): Buffer => {
    let bytes = fileCache.get(relative);
    if (!bytes) {
      bytes = readFeedBytes(relative);
      fileCache.set(relative, bytes);
    }
    return bytes;
  };

  const staticRoute = (body: Buffer, opts: ServeOptions, fallbackType: string): StaticRoute => {
    prepareEncoding(body, opts.compress);
    return {
      kind: 'static',
      body,
      contentType: opts.contentType ?? fallbackType,
      etag: opts.etag || undefined,
      lastModified: opts.lastModified || undefined,
      headers: opts.headers ?? {},
      ignoreValidators: opts.ignoreValidators ?? false,
      compress: opts.compress,
    };
  };

  const api: FeedServer = {
    origin,
    port,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    serveFile(path, feedRelativePath, opts = {}) {
      const ext = feedRelativePath.split('.').pop() ?? '';
      routes.set(path, staticRoute(fileBytes(feedRelativePath), opts, CONTENT_TYPES[ext] ?? 'application/octet-stream'));
    },
    serveBody(path, body, headersOrOptions = {}) {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      routes.set(path, staticRoute(bytes, toServeOptions(headersOrOptions), 'application/octet-stream'));
    },
    swap(path, next) {
      const route = routes.get(path);
      if (!route || route.kind !== 'static') throw new Error(`swap: ${path} is not a served document`);
      const target = typeof next === 'string' ? { file: next } : Buffer.isBuffer(next) ? { body: next } : next;
      const body = target.file !== undefined ? fileBytes(target.file) : target.body !== undefined ? toBuffer(target.body) : route.body;
      route.body = body;
      prepareEncoding(body, route.compress);
      route.etag = target.etag === false ? undefined : (target.etag ?? (route.etag ? nextEtag(route.etag, body) : undefined));
      route.lastModified =
        target.lastModified === false ? undefined : (target.lastModified ?? (route.lastModified ? nextLastModified(route.lastModified) : undefined));
    },
    handle(path, handler) {
      routes.set(path, { kind: 'handler', handler });
    },
    remove(path) {
      routes.delete(path);
    },
    count: (path) => stats.get(path)?.count ?? 0,
    requests: (path) => [...(stats.get(path)?.log ?? [])],
    totalRequests: () => total,
    bytesSent: () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, bytesOfClosedSockets),
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        for (const socket of sockets) socket.destroy();
      }),
  };
  return api;
}

/** Answer a static route, honouring conditional headers like an origin (RFC 9110 §13.2.2 order). */
function serveStatic(route: StaticRoute, req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = { 'Content-Type': route.contentType, ...route.headers };
  if (route.etag) headers.ETag = route.etag;
  if (route.lastModified) headers['Last-Modified'] = route.lastModified;

  if (!route.ignoreValidators && (req.method === 'GET' || req.method === 'HEAD') && notModified(route, req.headers)) {
    delete headers['Content-Type'];
    res.writeHead(304, headers).end();
    return;
  }

  let body = route.body;
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding =
    route.compress === 'force-gzip' ? 'gzip' : route.compress && new RegExp(`\\b${route.compress}\\b`).test(accepts) ? route.compress : undefined;
  if (encoding) {
    body = encoded(route.body, encoding);
    headers['Content-Encoding'] = encoding;
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Compressed bodies, by the uncompressed buffer (routes serving the same file share one buffer, so the bench's
 * 1000 paths compress each document once). Compressing happens when a route is set up, not while a client
 * waits: brotli at its default quality takes hundreds of ms for a 70 KB feed on a loaded machine, longer
 * than the short deadlines the tests use.
 */
const encodedBodies = new WeakMap<Buffer, Map<string, Buffer>>();

function encoded(body: Buffer, encoding: 'gzip' | 'br'): Buffer {
  let byEncoding = encodedBodies.get(body);
  if (!byEncoding) encodedBodies.set(body, (byEncoding = new Map()));
  let packed = byEncoding.get(encoding);
  if (!packed) {
    // Brotli at quality 5, what servers use on the fly: its default (11) takes ~0.4 s for a 70 KB feed on
    // a loaded machine.
    packed = encoding === 'gzip' ? gzipSync(body) : brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
    byEncoding.set(encoding, packed);
  }
  return packed;
}

function prepareEncoding(body: Buffer, compress: ServeOptions['compress']): void {
  if (compress) encoded(body, compress === 'force-gzip' ? 'gzip' : compress);
}

/** `If-None-Match` wins over `If-Modified-Since` when both are present (RFC 9110 §13.2.2). */
function notModified(route: StaticRoute, headers: IncomingHttpHeaders): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (!route.etag) return false;
    if (inm.trim() === '*') return true;
    // Weak comparison (RFC 9110 §8.8.3.2): opaque tags equal, W/ ignored on both sides.
    const mine = opaque(route.etag);
    return splitEtags(inm).some((tag) => opaque(tag) === mine);
  }
  const ims = headers['if-modified-since'];
  if (ims !== undefined && route.lastModified) {
    const since = Date.parse(ims);
    const modified = Date.parse(route.lastModified);
    return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
  }
  return false;
}

function opaque(tag: string): string {
  const t = tag.trim();
  return t.startsWith('W/') ? t.slice(2) : t;
}

/** Split an `If-None-Match` list on commas outside quotes. */
function splitEtags(list: string): string[] {
  return list.match(/(?:W\/)?"[^"]*"|[^,\s]+/g) ?? [];
}

function nextEtag(previous: string, body: Buffer): string {
  const tag = `"${createHash('sha256').update(body).update(previous).digest('hex').slice(0, 16)}"`;
  return previous.startsWith('W/') ? `W/${tag}` : tag;
}

function nextLastModified(previous: string): string {
  const ms = Date.parse(previous);
  return new Date((Number.isFinite(ms) ? ms : Date.now()) + 60_000).toUTCString();
}

function toBuffer(body: string | Buffer): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

const OPTION_KEYS = new Set(['contentType', 'etag', 'lastModified', 'headers', 'ignoreValidators', 'compress']);

/** serveBody accepts plain headers or ServeOptions; validators among plain headers drive conditional GETs. */
function toServeOptions(input: Record<string, string> | ServeOptions): ServeOptions {
  const keys = Object.keys(input);
  if (keys.length > 0 && keys.every((k) => OPTION_KEYS.has(k))) return input as ServeOptions;
  const headers: Record<string, string> = {};
  const opts: ServeOptions = { headers };
  for (const [name, value] of Object.entries(input as Record<string, string>)) {
    const lower = name.toLowerCase();
    if (lower === 'etag') opts.etag = value;
    else if (lower === 'last-modified') opts.lastModified = value;
    else if (lower === 'content-type') opts.contentType = value;
    else headers[name] = value;
  }
  return opts;
}
