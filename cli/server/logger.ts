/**
 * The headless server's structured log: pino JSON lines on stdout (or a given stream), with levels. Requests are
 * logged by method and path only — never the query string, which carries the webhook token — and never
 * headers (the API token travels in `Authorization`).
 */
import pino, { type DestinationStream, type Logger } from 'pino';

/** Accepted `--log-level` values. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Create the logger. */
export function createServerLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'status-tray' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0], remoteAddress: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
