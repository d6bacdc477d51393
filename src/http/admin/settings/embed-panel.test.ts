/** The settings page's embed panel: the snippet for this server and the sites FRAME_ANCESTORS allows. */
import { describe, expect, it } from 'vitest';
import { dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { EmbedPanel, embedSnippet } from './embed-panel.tsx';

const render = (publicUrl: string, frameAncestors: readonly string[]) =>
  String(EmbedPanel({ publicUrl, frameAncestors, t: dashboardMessagesFor('en') }));

describe('EmbedPanel', () => {
  it('shows the one tag for this server’s public address', () => {
    expect(embedSnippet('https://book.studio.example/')).toBe(
      '<script src="https://book.studio.example/embed.js" data-service="portrait-session" async></script>',
    );
    expect(render('https://book.studio.example', ["'self'"])).toContain(
      '&lt;script src=&quot;https://book.studio.example/embed.js&quot; data-service=&quot;portrait-session&quot; async&gt;&lt;/script&gt;',
    );
  });

  it('lists the allowed sites, and says how to add one when only this site may', () => {
    const only = render('http://127.0.0.1:3000', ["'self'"]);
    expect(only).toContain('<li>http://127.0.0.1:3000 (this site)</li>');
    expect(only).toContain('FRAME_ANCESTORS');
    const more = render('http://127.0.0.1:3000', ["'self'", 'https://www.studio.example']);
    expect(more).toContain('<li>https://www.studio.example</li>');
    expect(more).not.toContain('No other site may show');
  });
});
