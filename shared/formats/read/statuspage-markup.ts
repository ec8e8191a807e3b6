/**
 * Reads the update markup Statuspage puts in each history.atom/history.rss entry (LambStatus copies it):
 *
 *   <p><small>Jul <var data-var='date'> 9</var>, <var data-var='time'>07:04</var> UTC</small><br>
 *      <strong>Update</strong> - text</p>
 *
 * plus the 2014 form without <var> (`Jan  1, 09:09 PST`), a leading `<p><strong>THIS IS A SCHEDULED EVENT
 * …</strong></p>` window on maintenances, and a "This incident affected: A, B and C." paragraph.
 * Only the first <strong> right after the <small> is the label; later <strong>s ("Impact", "Required Action")
 * belong to the body. Parsed with htmlparser2's tokenizer, one pass per entry — or, for the plain markup above
 * and nothing else, read without it (`readPlainMarkup`).
 */
import { decodeHTML } from 'entities';
import { parseHtml } from './html-events';
import { PlainTextBuilder } from './text';

/** One update paragraph as written. */
export interface MarkupUpdate {
  /** Text of the <small> stamp, e.g. "Jul 9, 07:04 UTC". */
  stamp: string;
  /** Text of the label <strong>, e.g. "Update"; empty when there was none. */
  label: string;
  /** Body as plain text, leading " - " removed. */
  text: string;
}

