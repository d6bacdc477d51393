/** The plain-text part: the same facts as the HTML, links written out in full. */
import type { EmailBody } from './email-body.ts';

/** Indents the continuation lines of a multi-line value under its label. */
function fact(label: string, value: string): string {
  return `${label}: ${value.split(/\r?\n/).join('\n  ')}`;
}

export function textPart(body: EmailBody): string {
  const blocks = [
    body.businessName,
    body.greeting,
    ...body.lead,
    body.code,
    body.facts.map((f) => fact(f.label, f.value)).join('\n'),
    body.actions.map((a) => `${a.label}: ${a.url}`).join('\n'),
    ...body.closing,
  ];
  return `${blocks.filter((b) => b !== null && b !== '').join('\n\n')}\n`;
}
