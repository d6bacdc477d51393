/**
 * The HTML part: one calm column, inline styles only (email clients drop <style> and never fetch
 * anything for us), every piece of data escaped by hono's `html` template.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { EmailBody, Fact } from './email-body.ts';

const font = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const muted = 'color:#6b7280';

/** `html` is only asynchronous when given promises; these templates never are. */
function h(strings: TemplateStringsArray, ...values: unknown[]): HtmlEscapedString {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new Error('email templates render synchronously');
  return out;
}

const paragraph = (text: string) => h`<p style="margin:0 0 16px">${text}</p>`;

const factRow = (f: Fact) =>
  h`<tr><td style="padding:6px 16px 6px 0;vertical-align:top;white-space:nowrap;${muted}">${f.label}</td><td style="padding:6px 0;vertical-align:top;white-space:pre-line">${f.value}</td></tr>`;

export function htmlPart(title: string, body: EmailBody): string {
  const code =
    body.code === null
      ? ''
      : h`<p style="margin:0 0 16px;font-size:32px;font-weight:700;letter-spacing:8px;font-family:Menlo,Consolas,monospace">${body.code}</p>`;
  const facts =
    body.facts.length === 0
      ? ''
      : h`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 20px;border-collapse:collapse">${body.facts.map(factRow)}</table>`;
  const actions =
    body.actions.length === 0
      ? ''
      : h`<p style="margin:0 0 16px">${body.actions.map(
          (a) =>
            h`<a href="${a.url}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;background:#1f2937;color:#ffffff;text-decoration:none">${a.label}</a>`,
        )}</p>`;
  return h`<!doctype html>
<html lang="${body.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;${font};font-size:16px;line-height:1.5;color:#1f2937">
<tr><td style="padding:28px 28px 4px"><h1 style="margin:0 0 16px;font-size:20px;font-weight:600">${body.businessName}</h1></td></tr>
<tr><td style="padding:0 28px 12px">
${paragraph(body.greeting)}${body.lead.map(paragraph)}${code}${facts}${actions}${body.closing.map((t) => h`<p style="margin:0 0 16px;${muted};font-size:14px">${t}</p>`)}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`.toString();
}
