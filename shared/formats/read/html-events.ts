/**
 * Tag and text events of an HTML fragment, as htmlparser2's `Parser` reports them to a handler that only
 * listens to `onopentag`, `onclosetag` and `ontext` — but driven straight from htmlparser2's `Tokenizer`.
 * Feed text goes through this for every update of every entry, and the `Parser` layer (attribute objects,
 * tag-name slicing, foreign-content bookkeeping) cost about as much again as tokenizing; here attributes are
 * skipped and the tree rules are the few that decide those three events.
 *
 * The rules are ported from htmlparser2 12's Parser.js (HTML mode, default options): tag names lower-cased
 * and `image` read as `img`; void elements closed at once; an open tag closes the elements it implies
 * (`openImpliesClose`, e.g. `<p>` closes an open `<p>`, `<li>` an open `<li>`); a second `<form>` ignored; an
 * end tag closes up to the nearest matching element, a stray `</p>` is read as `<p></p>` and a `</br>` as
 * `<br>`; comments, CDATA and declarations give nothing; elements still open at the end are closed. SVG and
 * MathML change those rules (case adjustments, self-closing tags, CDATA as text), so a fragment that
 * mentions either is handed to the real `Parser`. tests/unit/formats/read/html-events.test.ts checks the two
 * against each other.
 */
import { Parser, Tokenizer } from 'htmlparser2';

/** What the text converters listen to. */
export interface HtmlHandler {
  onopentag(name: string): void;
  onclosetag(name: string): void;
  ontext(data: string): void;
}

/** Element names that mean SVG or MathML content, where the Parser's rules differ. */
const FOREIGN = /<\/?(?:svg|math)/i;

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const P_TAG = new Set(['p']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION_TAGS = new Set(['thead', 'tbody']);
const DDT_TAGS = new Set(['dd', 'dt']);
const RTP_TAGS = new Set(['rt', 'rp']);

/** htmlparser2's `openImpliesClose`: opening the key closes open elements of its set (top of stack first). */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P_TAG],
  ['h1', HEADING_TAGS], ['h2', HEADING_TAGS], ['h3', HEADING_TAGS], ['h4', HEADING_TAGS], ['h5', HEADING_TAGS], ['h6', HEADING_TAGS],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS], ['textarea', FORM_TAGS],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT_TAGS], ['dt', DDT_TAGS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((n) => [n, P_TAG] as const),
  ['rt', RTP_TAGS], ['rp', RTP_TAGS],
  ['tbody', TABLE_SECTION_TAGS], ['tfoot', TABLE_SECTION_TAGS],
]);

/**
 * Report the events of `html` to `handler`, exactly as `new Parser(handler, { decodeEntities: true })
 * .parseComplete(html)` would. Never throws for malformed markup.
 */
export function parseHtml(html: string, handler: HtmlHandler): void {
  if (FOREIGN.test(html)) {
    new Parser(handler, { decodeEntities: true }).parseComplete(html);
    return;
  }
  const events = new TokenizerEvents(html, handler);
  const tokenizer = new Tokenizer({ decodeEntities: true }, events);
  tokenizer.write(html);
  tokenizer.end();
}

/** The Tokenizer's callbacks, turned into handler events (see the module comment for the rules). */
class TokenizerEvents {
  /** Open elements, innermost last. */
  private readonly stack: string[] = [];
  /** The open tag being read; '' when there is none or it is ignored (a nested form). */
  private tagname = '';
  /** Whether the open tag being read will be reported (false for an ignored nested form). */
  private reportOpen = false;

  constructor(
    private readonly html: string,
    private readonly handler: HtmlHandler,
  ) {}

  ontext(start: number, endIndex: number): void {
    this.handler.ontext(this.html.slice(start, endIndex));
  }

  ontextentity(codePoint: number): void {
    this.handler.ontext(String.fromCodePoint(codePoint));
  }

  isInForeignContext(): boolean {
    return false; // fragments with SVG or MathML never get here
  }

  onopentagname(start: number, endIndex: number): void {
    this.openTag(this.tagName(start, endIndex));
  }

  onopentagend(): void {
    this.endOpenTag();
  }

  /** In HTML, `<p/>` is just `<p>`. */
  onselfclosingtag(): void {
    this.endOpenTag();
  }

  onclosetag(start: number, endIndex: number): void {
    const name = this.tagName(start, endIndex);
    if (!VOID_ELEMENTS.has(name)) {
      const pos = this.stack.lastIndexOf(name);
      if (pos !== -1) {
        while (this.stack.length > pos) this.handler.onclosetag(this.stack.pop()!);
      } else if (name === 'p') {
        this.openTag('p');
        this.endOpenTag();
        if (this.stack[this.stack.length - 1] === 'p') this.handler.onclosetag(this.stack.pop()!);
      }
    } else if (name === 'br') {
      this.handler.onopentag('br');
      this.handler.onclosetag('br');
    }
  }

  onend(): void {
    for (let i = this.stack.length - 1; i >= 0; i--) this.handler.onclosetag(this.stack[i]!);
  }

  onattribname(): void {}
  onattribdata(): void {}
  onattribentity(): void {}
  onattribend(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  private tagName(start: number, endIndex: number): string {
    const name = this.html.slice(start, endIndex).toLowerCase();
    return name === 'image' ? 'img' : name;
  }

  private openTag(name: string): void {
    this.tagname = name;
    if (name === 'form' && this.stack.includes('form')) {
      this.tagname = '';
      this.reportOpen = false;
      return;
    }
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (this.stack.length > 0 && impliesClose.has(this.stack[this.stack.length - 1]!)) this.handler.onclosetag(this.stack.pop()!);
    }
    if (!VOID_ELEMENTS.has(name)) this.stack.push(name);
    this.reportOpen = true;
  }

  private endOpenTag(): void {
    if (this.reportOpen) {
      this.handler.onopentag(this.tagname);
      this.reportOpen = false;
    }
    if (VOID_ELEMENTS.has(this.tagname)) this.handler.onclosetag(this.tagname);
    this.tagname = '';
  }
}
