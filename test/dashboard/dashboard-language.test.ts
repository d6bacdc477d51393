/**
 * The dashboard speaks the signed-in user's language (SPEC §12, issue 21): their saved choice,
 * then the browser's Accept-Language, then the business language; the choice is made on the
 * account page and survives sign-out; a language the product does not speak is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { browser, EMAILS, signedIn, signIn } from '../support/sessions.ts';

let tdb: TestDatabase;
let d: Dashboard;
beforeAll(async () => {
  tdb = await openTestDatabase({ cache: true });
});
afterAll(() => tdb.close());
beforeEach(async () => {
  d = await startDashboard(tdb);
});
afterEach(() => expect(d.errors).toEqual([]));

const lang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const navText = (html: string) =>
  [...(/<nav class="admin-nav"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '').matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1]);

describe('the dashboard language', () => {
  it('follows Accept-Language while the user has chosen none (fr-CA → French, pt-BR → Portuguese)', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const fr = await admin.page('/admin/account', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(lang(fr.html)).toBe('fr');
    expect(navText(fr.html)).toContain('Réservations');
    expect(fr.html).toContain('<a class="skip" href="#main">Aller au contenu</a>');
    const pt = await admin.page('/admin/bookings', { 'accept-language': 'pt-BR' });
    expect(lang(pt.html)).toBe('pt');
    expect(navText(pt.html)).toEqual(expect.arrayContaining(['Marcações', 'Definições']));
    const none = await admin.page('/admin/account', { 'accept-language': 'ja, zh;q=0.8' });
    expect(lang(none.html)).toBe('en'); // the test studio's language
  });

  it('prefers the saved choice to the browser, says it was saved in the new language, and can go back to the browser', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const saved = await admin.form('/admin/account/language', { locale: 'de' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/admin/account?done=language');
    const page = await admin.page(saved.location ?? '', { 'accept-language': 'es' });
    expect(lang(page.html)).toBe('de');
    expect(page.html).toContain('Die Sprache Ihres Dashboards ist gespeichert.');
    expect(page.html).toMatch(/<option value="de" selected="">Deutsch<\/option>/);

    // The choice belongs to the account, not the session: a new sign-in keeps it.
    const again = browser(d);
    await signIn(again, EMAILS.admin);
    expect(lang((await again.page('/admin', { 'accept-language': 'en' })).html)).toBe('de');

    await admin.form('/admin/account/language', { locale: '' });
    expect(lang((await admin.page('/admin/account', { 'accept-language': 'es' })).html)).toBe('es');
  });

  it('refuses a language the dashboard does not speak and keeps the one saved', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/account/language', { locale: 'pt' });
    const refused = await admin.form('/admin/account/language', { locale: 'xx' });
    expect(refused.status).toBe(400);
    expect(lang((await admin.page('/admin/account')).html)).toBe('pt');
  });

  it('words the waitlist screen in the dashboard language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = await admin.page('/admin/waitlist?date=2030-04-01', { 'accept-language': 'pt-PT' });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Lista de espera</h1>');
    expect(page.html).toContain('Ninguém está à espera neste dia.');
    expect(navText(page.html)).toContain('Lista de espera');
    const de = await admin.page('/admin/waitlist?date=2030-04-01', { 'accept-language': 'de' });
    expect(de.html).toContain('<h1>Warteliste</h1>');
  });

  it('speaks the browser language on the sign-in page, before anyone is signed in', async () => {
    const page = await browser(d).page('/admin/sign-in', { 'accept-language': 'es-MX' });
    expect(lang(page.html)).toBe('es');
    expect(page.html).toContain('Ir al contenido');
  });
});
