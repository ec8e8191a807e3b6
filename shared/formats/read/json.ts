/**
 * JSON reading for the JSON adapters: parse with errors mapped to `FormatError('parse')` (including the
 * RangeError of absurdly deep input), validate with zod. zod objects keep only the keys they declare, so a
 * `__proto__` key in the document never reaches our objects. Lists are validated per element and bad elements
 * skipped: one odd incident must not hide the rest of the page.
 */
import { z } from 'zod';
import { FormatError } from '../types';

/** JSON.parse that throws only `FormatError('parse')`. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (err) {
    const reason = err instanceof RangeError ? 'nested too deeply' : 'invalid JSON';
    throw new FormatError('parse', `Unreadable JSON document (${reason})`);
  }
}

/** Validate `data` against `schema`; throws `FormatError('parse')` naming `what` when the shape is wrong. */
export function validate<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(data);
  } catch {
    throw new FormatError('parse', `Not a ${what} document`);
  }
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new FormatError('parse', `Not a ${what} document${where ? ` (at ${where})` : ''}`);
  }
  return result.data;
}

/** Validate each element of `list` and keep the ones that fit (at most `max`). */
export function validItems<T>(schema: z.ZodType<T>, list: unknown, max: number): T[] {
  if (!Array.isArray(list)) return [];
  const out: T[] = [];
  for (const item of list) {
    if (out.length >= max) break;
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
  }
  return out;
}

/** An optional text field: strings kept, numbers stringified, null/other → undefined. */
export const text = z
  .unknown()
  .transform((v): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined))
  .optional();

/** A required non-empty id: string or number → string. */
export const idText = z.union([z.string().min(1), z.number()]).transform((v) => String(v));
