/**
 * The frame of every public page: language attribute, skip link, the business name, the language
 * switcher (plain links: they work without script), the page's main content and one stylesheet
 * and one small script, both served by this app (no CDN: pages work offline on a LAN), plus the
 * inline first-visit zone script (first-zone.ts).
 */
import type { Child } from 'hono/jsx';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locale.ts';
import { ASSETS } from './assets.ts';
import { type PageContext, withQuery } from './context.ts';
import { FIRST_ZONE_JS } from './first-zone.ts';

export interface LayoutProps {
  readonly ctx: PageContext;
  readonly title: string;
  readonly children: Child;
  /** Colour of the service being booked, used as the page's accent. */
  readonly accent?: string | null;
}

export function Layout({ ctx, title, children, accent }: LayoutProps) {
  const { m, business } = ctx;
  const colour = readableAccent(accent);
  return (
    <html lang={m.lang} data-tz={ctx.tz} data-intl={m.intlLocale} data-tz-chosen={ctx.tzChosen ? '' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${business.name}`}</title>
        <link rel="stylesheet" href={ASSETS.css} />
        {colour ? <meta name="theme-color" content={colour} /> : null}
        <script type="module" src={ASSETS.js} />
      </head>
      <body style={colour ? `--accent:${colour}` : undefined}>
        <a class="skip" href="#main">
          {m.skipToContent}
        </a>
        <header class="top">
          <a class="brand" href="/">
            {business.name}
          </a>
          <nav aria-label={m.language} class="langs">
            {LOCALES.map((l) =>
              l === ctx.locale ? (
                <span aria-current="true" lang={l}>
                  {LOCALE_NAMES[l]}
                </span>
              ) : (
                <a href={withQuery(ctx.url, { lang: l })} lang={l} hreflang={l}>
                  {LOCALE_NAMES[l]}
                </a>
              ),
            )}
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="foot">{m.poweredBy}</footer>
        {/* Hash-allowed by the page's CSP; runs before the first paint (decision 028). */}
        <script dangerouslySetInnerHTML={{ __html: FIRST_ZONE_JS }} />
      </body>
    </html>
  );
}

/**
 * A service's colour made fit to be the accent: white text on it (Next, the chosen day and time)
 * and it as text on white (secondary buttons) need a 4.5:1 contrast (WCAG 1.4.3), so a light
 * colour is darkened, keeping its hue, until it has that. Null for anything but #rgb / #rrggbb
 * (an alpha part is dropped).
 */
export function readableAccent(colour: string | null | undefined): string | null {
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(colour ?? '')?.[1];
  if (!hex) return null;
  const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((d) => d + d).join('') : hex.slice(0, 6);
  let rgb = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
  // Contrast with white = 1.05 / (L + 0.05) ≥ 4.6 (a little margin over 4.5) ⇔ L ≤ 0.178.
  while (luminance(rgb) > 0.178) rgb = rgb.map((c) => Math.floor(c * 0.94));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A whole page as HTML text. */
export const page = (node: unknown) => `<!doctype html>${String(node)}`;
