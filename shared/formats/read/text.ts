/**
 * HTML → plain text for incident titles and update bodies. Status pages put HTML in feeds (Statuspage
 * `content`, incident.io `description`, Slack notes, AWS descriptions); everything downstream (tray, toasts,
 * CLI) wants plain text. Parsing uses htmlparser2's tokenizer, never regular expressions over markup.
 */
import { parseHtml } from './html-events';
import { decodeHTML } from 'entities';

/** Elements whose content is never text a person should read. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'math', 'select', 'textarea']);

/** Elements that start or end a line. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'thead', 'tbody', 'blockquote', 'section',
  'article', 'header', 'footer', 'pre', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'main',
  'aside', 'nav', 'details', 'summary', 'address',
]);

/** Anything but whitespace (`\s` is exactly the set `String.prototype.trim` removes). */
const NON_SPACE = /\S/;
/**
 * Whitespace that collapsing changes: a run of two or more, or one character other than a plain space.
 * Matches are whole runs (a run of two or more always matches from its first character), and a lone plain
 * space is never touched, so replacing only these rewrites nothing that is already clean.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** One whitespace run's replacement: a line break when the run holds one (`\n` or `\r`), else one space. */
const runReplacement = (run: string): string => (run.indexOf('\n') === -1 && run.indexOf('\r') === -1 ? ' ' : '\n');

/**
 * Split `text` into lines at `\r\n`, `\r` and `\n`; collapse every whitespace run inside a line to one space;
 * trim each line; drop empty lines; join with `\n`. Done as one pass over whole runs instead of line by line:
 * a run holding a line break ends one non-empty line and starts the next (whitespace-only lines between them
 * vanish), so it becomes one `\n`; any other inner run becomes one space; the runs at either end are trimmed.
 */
function collapseLines(text: string): string {
  return text.replace(SPACE_RUN, runReplacement).trim();
}

/**
 * Accumulates text runs and line breaks, then renders them with whitespace collapsed: every run of
 * whitespace inside a line becomes one space, lines are trimmed, empty lines are dropped.
 * Used by `htmlToText` and by the Statuspage update reader so both render text identically.
 */
export class PlainTextBuilder {
  /** Runs appended so far (V8 concatenates lazily, so appending is cheap). */
  private raw = '';

  /** Append a text run (source newlines are plain whitespace, not line breaks). */
  text(data: string): void {
    // Only line breaks need replacing now (they would be read as block boundaries); toString collapses the rest.
    if (data) this.raw += data.indexOf('\n') === -1 && data.indexOf('\r') === -1 ? data : data.replace(/[\r\n]+/g, ' ');
  }

  /** Start a new line (block boundary). */
  newline(): void {
    this.raw += '\n';
  }

  /** True when nothing but whitespace was appended. */
  isBlank(): boolean {
    return !NON_SPACE.test(this.raw);
  }

  /** The collapsed text: lines joined by `\n`, no leading/trailing whitespace. */
  toString(): string {
    // `text` turned source line breaks into spaces, so every `\n` here is one of ours.
    return collapseLines(this.raw);
  }
}

/**
 * Convert an HTML fragment to plain text: tags stripped, entities decoded, block elements (p, div, br, li, …)
 * rendered as line breaks, whitespace collapsed, result trimmed. Content of script/style and similar is
 * dropped. Never throws; malformed markup is read as leniently as a browser would.
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  // Fast path: no markup and no entities means nothing to parse.
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return collapseText(html);
  const out = new PlainTextBuilder();
  let skipDepth = 0;
  parseHtml(
    html,
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (skipDepth === 0 && BLOCKS.has(name)) out.newline();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (skipDepth === 0 && BLOCKS.has(name)) out.newline();
      },
      ontext(data) {
        if (skipDepth === 0) out.text(data);
      },
    },
  );
  return out.toString();
}

/** Collapse whitespace in text that is already plain (e.g. Statuspage API bodies), keeping line breaks. */
export function collapseText(text: string): string {
  return collapseLines(text);
}

/** Decode HTML character references (`&amp;`, `&#8217;`, `&apos;`) in a text string; no tag handling. */
export function decodeEntities(text: string): string {
  return text.indexOf('&') === -1 ? text : decodeHTML(text);
}

/**
 * Turn a title that may carry markup or entities into one line of plain text (tags stripped, so an
 * `<img onerror>` or `<script>` in a feed title can never reach the UI as markup).
 */
export function toPlainTitle(raw: string | undefined): string {
  if (!raw) return '';
  return htmlToText(raw).replace(/\n/g, ' ');
}
