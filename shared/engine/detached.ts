/**
 * Copies that own their strings. A parser's strings are often V8 *sliced strings*: views into the document
 * they came from, which keep the whole body (tens to hundreds of kB) alive for as long as any of them is
 * referenced. What a source keeps between polls (its kept status, seen map, page components) and the events
 * it hands out are copied here once, so a body is garbage as soon as its poll is over; the rest of the parse
 * (the history rows of the poll) is written and dropped, and needs no copy. See docs/storage.md ("What a
 * source keeps").
 */

/**
 * A deep copy of `value` made by a JSON round trip: plain objects, arrays, strings, finite numbers, booleans
 * and null come back equal (`undefined` properties are dropped, as in the stored state). Every string in the
 * copy is a fresh flat string. Returns `undefined` for `undefined`.
 * @throws TypeError for a cycle, RangeError for nesting deeper than the JSON serialiser allows; the engine
 *   copies only what it built from a parsed status, which has neither.
 */
export function detached<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The JSON text each copy made by `detachedWithJson` was read from, until `takeJsonOf` hands it out. The text
 * is as large as the copy itself: kept past its one write it doubled what every source holds in memory.
 */
const textOf = new WeakMap<object, string>();

/**
 * `detached` for an object the caller keeps and a store writes as JSON: the text of the round trip is
 * remembered until `takeJsonOf` hands it out, once, instead of serialising the copy again. `shape` may wrap the
 * parsed copy (e.g. into a null-prototype map) as long as it serialises to the same text. The copy must be read
 * only until then: a change to it would not reach the remembered text.
 */
export function detachedWithJson<T extends object>(value: T, shape: (copy: T) => T = (copy) => copy): T {
  const text = JSON.stringify(value);
  const copy = shape(JSON.parse(text) as T);
  textOf.set(copy, text);
  return copy;
}

/**
 * The JSON of `value`: the text `detachedWithJson` read it from, which is then forgotten (a store writes a
 * kept part once), else `JSON.stringify(value)` — so a second call (a transaction retried after a failed
 * write) still gives the right text, at the cost of serialising.
 */
export function takeJsonOf(value: object): string {
  const text = textOf.get(value);
  if (text === undefined) return JSON.stringify(value);
  textOf.delete(value);
  return text;
}
