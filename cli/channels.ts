/**
 * Alert channels for the headless runner and server: read the channel file (`--channels FILE` or
 * `$STATUS_TRAY_CHANNELS`), with secrets from the environment, and build a dispatcher on Node's fetch and
 * nodemailer. Nothing here prints a secret: errors from the file name the channel and field only.
 */
import { readFileSync } from 'node:fs';
import { parseChannelFile } from '../shared/channels/config';
import { createMemoryDeliveryLog, type DeliveryLog } from '../shared/channels/delivery-log';
import { createChannelDispatcher, type ChannelDispatcher } from '../shared/channels/dispatcher';
import { createChannelSender } from '../shared/channels/senders';
import type { ChannelConfig } from '../shared/channels/types';
import { createNodemailerPort } from '../shared/platform/node/mail';
import { systemClock, type Clock, type FetchPort } from '../shared/engine/ports';

/** The headless channel machinery. */
export interface CliChannels {
  channels: ChannelConfig[];
  dispatcher: ChannelDispatcher;
  log: DeliveryLog;
}

/** Environment variable naming the channel file when `--channels` is absent. */
export const CHANNELS_ENV = 'STATUS_TRAY_CHANNELS';

/**
 * Load channels from `file` (else `$STATUS_TRAY_CHANNELS`). `deps.log` is where deliveries are logged (the
 * database's delivery log with `--db`); default an in-memory log.
 * @returns undefined when neither is given, the channels, or `{ error }` (unreadable file, invalid entry).
 */
export function loadCliChannels(
  file: string | undefined,
  deps: { env: NodeJS.ProcessEnv; fetch?: FetchPort; clock?: Clock; userAgent: string; warn: (m: string) => void; log?: DeliveryLog },
): CliChannels | { error: string } | undefined {
  const path = file ?? deps.env[CHANNELS_ENV];
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { error: `Cannot read the channel file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  const parsed = parseChannelFile(text, deps.env);
  if ('error' in parsed) return { error: `${path}: ${parsed.error}` };
  const clock = deps.clock ?? systemClock;
  // status.db's channel_deliveries when the run has a database (--db), else memory for this run only.
  const log = deps.log ?? createMemoryDeliveryLog();
  const send = createChannelSender({ fetch: deps.fetch ?? ((u, i) => fetch(u, i)), mail: createNodemailerPort(), secrets: parsed.secrets, clock, userAgent: deps.userAgent });
  const dispatcher = createChannelDispatcher({ channels: () => parsed.channels, send, clock, log, warn: deps.warn });
  return { channels: parsed.channels, dispatcher, log };
}

/** `--test-channels`: a test alert to each channel, one result line each. @returns the exit code. */
export async function testCliChannels(ch: CliChannels, json: boolean, out: (l: string) => void): Promise<number> {
  let failed = 0;
  for (const channel of ch.channels) {
    const r = await ch.dispatcher.sendTest(channel);
    if (!r.ok) failed++;
    if (json) out(JSON.stringify({ channel: channel.id, kind: channel.kind, ok: r.ok, ...(r.ok ? {} : { error: r.error }) }));
    else out(`${channel.id} (${channel.kind}): ${r.ok ? 'delivered' : `failed: ${r.error}`}`);
  }
  return failed === 0 ? 0 : 1;
}
