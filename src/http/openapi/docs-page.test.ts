/** /api/docs speaks the reader's language around Swagger UI: `lang` and its own words. */
import { describe, expect, it } from 'vitest';
import { docsRoutes } from './docs-routes.ts';

const app = docsRoutes('http://127.0.0.1:3000');

describe('GET /api/docs', () => {
  it.each([
    [{}, 'en', 'Slotwise API'],
    [{ 'accept-language': 'pt-BR,pt;q=0.9' }, 'pt', 'API do Slotwise'],
    [{ 'accept-language': 'fr-CA' }, 'fr', 'API de Slotwise'],
    [{ cookie: 'lang=de' }, 'de', 'Slotwise-API'],
  ])('%o → lang="%s", title "%s"', async (headers, lang, title) => {
    const res = await app.request('/api/docs', { headers });
    const text = await res.text();
    expect(text).toContain(`<html lang="${lang}">`);
    expect(text).toContain(`<title>${title}</title>`);
  });

  it('?lang= wins over the header', async () => {
    const res = await app.request('/api/docs?lang=pt', { headers: { 'accept-language': 'de' } });
    expect(await res.text()).toContain('A carregar a referência da API');
  });
});
