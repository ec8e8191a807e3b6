/**
 * zod schemas of the noise-control settings (./types.ts), used by settings.json validation and by the IPC
 * payload checks. Strict keys, bounded lists, so a hand-edited file or a hostile renderer cannot grow them.
 */
import { z } from 'zod';
import { MAX_FAIL_AFTER_POLLS, MAX_HELD, MIN_FAIL_AFTER_POLLS } from '../domain/noise';

/** Most incident ids one snooze or one source's watch list holds. */
export const MAX_INCIDENT_IDS = 50;

const incidentIdSchema = z.string().min(1).max(500);
const timeSchema = z.number().int().nonnegative();

/** `Snooze`: `{ until }` or `{ untilResolved: [ids] }`. */
export const snoozeSchema = z.union([
  z.strictObject({ until: timeSchema }),
  z.strictObject({ untilResolved: z.array(incidentIdSchema).min(1).max(MAX_INCIDENT_IDS) }),
]);

/** `SnoozeRequest`: whole hours 1–168, or until resolved. */
export const snoozeRequestSchema = z.union([
  z.strictObject({ hours: z.number().int().min(1, 'Snooze for at least an hour').max(168, 'Snooze for at most a week') }),
  z.strictObject({ untilResolved: z.literal(true) }),
]);

/** A local time `HH:MM`, 00:00–23:59. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 22:00');

/** `QuietHours`. */
export const quietHoursSchema = z.strictObject({
  enabled: z.boolean(),
  start: clockTimeSchema,
  end: clockTimeSchema,
  days: z.array(z.number().int().min(0).max(6)).max(7).refine((d) => new Set(d).size === d.length, 'A day is listed twice'),
  criticalAlwaysNotifies: z.boolean(),
});

/** `HeldNotification`. */
export const heldNotificationSchema = z.strictObject({
  sourceId: z.string().max(128).optional(),
  provider: z.string().max(200).optional(),
  headline: z.string().max(400),
  at: timeSchema,
});

/** "Failing after N polls". */
export const failAfterPollsSchema = z
  .number()
  .int('Use a whole number of checks')
  .min(MIN_FAIL_AFTER_POLLS, `At least ${MIN_FAIL_AFTER_POLLS}`)
  .max(MAX_FAIL_AFTER_POLLS, `At most ${MAX_FAIL_AFTER_POLLS}`);

/** Optional per-source noise fields, spread into the source settings schema. */
export const sourceNoiseFields = {
  snooze: snoozeSchema.optional(),
  notifyMaintenance: z.boolean().optional(),
  fixWatches: z.array(incidentIdSchema).max(MAX_INCIDENT_IDS).optional(),
};

/** Optional app-wide noise fields, spread into the app settings schema. */
export const appNoiseFields = {
  quietHours: quietHoursSchema.optional(),
  failAfterPolls: failAfterPollsSchema.optional(),
  heldNotifications: z.array(heldNotificationSchema).max(MAX_HELD).optional(),
};