/** Everything read from one entry's content. */
export interface StatuspageMarkup {
  updates: MarkupUpdate[];
  /** Text of a leading bold paragraph such as "THIS IS A SCHEDULED EVENT May 28, 16:30 UTC - May 29, 16:30 UTC". */
  lead?: string;
  /** Component names from "This incident/scheduled maintenance affected: …". */
  affected: string[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);
const AFFECTED = /^This (?:incident|scheduled maintenance|maintenance) affected:\s*(.+)$/im;

type Phase = 'start' | 'small' | 'afterSmall' | 'label' | 'body' | 'lead' | 'other';

interface Paragraph {
  phase: Phase;
  small: PlainTextBuilder;
  label: PlainTextBuilder;
  body: PlainTextBuilder;
  lead: PlainTextBuilder;
}

const newParagraph = (): Paragraph => ({
  phase: 'start',
  small: new PlainTextBuilder(),
  label: new PlainTextBuilder(),
  body: new PlainTextBuilder(),
  lead: new PlainTextBuilder(),
});

/** Split "A, B, and C." into names. */
function splitNames(list: string): string[] {
  return list
    .replace(/\.\s*$/, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The markup Statuspage writes for nearly every entry, and nothing else: paragraphs that are either an
 * update (`<small>` stamp whose only tags are its `<var data-var>`s, `<br>`, `<strong>` label, body whose only
 * tags are `<br>`s) or plain text, with no other tag, comment or stray `<` anywhere. One match of `UPDATE_P` or `TEXT_P` at a time.
 */
const UPDATE_P = /\s*<p>([^<]*)<small>((?:[^<]|<var data-var='(?:date|time)'>[^<]*<\/var>)*)<\/small>\s*<br>\s*<strong>([^<]*)<\/strong>((?:[^<]|<br\s*\/?>)*)<\/p>/y;
const TEXT_P = /\s*<p>([^<]*)<\/p>/y;
const VAR_TAG = /<\/?var[^>]*>/g;
const BR_TAG = /<br\s*\/?>/;

/** A text run as the tokenizer hands it over: character references decoded. */
const textOf = (raw: string): string => (raw.indexOf('&') === -1 ? raw : decodeHTML(raw));

/**
 * `readStatuspageMarkup` for an entry made only of the paragraphs `UPDATE_P` and `TEXT_P` describe, without
 * running the tokenizer: about a tenth of a first polling cycle went into tokenizing these. Every text run
 * goes through the same `PlainTextBuilder` steps the event handlers of the full reader take for that
 * markup, so the result is the same (tests/unit/formats/read/statuspage-markup.test.ts compares the two on
 * every captured Statuspage feed). Returns `undefined` for anything else; the full reader handles it.
 */
export function readPlainMarkup(html: string): StatuspageMarkup | undefined {
  const updates: MarkupUpdate[] = [];
  const extra = new PlainTextBuilder();
  let at = 0;
  while (at < html.length) {
    UPDATE_P.lastIndex = at;
    const u = UPDATE_P.exec(html);
    if (u) {
      at = UPDATE_P.lastIndex;
      const small = new PlainTextBuilder();
      // Each run between tags decoded alone, as the tokenizer does: a reference never spans a tag.
      for (const run of u[2]!.split(VAR_TAG)) small.text(textOf(run));
      const label = new PlainTextBuilder();
      label.text(textOf(u[3]!));
      // Text before the <small> lands in the body, as in the full reader (phase 'start').
      const body = new PlainTextBuilder();
      body.text(textOf(u[1]!));
      const runs = u[4]!.split(BR_TAG);
      body.text(textOf(runs[0]!));
      for (let i = 1; i < runs.length; i++) {
        // A <br> in the body opens and closes a line break element: two line breaks, as in the full reader.
        body.newline();
        body.newline();
        body.text(textOf(runs[i]!));
      }
      updates.push({ stamp: small.toString(), label: label.toString(), text: body.toString().replace(/^[-–—:]\s*/, '') });
      continue;
    }
    TEXT_P.lastIndex = at;
    const t = TEXT_P.exec(html);
    if (t) {
      at = TEXT_P.lastIndex;
      const body = new PlainTextBuilder();
      body.text(textOf(t[1]!));
      if (!body.isBlank()) {
        extra.text(body.toString());
        extra.newline();
      }
      continue;
    }
    if (/^\s*$/.test(html.slice(at))) break;
    return undefined;
  }
  return finish({ updates, affected: [] }, extra);
}

/** Find the components the entry names as affected, in the extra text and the updates. */
function finish(result: StatuspageMarkup, extra: PlainTextBuilder): StatuspageMarkup {
  const affectedText = [extra.toString(), ...result.updates.map((u) => u.text)].join('\n');
  const m = AFFECTED.exec(affectedText);
  if (m?.[1]) result.affected = [...new Set(splitNames(m[1]))];
  return result;
}

/** Parse one entry's HTML content (already XML-unescaped). Never throws. */
export function readStatuspageMarkup(html: string): StatuspageMarkup {
  return readPlainMarkup(html) ?? readAnyMarkup(html);
}

/** `readStatuspageMarkup` for any markup, through the HTML tokenizer (html-events.ts). */
export function readAnyMarkup(html: string): StatuspageMarkup {
  const result: StatuspageMarkup = { updates: [], affected: [] };
  const extra = new PlainTextBuilder();
  let para = newParagraph();
  let skip = 0;

  const flush = (): void => {
    const p = para;
    para = newParagraph();
    if (p.phase === 'lead' || (p.phase === 'other' && !p.lead.isBlank())) {
      if (result.lead === undefined && result.updates.length === 0) result.lead = p.lead.toString();
      if (!p.body.isBlank()) extra.text(p.body.toString() + '\n');
      return;
    }
    if (p.phase === 'start' || p.phase === 'other') {
      if (!p.body.isBlank()) {
        extra.text(p.body.toString());
        extra.newline();
      }
      return;
    }
    const text = p.body.toString().replace(/^[-–—:]\s*/, '');
    result.updates.push({ stamp: p.small.toString(), label: p.label.toString(), text });
  };

  parseHtml(
    html,
    {
      onopentag(name) {
        if (SKIPPED.has(name)) {
          skip++;
          return;
        }
        if (name === 'p') {
          flush();
          return;
        }
        if (name === 'small' && para.phase === 'start') para.phase = 'small';
        else if (name === 'strong' || name === 'b') {
          if (para.phase === 'afterSmall') para.phase = 'label';
          else if (para.phase === 'start') para.phase = 'lead';
        } else if (BREAKS.has(name) && para.phase === 'body') para.body.newline();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (name === 'p') flush();
        else if (name === 'small' && para.phase === 'small') para.phase = 'afterSmall';
        else if ((name === 'strong' || name === 'b') && para.phase === 'label') para.phase = 'body';
        else if ((name === 'strong' || name === 'b') && para.phase === 'lead') para.phase = 'other';
        else if (BREAKS.has(name) && para.phase === 'body') para.body.newline();
      },
      ontext(data) {
        if (skip > 0) return;
        switch (para.phase) {
          case 'small':
            para.small.text(data);
            break;
          case 'label':
            para.label.text(data);
            break;
          case 'lead':
            para.lead.text(data);
            break;
          case 'afterSmall':
            if (data.trim()) {
              para.phase = 'body';
              para.body.text(data);
            }
            break;
          default:
            para.body.text(data);
        }
      },
    },
  );
  flush();
  return finish(result, extra);
}
