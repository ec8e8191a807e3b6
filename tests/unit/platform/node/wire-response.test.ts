/**
 * The fast path's minimal Response and Headers (wire-response.ts) behave like Node's own for everything a
 * caller can observe: built from the same received fields, both answer the same, read the body the same
 * way and refuse the same misuse.
 */
import { describe, expect, it } from 'vitest';
import { WireHeaders, WireResponse, type ParsedFields } from '../../../../shared/platform/node/wire-response';

/** Fields as undici parses them (lower-cased names, repeated ones as arrays), and the same as Headers. */
const FIELDS: ParsedFields = {
  'content-type': 'application/json; charset=utf-8',
  etag: 'W/"abc"',
  'set-cookie': ['a=1; Path=/', 'b=2'],
  vary: ['Accept-Encoding', 'Origin'],
  'cache-control': 'max-age=60',
  'x-empty': '',
};

function nodeHeaders(fields: ParsedFields): Headers {
  const h = new Headers();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value!]) h.append(name, v);
  return h;
}

function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  });
}

describe('WireHeaders', () => {
  const ours = new WireHeaders(FIELDS);
  const theirs = nodeHeaders(FIELDS);

  it.each(['Content-Type', 'ETAG', 'set-cookie', 'Vary', 'x-empty', 'x-missing', 'constructor', '__proto__', 'toString'])('get/has(%j) as Headers', (name) => {
    expect(ours.get(name)).toBe(theirs.get(name));
    expect(ours.has(name)).toBe(theirs.has(name));
  });

  it('iterates sorted and combined, with each set-cookie apart, in every iteration form', () => {
    expect([...ours]).toEqual([...theirs]);
    expect([...ours.entries()]).toEqual([...theirs.entries()]);
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    expect([...ours.values()]).toEqual([...theirs.values()]);
    const seen: string[] = [];
    ours.forEach((value, name, parent) => {
      expect(parent).toBe(ours);
      seen.push(`${name}=${value}`);
    });
    const expected: string[] = [];
    theirs.forEach((value, name) => expected.push(`${name}=${value}`));
    expect(seen).toEqual(expected);
    expect(ours.getSetCookie()).toEqual(theirs.getSetCookie());
    expect(new WireHeaders({}).getSetCookie()).toEqual([]);
  });

  it('refuses invalid names and any change, with a TypeError', () => {
    expect(() => ours.get('bad name')).toThrow(TypeError);
    expect(() => theirs.get('bad name')).toThrow(TypeError);
    expect(() => ours.append()).toThrow(TypeError);
    expect(() => ours.set()).toThrow(TypeError);
    expect(() => ours.delete()).toThrow(TypeError);
    expect(Object.prototype.toString.call(ours)).toBe('[object Headers]');
  });
});

describe('WireResponse', () => {
  const make = (status: number, body: ReadableStream<Uint8Array> | null) =>
    new WireResponse('https://status.example/api/v2/summary.json', status, 'Status Text', new WireHeaders(FIELDS), body);

  it('reports type, url, status, ok, statusText and redirected as a fetched response does', () => {
    const res = make(200, bodyOf('{}'));
    expect([res.type, res.url, res.status, res.ok, res.statusText, res.redirected]).toEqual([
      'basic', 'https://status.example/api/v2/summary.json', 200, true, 'Status Text', false,
    ]);
    expect(make(304, null).ok).toBe(false);
    expect(make(299, null).ok).toBe(true);
    expect(make(600, null).ok).toBe(false);
  });

  it('reads its body once, then refuses like Response', async () => {
    const res = make(200, bodyOf('{"a":1}'));
    expect(res.bodyUsed).toBe(false);
    expect(await res.json()).toEqual({ a: 1 });
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(TypeError);
    expect(() => res.clone()).toThrow(TypeError);
  });

  it('counts reading through body as use, as Response does', async () => {
    const res = make(200, bodyOf('xyz'));
    const reader = res.body!.getReader();
    await reader.read();
    reader.releaseLock();
    expect(res.bodyUsed).toBe(true);
  });

  it('reads a null body as empty and is never used', async () => {
    const res = make(304, null);
    expect(res.body).toBeNull();
    expect(await res.text()).toBe('');
    expect(res.bodyUsed).toBe(false);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('clones into two independent readers', async () => {
    const res = make(200, bodyOf('twice'));
    const copy = res.clone();
    expect(await copy.text()).toBe('twice');
    expect(await res.text()).toBe('twice');
    expect(copy.headers.get('etag')).toBe('W/"abc"');
  });

  it('gives blob() the received content type, and bytes() the raw bytes', async () => {
    const blob = await make(200, bodyOf('é')).blob();
    const reference = await new Response('é', { headers: { 'content-type': FIELDS['content-type'] as string } }).blob();
    expect(blob.type).toBe(reference.type);
    expect(blob.type).toContain('application/json');
    expect([...(await make(200, bodyOf('é')).bytes())]).toEqual([0xc3, 0xa9]);
  });
});
