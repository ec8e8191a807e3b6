/**
 * Bytes → text for a status document. The charset comes from, in order: a byte-order mark (it wins, as in
 * the WHATWG Encoding "decode" algorithm), the `Content-Type` charset parameter, the XML declaration's
 * `encoding` (XML 1.0 §4.3.3), else UTF-8 (JSON is UTF-8 by RFC 8259 §8.1).
 */

/**
 * Decode a response body.
 * @param bytes the decompressed body.
 * @param contentType the `Content-Type` header as received, if any.
 * @returns the text without a BOM. Unknown charset labels fall back to UTF-8; invalid sequences become
 *   U+FFFD rather than throwing (a parser downstream decides whether the document is usable).
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  const label = bomEncoding(bytes) ?? charsetParam(contentType) ?? xmlDeclaredEncoding(bytes) ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // ignoreBOM is false by default, so TextDecoder drops a BOM that matches its encoding.
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

// WHATWG windows-1252 for bytes 0x80–0x9F (every other byte maps to the same code point as in Latin-1).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder decodes `windows-1252` (which `iso-8859-1` and `us-ascii` alias to, per WHATWG) as
 * Latin-1, turning curly quotes into C1 controls. Remapping U+0080–U+009F is right for both the buggy and a
 * correct decoder, since a correct one yields those code points only where windows-1252 itself does.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}

/** Encoding named by a byte-order mark, if the body starts with one. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a media type (`text/xml; charset="ISO-8859-1"` → `ISO-8859-1`). */
export function charsetParam(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = (m?.[1] ?? m?.[2] ?? '').trim();
  return label === '' ? undefined : label;
}

/** The `encoding` of an XML declaration at the start of an ASCII-compatible body. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration must be the very first thing in the document, so 200 bytes is plenty.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const m = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  const label = m?.[1];
  // A UTF-16 declaration readable as ASCII is self-contradictory; the bytes are in fact ASCII-compatible.
  if (!label || /^utf-?16/i.test(label)) return undefined;
  return label;
}
