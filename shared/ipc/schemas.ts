/**
 * zod schemas for every invoke payload of the IPC contract (./contract.ts), and the sender check. Main
 * validates every call with these before it reaches the controller: the renderer is treated as untrusted.
 * Arguments arrive as the array passed to `ipcRenderer.invoke(channel, ...args)`.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH } from '../domain/source';
import type { StatusTrayApi, SubscribeMethod } from './contract';
import {
  httpUrlSchema,
  intervalSchema,
  checkSpecSchema,
  notifyLevelSchema,
  sourceFilterSchema,
  sourceIdSchema,
} from './settings-schema';
import { failAfterPollsSchema, quietHoursSchema, snoozeRequestSchema } from '../noise/schemas';
import { channelConfigSchema, channelIdSchema, channelSecretsSchema } from '../channels/config';

/** Methods of `StatusTrayApi` that are invoke channels. */
export type InvokeMethod = Exclude<keyof StatusTrayApi, SubscribeMethod>;

/** A name in a payload: trimmed, at most 100 characters; empty means "no name" (use the document's). */
const payloadNameSchema = z.string().trim().max(MAX_NAME_LENGTH, `The name is longer than ${MAX_NAME_LENGTH} characters`);

/** `AddSourceInput`, strict keys. */
export const addSourceInputSchema = z.strictObject({
  url: httpUrlSchema,
  name: payloadNameSchema.optional(),
  notify: notifyLevelSchema.optional(),
  intervalSeconds: intervalSchema.optional(),
  filter: sourceFilterSchema.optional(),
  check: checkSpecSchema.optional(),
});

/** `SourcePatch`, strict keys; at least one field. */
export const sourcePatchSchema = z
  .strictObject({
    name: payloadNameSchema.optional(),
    enabled: z.boolean().optional(),
    intervalSeconds: intervalSchema.optional(),
    notify: notifyLevelSchema.optional(),
    notifyMaintenance: z.boolean().optional(),
    filter: sourceFilterSchema.nullable().optional(),
    check: checkSpecSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');

/** An incident's id as the engine gave it (a platform id, guid or link): never empty, at most 500 characters. */
const incidentIdSchema = z.string().min(1).max(500);

/** A pause end (ms since epoch) or null to resume. */
const pauseUntilSchema = z.number().int().nonnegative().nullable();

/** Argument tuples per invoke channel, keyed by API method. */
export const invokeArgsSchemas = {
  getSnapshot: z.tuple([]),
  previewSource: z.tuple([httpUrlSchema]),
  addSource: z.tuple([addSourceInputSchema]),
  updateSource: z.tuple([sourceIdSchema, sourcePatchSchema]),
  removeSource: z.tuple([sourceIdSchema]),
  checkNow: z.tuple([sourceIdSchema.optional()]),
  pauseNotifications: z.tuple([pauseUntilSchema]),
  setLaunchAtLogin: z.tuple([z.boolean()]),
  setDefaultInterval: z.tuple([intervalSchema]),
  openExternal: z.tuple([httpUrlSchema]),
  openSettings: z.tuple([]),
  // No arguments: the file is chosen in main's own dialog, never named by the renderer.
  importOpml: z.tuple([]),
  exportOpml: z.tuple([]),
  snoozeSource: z.tuple([sourceIdSchema, snoozeRequestSchema.nullable()]),
  watchIncident: z.tuple([sourceIdSchema, incidentIdSchema, z.boolean()]),
  setQuietHours: z.tuple([quietHoursSchema]),
  setFailAfterPolls: z.tuple([failAfterPollsSchema]),
  getHistory: z.tuple([
    z.strictObject({
      sourceIds: z.array(sourceIdSchema).max(1000).optional(),
      since: z.number().int().nonnegative().optional(),
    }),
  ]),
  getIncidentUpdates: z.tuple([sourceIdSchema, incidentIdSchema]),
  // Alert channels.
  listChannels: z.tuple([]),
  saveChannel: z.tuple([channelConfigSchema, channelSecretsSchema]),
  removeChannel: z.tuple([channelIdSchema]),
  testChannel: z.tuple([channelIdSchema]),
  getChannelDeliveries: z.tuple([channelIdSchema, z.number().int().min(1).max(200).optional()]),
  setPopoverPinned: z.tuple([z.boolean()]),
  closePopover: z.tuple([]),
  openFullWindow: z.tuple([]),
} as const satisfies Record<InvokeMethod, z.ZodType>;

/** Validated arguments of each method, as the controller receives them. */
export type InvokeArgs<M extends InvokeMethod> = Parameters<StatusTrayApi[M]>;

/**
 * Validate the arguments of one call.
 * @returns `{ ok: true, args }` or `{ ok: false, message }` with the first problem in words (no stack, no input echo).
 */
export function parseInvokeArgs<M extends InvokeMethod>(
  method: M,
  args: readonly unknown[],
): { ok: true; args: InvokeArgs<M> } | { ok: false; message: string } {
  const schema = invokeArgsSchemas[method] as z.ZodType;
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, args: result.data as InvokeArgs<M> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, message: `${issue?.message ?? 'Invalid payload'}${where}` };
}

/**
 * The origin of a URL as the app compares it: `scheme://host[:port]` for every scheme (WHATWG `URL.origin` is
 * "null" for custom schemes such as `app:`), or the whole URL without query and fragment for `file:`.
 * @returns undefined for anything that does not parse.
 */
export function senderOrigin(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return `file://${u.pathname}`;
    if (!u.host) return undefined;
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/**
 * True when an IPC message comes from one of the app's own pages.
 * @param url `event.senderFrame.url` (may be missing when the frame navigated away or was destroyed).
 * @param trustedOrigins e.g. `['app://status-tray']`, or in development `['http://localhost:5173']`; a
 *   `file://` entry matches that exact file only.
 */
export function validateSender(url: string | undefined | null, trustedOrigins: readonly string[]): boolean {
  if (typeof url !== 'string' || url === '') return false;
  const origin = senderOrigin(url);
  if (origin === undefined) return false;
  return trustedOrigins.some((t) => senderOrigin(t) === origin);
}
