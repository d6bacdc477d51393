/**
 * What an email says, before it is written out: both the HTML and the text part are rendered from
 * this one value, so they always carry the same facts and links.
 */
import { htmlPart } from './html-layout.ts';
import { safeHref } from './safe-href.ts';
import { textPart } from './text-layout.ts';
import type { RenderedEmail } from './types.ts';

export interface Fact {
  readonly label: string;
  /** May span lines (notes); shown with its line breaks. */
  readonly value: string;
}

export interface Action {
  readonly label: string;
  readonly url: string;
}

export interface EmailBody {
  /** The Intl locale of the words (the HTML `lang`). */
  readonly lang: string;
  /** Shown as the heading. */
  readonly businessName: string;
  readonly greeting: string;
  /** Paragraphs before the facts. */
  readonly lead: readonly string[];
  /** A code shown large (verification emails). */
  readonly code: string | null;
  readonly facts: readonly Fact[];
  readonly actions: readonly Action[];
  /** Paragraphs after the links. */
  readonly closing: readonly string[];
}

/** Renders the subject (kept to one line, it is a header), the HTML and the text of an email. */
export function renderEmail(subject: string, body: EmailBody): RenderedEmail {
  // Links are the one thing a reader acts on: only http(s) ones survive, in both parts alike.
  const actions = body.actions.flatMap((a) => {
    const url = safeHref(a.url);
    return url === null ? [] : [{ label: a.label, url }];
  });
  const safe = { ...body, actions };
  const oneLine = subject.replace(/\s+/g, ' ').trim();
  return { subject: oneLine, html: htmlPart(oneLine, safe), text: textPart(safe) };
}
