/**
 * The settings page's read-only "Embed on your website" panel (decision 028): the one-tag snippet
 * for this server's public address, and the sites FRAME_ANCESTORS currently lets frame the
 * booking pages (a start-up setting, so it is shown, not edited, here).
 */

/** The snippet a business pastes into its own site. */
export function embedSnippet(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `<script src="${base}/embed.js" data-service="portrait-session" async></script>`;
}

/** FRAME_ANCESTORS entries as people read them. */
function siteName(source: string, publicUrl: string): string {
  if (source === "'self'") return `${new URL(publicUrl).origin} (this site)`;
  if (source === "'none'") return 'No site, not even this one';
  return source;
}

export function EmbedPanel(p: { publicUrl: string; frameAncestors: readonly string[] }) {
  const others = p.frameAncestors.filter((s) => s !== "'self'" && s !== "'none'");
  return (
    <section class="panel" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed on your website</h2>
      <p>
        Paste this tag where the booker should appear. Set <code>data-service</code> to a service’s address name, or
        leave it out to show all services.
      </p>
      <pre>
        <code data-embed-snippet>{embedSnippet(p.publicUrl)}</code>
      </pre>
      <h3>Sites allowed to show it</h3>
      <ul data-frame-ancestors>
        {p.frameAncestors.map((s) => (
          <li>{siteName(s, p.publicUrl)}</li>
        ))}
      </ul>
      {others.length === 0 ? (
        <p class="hint">
          No other site may show the booking pages yet: add your website’s address to the <code>FRAME_ANCESTORS</code>{' '}
          setting of the server (e.g. <code>self https://www.studio.example</code>) and restart it.
        </p>
      ) : null}
    </section>
  );
}
