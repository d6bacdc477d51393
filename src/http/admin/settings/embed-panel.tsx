/**
 * The settings page's read-only "Embed on your website" panel (decision 028): the one-tag snippet
 * for this server's public address, and the sites FRAME_ANCESTORS currently lets frame the
 * booking pages (a start-up setting, so it is shown, not edited, here).
 */
import type { DashboardMessages } from '../../../i18n/dashboard/index.ts';

/** The snippet a business pastes into its own site. */
export function embedSnippet(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `<script src="${base}/embed.js" data-service="portrait-session" async></script>`;
}

/** FRAME_ANCESTORS entries as people read them. */
function siteName(source: string, publicUrl: string, t: DashboardMessages): string {
  if (source === "'self'") return t.settings.embed.thisSite(new URL(publicUrl).origin);
  if (source === "'none'") return t.settings.embed.none;
  return source;
}

export function EmbedPanel(p: { publicUrl: string; frameAncestors: readonly string[]; t: DashboardMessages }) {
  const others = p.frameAncestors.filter((s) => s !== "'self'" && s !== "'none'");
  const w = p.t.settings.embed;
  return (
    <section class="panel" aria-labelledby="embed-title">
      <h2 id="embed-title">{w.title}</h2>
      <p>
        {w.intro} <code>data-service</code> {w.introEnd}
      </p>
      <pre>
        <code data-embed-snippet>{embedSnippet(p.publicUrl)}</code>
      </pre>
      <h3>{w.allowed}</h3>
      <ul data-frame-ancestors>
        {p.frameAncestors.map((s) => (
          <li>{siteName(s, p.publicUrl, p.t)}</li>
        ))}
      </ul>
      {others.length === 0 ? (
        <p class="hint">
          {w.noOther} <code>FRAME_ANCESTORS</code> {w.noOtherMiddle} <code>self https://www.studio.example</code>
          {w.noOtherEnd}
        </p>
      ) : null}
    </section>
  );
}
