/**
 * What a page or an email HTML must not contain when its data is hostile, read the way a browser
 * reads markup: the tags and attributes are scanned (quotes respected; the contents of script,
 * style, textarea and title are raw text up to their end tag, as in a browser), so a payload
 * shown as text (`&lt;script&gt;…`) passes and a payload that became markup fails.
 */
import { FIRST_ZONE_JS } from '../../src/http/pages/first-zone.ts';

export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attrs: readonly (readonly [string, string])[];
  /** For script: what lies between the start tag and its end tag. */
  readonly text: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** The tags of a document, in order. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  for (;;) {
    i = html.indexOf('<', i);
    if (i === -1) return tags;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i);
      if (end === -1) return tags;
      i = end + 3;
      continue;
    }
    const open = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 64));
    if (!open) {
      i += 1; // a "<" that starts no tag is text to a browser too
      continue;
    }
    const closing = open[1] === '/';
    const name = (open[2] as string).toLowerCase();
    let j = i + open[0].length;
    const attrs: [string, string][] = [];
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j] as string)) j++;
      if (j >= html.length || html[j] === '>') break;
      const attr = /^[^\s/>][^\s/>=]*/.exec(html.slice(j))?.[0] ?? (html[j] as string);
      j += attr.length;
      while (j < html.length && /\s/.test(html[j] as string)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j] as string)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          value = /^[^\s>]*/.exec(html.slice(j))?.[0] ?? '';
          j += value.length;
        }
      }
      attrs.push([attr.toLowerCase(), decodeEntities(value)]);
    }
    let text = '';
    let next = j + 1;
    if (!closing && RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, next);
      text = html.slice(next, end === -1 ? html.length : end);
      next = end === -1 ? html.length : end;
    }
    tags.push({ name, closing, attrs, text });
    i = next;
  }
}

/** Character references as a browser decodes them in an attribute value. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);?/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(Number.parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[k] ?? '';
  });
}

/** How hono/jsx and the email templates escape text and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The raw forms of the payloads: any of these in the HTML is a payload that escaped its escaping. */
export const RAW_FRAGMENTS = ['<script>alert', '<img src=x', '<svg onload', '</textarea>{{x}}'];

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite']);
const FORBIDDEN_TAGS = new Set(['img', 'svg', 'math', 'object', 'embed', 'base', 'frame', 'frameset', 'applet']);
const SAME_SITE_SCRIPT = /^\/(assets|api\/docs\/assets)\/[a-z.-]+\.js(\?v=[0-9a-f]+)?$/;

/**
 * The problems of one document: a raw payload; a script that is inline or not this site's own file
 * (emails: any script); an event-handler attribute; a javascript:, data: or vbscript: URL; a tag a
 * payload brings (img, svg, …); an iframe that is not sandboxed, whose srcdoc is checked in turn.
 */
export function markupProblems(html: string, kind: 'page' | 'email' = 'page'): string[] {
  const problems = RAW_FRAGMENTS.filter((f) => html.includes(f)).map((f) => `raw payload ${JSON.stringify(f)}`);
  for (const tag of tagsOf(html)) {
    if (tag.closing) continue;
    const attr = (name: string) => tag.attrs.find(([n]) => n === name)?.[1];
    if (tag.name === 'script') {
      const src = attr('src');
      // The one inline script a page may carry is the first-visit zone script, byte for byte: the
      // page's CSP allows it by its hash, and nothing else inline.
      const ownInline = kind === 'page' && src === undefined && tag.text.trim() === FIRST_ZONE_JS;
      if (
        !ownInline &&
        (kind === 'email' || src === undefined || !SAME_SITE_SCRIPT.test(src) || tag.text.trim() !== '')
      ) {
        problems.push(`script ${JSON.stringify(src ?? tag.text.slice(0, 60))}`);
      }
    }
    if (FORBIDDEN_TAGS.has(tag.name)) problems.push(`<${tag.name}> tag`);
    for (const [name, value] of tag.attrs) {
      if (name.startsWith('on')) problems.push(`<${tag.name} ${name}=…> handler`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop them before reading the scheme
      const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRS.has(name) && /^(javascript|data|vbscript):/.test(scheme)) {
        problems.push(`<${tag.name} ${name}=${JSON.stringify(value.slice(0, 40))}>`);
      }
    }
    if (tag.name === 'iframe') {
      if (attr('sandbox') !== '') problems.push('iframe without an empty sandbox');
      problems.push(...markupProblems(attr('srcdoc') ?? '', 'email').map((p) => `in srcdoc: ${p}`));
    }
  }
  return problems;
}
