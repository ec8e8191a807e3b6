/**
 * Text folding: how names are compared everywhere (catalog ids and search, filter matching, duplicate sources).
 * Pure; safe for the renderer.
 */

/** Lower-case, strip diacritics (NFD + combining marks), collapse whitespace: "Zürich  Ünit" → "zurich unit". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A URL-safe slug: folded, every run of non-alphanumerics one "-", no leading or trailing "-". "Fly.io" → "fly-io". */
export function slugify(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
