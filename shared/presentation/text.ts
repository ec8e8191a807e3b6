/**
 * Small text helpers for what people read (toasts, tray, status window, CLI): plain, single-spaced, bounded.
 */
import type { SaveError } from '../engine/save-error';

/** Control characters (C0, DEL, C1) and bidi overrides that could disguise text in a toast. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Collapse whitespace, drop control and bidi-override characters, and cut to `max` characters (an ellipsis
 * marks the cut, at a word boundary when one is near). Input is already plain text (adapters strip HTML).
 */
export function plainText(text: string, max: number): string {
  const clean = text.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The one line every surface shows when the state cannot be saved: "Cannot save to <path>: <reason>". */
export function saveErrorText(e: Pick<SaveError, 'path' | 'reason'>): string {
  return `Cannot save to ${e.path}: ${e.reason}`;
}
