/**
 * A minimal WHATWG `Response` and its read-only `Headers` for the Node FetchPort's fast path (wire-fetch.ts).
 * Building Node 20's own `Response` (webidl conversions, a HeadersList, a validating `append` per field)
 * cost more than the rest of a 304 poll together; these hold undici's parsed fields as they are and do the
 * Fetch spec's work only when asked.
 *
 * What matches the Fetch spec (https://fetch.spec.whatwg.org/#response-class): `type` ("basic"), `url`,
 * `redirected`, `status`, `ok`, `statusText`, `headers` (guard "immutable": lookups case-insensitive,
 * combined with ", ", iteration sorted by name with each `set-cookie` apart, `getSetCookie()`, mutation
 * throws TypeError), `body` (a ReadableStream or null), `bodyUsed`, `arrayBuffer/blob/bytes/formData/json/
 * text` (read through Node's own Response, so they reject exactly as it does) and `clone()` (tees the body).
 * Not a subclass: `instanceof Response` is false.
 */
import * as nodeStream from 'node:stream';

/** `stream.isDisturbed` (Node ≥ 16.8; works on web streams), missing from this @types/node. */
const isDisturbed = (nodeStream as unknown as { isDisturbed(stream: ReadableStream): boolean }).isDisturbed;

/** Response fields as undici parses them: lower-cased names, Latin-1 values, repeated fields as arrays. */
export type ParsedFields = Record<string, string | string[] | undefined>;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Names already checked, by the spelling callers use (the same few on every poll). */
const checkedNames = new Map<string, string>();
const CHECKED_NAMES_MAX = 256;

/** The lower-cased name, after the check `Headers` makes. @throws TypeError for a name that is not a token. */
function fieldName(name: string): string {
  let key = checkedNames.get(name);
  if (key === undefined) {
    const s = String(name);
    if (!TOKEN.test(s)) throw new TypeError(`Headers: '${s}' is an invalid header name.`);
    key = s.toLowerCase();
    if (checkedNames.size >= CHECKED_NAMES_MAX) checkedNames.clear();
    checkedNames.set(s, key);
  }
  return key;
}

/** Read-only `Headers` over parsed response fields. */
export class WireHeaders {
  constructor(private readonly fields: ParsedFields) {}

  /** The field's values joined by ", ", or null. @throws TypeError for an invalid name. */
  get(name: string): string | null {
    const key = fieldName(name);
    const value = Object.hasOwn(this.fields, key) ? this.fields[key] : undefined;
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  /** @throws TypeError for an invalid name. */
  has(name: string): boolean {
    const key = fieldName(name);
    return Object.hasOwn(this.fields, key) && this.fields[key] !== undefined;
  }

  /** Every `Set-Cookie` value, in the order received. */
  getSetCookie(): string[] {
    const value = Object.hasOwn(this.fields, 'set-cookie') ? this.fields['set-cookie'] : undefined;
    return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  }

  /** Name/value pairs as the spec's "sort and combine" gives them. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.fields).sort()) {
      const value = this.fields[name];
      if (value === undefined) continue;
      if (name === 'set-cookie' && typeof value !== 'string') for (const v of value) yield [name, v];
      else yield [name, typeof value === 'string' ? value : value.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, name: string, parent: WireHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  append(): never {
    throw new TypeError('Headers are immutable.');
  }

  set(): never {
    throw new TypeError('Headers are immutable.');
  }

  delete(): never {
    throw new TypeError('Headers are immutable.');
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}

/** A response received by the fast path. */
export class WireResponse {
  readonly type = 'basic';
  readonly redirected = false;
  private stream: ReadableStream<Uint8Array> | null;

  /**
   * @param url the request URL (fragment removed).
   * @param body the body stream, or null for HEAD and null-body statuses (204, 205, 304).
   */
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: WireHeaders,
    body: ReadableStream<Uint8Array> | null,
  ) {
    this.stream = body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.stream;
  }

  /** True once the body was read from (or cancelled), by these methods or through `body`. */
  get bodyUsed(): boolean {
    return this.stream !== null && isDisturbed(this.stream);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.reader().then((r) => r.arrayBuffer());
  }

  blob(): Promise<Blob> {
    return this.reader().then((r) => r.blob());
  }

  bytes(): Promise<Uint8Array> {
    return this.reader().then((r) => r.arrayBuffer().then((b) => new Uint8Array(b)));
  }

  formData(): Promise<FormData> {
    return this.reader().then((r) => r.formData());
  }

  json(): Promise<unknown> {
    return this.reader().then((r) => r.json());
  }

  text(): Promise<string> {
    return this.reader().then((r) => r.text());
  }

  /** @throws TypeError when the body was already used. */
  clone(): WireResponse {
    if (this.bodyUsed || this.stream?.locked) throw new TypeError('Response.clone: Body has already been consumed.');
    let copy: ReadableStream<Uint8Array> | null = null;
    if (this.stream) [this.stream, copy] = this.stream.tee();
    return new WireResponse(this.url, this.status, this.statusText, this.headers, copy);
  }

  /**
   * Node's own Response over the same body, to read it with the spec's algorithms (and errors: a used or
   * locked body rejects with a TypeError). Its content type comes from our fields, for blob() and formData().
   */
  private reader(): Promise<Response> {
    return new Promise((resolve) => {
      const contentType = this.headers.get('content-type');
      resolve(new Response(this.stream, contentType === null ? {} : { headers: { 'content-type': contentType } }));
    });
  }
}
