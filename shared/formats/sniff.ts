/** Cheap checks on the head of a body (first few KB) used by adapters' `sniff` and by the dispatcher. */

/** Root element of an XML head, lower-cased (`rss`, `feed`, `rdf:rdf`, `html`), skipping the prolog. */
export function xmlRoot(head: string): string | undefined {
  let i = 0;
  for (;;) {
    i = head.indexOf('<', i);
    if (i === -1) return undefined;
    const next = head[i + 1];
    if (next === '?') {
      i = head.indexOf('?>', i);
      if (i === -1) return undefined;
    } else if (head.startsWith('<!--', i)) {
      i = head.indexOf('-->', i);
      if (i === -1) return undefined;
    } else if (next === '!') {
      // A DOCTYPE: `<!DOCTYPE html` decides; others are skipped.
      if (/^<!doctype\s+html/i.test(head.slice(i, i + 20))) return 'html';
      const close = head.indexOf('>', i);
      const bracket = head.indexOf('[', i);
      i = bracket !== -1 && bracket < close ? head.indexOf(']>', i) : close;
      if (i === -1) return undefined;
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(head.slice(i, i + 64));
      return m?.[1]?.toLowerCase();
    }
  }
}

/** True for an HTML page (doctype html or <html> root), the classic "not a feed" answer. */
export function looksLikeHtml(head: string): boolean {
  const root = xmlRoot(head);
  return root === 'html' || root === 'head' || root === 'body';
}

/** True for an RSS document (`<rss>` or RSS 1.0 `<rdf:RDF>`). */
export function isRssHead(head: string): boolean {
  const root = xmlRoot(head);
  return root === 'rss' || root === 'rdf:rdf';
}

/** True for an Atom document (`<feed>` root). */
export function isAtomHead(head: string): boolean {
  return xmlRoot(head) === 'feed';
}

/** Host of a URL, lower-cased; empty string when unparsable. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** True when the head starts a JSON value of the given kind. */
export function isJsonHead(head: string, kind: 'object' | 'array' | 'any' = 'any'): boolean {
  const c = head[0];
  if (kind === 'object') return c === '{';
  if (kind === 'array') return c === '[';
  return c === '{' || c === '[';
}
