/**
 * parseHtml (html-events.ts) drives htmlparser2's Tokenizer directly instead of its Parser; these check that
 * the open/close/text events are exactly the Parser's, on the awkward cases its tree rules exist for and on
 * a seeded batch of generated markup.
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtml, type HtmlHandler } from '../../../../shared/formats/read/html-events';

function events(run: (handler: HtmlHandler) => void): string[] {
  const out: string[] = [];
  run({ onopentag: (n) => out.push(`<${n}`), onclosetag: (n) => out.push(`/${n}`), ontext: (d) => out.push(JSON.stringify(d)) });
  return out;
}
const viaParser = (html: string) => events((h) => new Parser(h, { decodeEntities: true }).parseComplete(html));
const viaTokenizer = (html: string) => events((h) => parseHtml(html, h));

const AWKWARD = [
  "<p><small>Jul <var data-var='date'> 9</var>, <var data-var='time'>07:04</var> UTC</small><br><strong>Update</strong> - a &amp; b</p>",
  '<p>one<p>two<li>three<li>four</ul>', // implied closes
  '</p>text</br>more', // stray </p> and </br>
  '<form>a<form>b</form>c</form>', // a nested form is ignored
  '<P>Upper</P><BR/><Image src=x>', // case, self-closing syntax, image → img
  '<div><p>x</div>y</p>', // close up to the nearest match
  '<script>if (a < b) { x = "</p>" }</script>after',
  '<style>p { color: red }</style><title>t &amp; t</title><textarea><b>raw</b></textarea>',
  '<table><tr><td>1<td>2<tr><td>3</table>',
  '<h1>a<h2>b</h1>c',
  '<select><option>a<option>b<optgroup>c</select>',
  'text &bogus; &amp &#8217; &#x2019 &nbsp;end',
  '<!-- comment --><![CDATA[cdata]]><!doctype html><?pi x?>after',
  '<p class="a &amp; b" data-x=\'<p>\' checked>attrs</p>',
  '<p>unclosed <b>bold <i>italic',
  '<p>eof inside a tag <b class="x',
  '<svg><title>t</title><foreignObject><p>x</p></foreignObject><clippath/></svg>tail', // handed to the Parser
  '<math><mi>x</mi></math><p>after math',
  '',
  '   ',
  '< p>not a tag</ p>',
];

describe('parseHtml', () => {
  it.each(AWKWARD)('reports what the Parser reports for %j', (html) => {
    expect(viaTokenizer(html)).toEqual(viaParser(html));
  });

  it('agrees with the Parser on 3000 generated fragments', () => {
    const tags = ['p', 'P', 'small', 'strong', 'b', 'br', 'var', 'div', 'li', 'ul', 'tr', 'td', 'th', 'tbody', 'script', 'style', 'title', 'textarea', 'form', 'image', 'img', 'hr', 'h1', 'pre', 'a', 'select', 'option', 'dd', 'dt', 'input', 'head', 'body', 'desc'];
    const texts = ['Update', ' - ', ' 9', ', ', '\n', '&amp;', '&nbsp;', '&#8217;', '&bogus;', '<', '</', '<!-- c -->', '<![CDATA[x]]>', 'é'];
    let seed = 20260925;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
    const gen = (depth: number): string => {
      let out = '';
      for (let i = Math.floor(rnd() * 6); i > 0; i--) {
        const r = rnd();
        if (r < 0.45) out += pick(texts);
        else if (r < 0.75 && depth < 5) {
          const t = pick(tags);
          out += `<${t}${rnd() < 0.3 ? ` x='1'` : ''}${rnd() < 0.1 ? '/' : ''}>${gen(depth + 1)}${rnd() < 0.8 ? `</${t}>` : ''}`;
        } else out += rnd() < 0.5 ? `</${pick(tags)}>` : `<${pick(tags)}>`;
      }
      return out;
    };
    for (let i = 0; i < 3000; i++) {
      const html = gen(0);
      expect(viaTokenizer(html), html).toEqual(viaParser(html));
    }
  });
});
