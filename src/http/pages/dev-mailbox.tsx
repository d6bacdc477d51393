/**
 * `/dev/mailbox`: what the dev outbox "sent", newest first — subject, recipients, time, the text
 * and the attachments, and each HTML body in a sandboxed frame (no scripts, no same-origin).
 */
import { raw } from 'hono/html';
import type { DevMailbox } from '../../app/ports.ts';

export async function devMailboxPage(mailbox: DevMailbox, to: string | undefined): Promise<string> {
  const messages = await mailbox.list(to || undefined);
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Dev mailbox — Slotwise</title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>Dev mailbox</h1>
          <p>
            Mail is not sent while <code>MAIL_URL</code> is unset: it lands here instead. JSON:{' '}
            <a href="/api/v1/dev/mailbox">/api/v1/dev/mailbox</a>.
          </p>
          <form method="get">
            <label>
              Recipient <input type="email" name="to" value={to ?? ''} />
            </label>{' '}
            <button type="submit">Filter</button> {to ? <a href="/dev/mailbox">Show all</a> : null}
          </form>
          {messages.length === 0 ? <p>No messages yet.</p> : null}
          {messages.map((m) => (
            <article>
              <h2>{m.subject}</h2>
              <p class="meta">
                To {m.to.join(', ')} · {new Date(m.sentAt).toISOString().replace('T', ' ').slice(0, 19)} UTC
                {m.attachments.length > 0 ? ` · attached: ${m.attachments.map((a) => a.filename).join(', ')}` : ''}
              </p>
              <details>
                <summary>HTML</summary>
                <iframe title={`HTML of “${m.subject}”`} sandbox="" srcdoc={m.html} />
              </details>
              <details open>
                <summary>Text</summary>
                <pre>{linkified(m.text)}</pre>
              </details>
            </article>
          ))}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${page}`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
main{max-width:52rem;margin:0 auto;padding:1rem}
article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}
h2{font-size:1.1rem;margin:0}.meta{color:#555;margin:.25rem 0 .5rem}
pre{white-space:pre-wrap;background:#fafafa;padding:.75rem;border-radius:6px}
iframe{width:100%;height:28rem;border:1px solid #ddd;border-radius:6px;background:#fff}
a{color:#1a5fb4}`;

/** The text with its web addresses as links, so the emails' links can be followed from here. */
function linkified(text: string) {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) => (i % 2 === 1 && URL.canParse(part) ? <a href={part}>{part}</a> : part));
}
