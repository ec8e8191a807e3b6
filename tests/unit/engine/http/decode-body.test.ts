/** Charset detection and decoding of response bodies. */
import { describe, expect, it } from 'vitest';
import { charsetParam, decodeBody, xmlDeclaredEncoding } from '../../../../shared/engine/http/decode-body';
import { readFeed, readFeedBytes } from '../../../support/feeds';

const enc = new TextEncoder();

describe('decodeBody', () => {
  it('decodes UTF-8 by default, keeping non-ASCII (Cursor summary has an em dash)', () => {
    const file = 'statuspage-json/cursor-summary-2026-09-25-active-incident.json';
    const text = decodeBody(readFeedBytes(file), 'application/json');
    expect(text).toBe(readFeed(file));
    expect(text).toContain('—');
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('{"a":1}')]);
    expect(decodeBody(bytes, 'application/json')).toBe('{"a":1}');
  });

  it('lets a BOM win over a wrong Content-Type charset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('<rss>é</rss>')]);
    expect(decodeBody(bytes, 'text/xml; charset=ISO-8859-1')).toBe('<rss>é</rss>');
  });

  it('decodes UTF-16LE with a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<feed>ü</feed>', 'utf16le')]);
    expect(decodeBody(body, undefined)).toBe('<feed>ü</feed>');
  });

  it('uses the Content-Type charset', () => {
    expect(decodeBody(Buffer.from('caf\xe9', 'latin1'), 'text/xml; charset="iso-8859-1"')).toBe('café');
  });

  it('uses the XML declaration when the header has no charset', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss>\x93hi\x94</rss>', 'latin1');
    expect(decodeBody(bytes, 'application/rss+xml')).toBe('<?xml version="1.0" encoding="windows-1252"?><rss>“hi”</rss>');
  });

  it('falls back to UTF-8 for an unknown charset label', () => {
    expect(decodeBody(enc.encode('naïve'), 'text/xml; charset=x-unknown-1')).toBe('naïve');
  });

  it('replaces invalid UTF-8 instead of throwing', () => {
    expect(decodeBody(new Uint8Array([0x61, 0xff, 0x62]), 'application/json')).toBe('a\ufffdb');
  });
});

describe('charset helpers', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'UTF-8'],
    ['application/json;charset="utf-8"', 'utf-8'],
    ['text/html; foo=bar; Charset=Shift_JIS', 'Shift_JIS'],
    ['application/json', undefined],
    [undefined, undefined],
  ])('charsetParam(%j) → %j', (contentType, label) => {
    expect(charsetParam(contentType)).toBe(label);
  });

  it('ignores an encoding that is not in a leading XML declaration, and a self-contradicting UTF-16 one', () => {
    expect(xmlDeclaredEncoding(enc.encode('<rss encoding="latin1">'))).toBeUndefined();
    expect(xmlDeclaredEncoding(enc.encode('<?xml version="1.0" encoding="UTF-16"?><rss/>'))).toBeUndefined();
    expect(xmlDeclaredEncoding(enc.encode("<?xml version='1.0' encoding='ISO-8859-1'?>"))).toBe('ISO-8859-1');
  });
});
