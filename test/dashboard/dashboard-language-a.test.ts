/**
 * The bookings, calendar and reports screens speak the dashboard's language (issue 21): headings,
 * labels, buttons, status names, notices and dates in the language Accept-Language asks for, and
 * the calendar hands FullCalendar that language's locale and button words. Studio:
 * test/support/studio.ts (now Friday 2027-03-26 12:00 Paris).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { testOutbound } from '../support/outbound.ts';
import { signedIn } from '../support/sessions.ts';
import { STUDIO } from '../support/studio.ts';

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

async function book(): Promise<{ id: string; reference: string }> {
  const r = await d.as('admin', 'POST', 'bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** The page's text without tags, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/** The calendar page's script configuration (what admin-calendar.js hands FullCalendar). */
function calendarConfig(html: string): Record<string, unknown> {
  const raw = /<div id="calendar"[^>]*data-config="([^"]*)"/.exec(html)?.[1] ?? '{}';
  return JSON.parse(raw.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
}

describe('the bookings screens in the dashboard language', () => {
  it('lists bookings in Portuguese and German: headings, filters, columns, statuses and dates', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const b = await book();
    const pt = await admin.page('/admin/bookings?from=2027-03-29', { 'accept-language': 'pt-PT' });
    expect(pt.status).toBe(200);
    expect(pt.html).toContain('<title>Marcações — painel de Test Studio</title>');
    expect(pt.html).toContain('<h1>Marcações</h1>');
    expect(text(pt.html)).toContain('Nova marcação');
    expect(pt.html).toContain('<option value="">Qualquer estado</option>');
    expect(pt.html).toMatch(/<button type="submit" class="primary">\s*Pesquisar\s*<\/button>/);
    expect(text(pt.html)).toContain('Quando Cliente Serviço Equipa Estado Referência Resultado');
    expect(pt.html).toContain('<span class="badge status-confirmed">Confirmada</span>');
    // pt-PT writes the day with its weekday and day/month/year.
    expect(text(pt.html)).toContain('segunda, 29/03/2027, 10:00');
    expect(pt.html).toContain(b.reference);

    const de = await admin.page('/admin/bookings?from=2027-03-29', { 'accept-language': 'de' });
    expect(de.html).toContain('<h1>Buchungen</h1>');
    expect(text(de.html)).toContain('Wann Kunde Leistung Team Status Buchungsnummer Ergebnis');
    expect(de.html).toContain('<span class="badge status-confirmed">Bestätigt</span>');
    expect(text(de.html)).toContain('Mo., 29. März 2027, 10:00–11:00 Uhr');
    // English stays as it was.
    const en = await admin.page('/admin/bookings?from=2027-03-29', { 'accept-language': 'en' });
    expect(text(en.html)).toContain('When Client Service Staff Status Reference Outcome');
    expect(text(en.html)).toContain('Mon, 29 Mar 2027, 10:00');
  });

  it('shows a refused search’s field problem in the language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const pt = await admin.page('/admin/bookings?from=2027-02-30', { 'accept-language': 'pt' });
    expect(pt.status).toBe(400);
    expect(text(pt.html)).toContain('Verifique a pesquisa');
    expect(text(pt.html)).toContain('Uma data válida AAAA-MM-DD.');
    const fr = await admin.page('/admin/bookings?from=2027-02-30', { 'accept-language': 'fr' });
    expect(text(fr.html)).toContain('Une date valide AAAA-MM-JJ.');
  });

  it('shows one booking with its facts, notice, forms and long dates in Portuguese and French', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const b = await book();
    const pt = await admin.page(`/admin/bookings/${b.id}?done=moved`, { 'accept-language': 'pt' });
    expect(pt.html).toContain(`<title>Marcação ${b.reference} — painel de Test Studio</title>`);
    const words = text(pt.html);
    expect(words).toContain('Portrait session para Ada Lovelace');
    expect(words).toContain('A marcação foi mudada. O cliente recebeu o novo horário por e-mail.');
    expect(words).toContain('Estado Confirmada');
    expect(words).toContain('Preço 120,00 €');
    expect(words).toContain('Feita em sexta-feira, 26 de março de 2027 às 12:00');
    expect(words).toContain('Guardar notas');
    expect(words).toContain('Cancelar a marcação');
    expect(words).toContain('O cliente tem 0 faltas no total.');

    const fr = await admin.page(`/admin/bookings/${b.id}`, { 'accept-language': 'fr' });
    const mots = text(fr.html);
    expect(mots).toContain('Portrait session pour Ada Lovelace');
    expect(mots).toContain('Prix 120,00 €');
    expect(mots).toContain('Créée le vendredi 26 mars 2027 à 12:00');
    expect(mots).toContain('Déplacer la réservation');
    expect(mots).toContain('Le client a 0 absence au total.'); // French: 0 is singular
  });

  it('offers a new booking’s steps and free times in Spanish', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const es = await admin.page('/admin/bookings/new?service=portrait&date=2027-03-29', { 'accept-language': 'es' });
    const words = text(es.html);
    expect(es.html).toContain('<h1>Nueva reserva</h1>');
    expect(words).toContain('1. Servicio, miembro del equipo y día');
    expect(words).toContain('Horas libres el lunes, 29 de marzo de 2027 (Europe/Paris)');
    expect(words).toContain('Cada dos semanas');
    expect(words).toContain('Crear la reserva');
  });

  it('gives FullCalendar the language: its locale file, the locale code and the button words', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const pt = await admin.page('/admin', { 'accept-language': 'pt' });
    expect(pt.html).toContain('<h1>Calendário</h1>');
    expect(text(pt.html)).toContain('Mostrar canceladas');
    const src = /<script defer="" src="(\/assets\/fullcalendar-pt\.js\?v=[0-9a-f]{10})"><\/script>/.exec(pt.html)?.[1];
    expect(src).toBeDefined();
    // The locale registers itself with the bundle loaded before it, and is served from this site.
    expect(pt.html.indexOf('/assets/fullcalendar.js')).toBeLessThan(pt.html.indexOf('/assets/fullcalendar-pt.js'));
    const js = await d.app.request(src as string);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('code:"pt"');
    const config = calendarConfig(pt.html);
    expect(config.locale).toBe('pt');
    expect(config.buttons).toEqual({
      prev: '‹ Anterior',
      next: 'Seguinte ›',
      today: 'Hoje',
      day: 'Dia',
      week: 'Semana',
      month: 'Mês',
      list: 'Lista',
    });
    expect(config.moved).toBe('{title} mudada para {when}. O cliente recebeu um e-mail.');

    const de = calendarConfig((await admin.page('/admin', { 'accept-language': 'de' })).html);
    expect([de.locale, (de.buttons as Record<string, string>).today]).toEqual(['de', 'Heute']);
    // English needs no locale file (the bundle's own) and keeps its words.
    const en = await admin.page('/admin', { 'accept-language': 'en' });
    expect(en.html).not.toContain('/assets/fullcalendar-');
    expect((calendarConfig(en.html).buttons as Record<string, string>).month).toBe('Month');
  });
});

describe('the reports screen in the dashboard language', () => {
  it('words the form, totals, charts and range dates in Portuguese and German', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await book();
    const pt = await admin.page('/admin/reports?from=2027-03-29&to=2027-04-04', { 'accept-language': 'pt' });
    expect(pt.status).toBe(200);
    expect(pt.html).toContain('<h1>Relatórios</h1>');
    const words = text(pt.html);
    expect(words).toContain('Descarregar CSV');
    expect(words).toContain('De segunda-feira, 29 de março de 2027 a domingo, 4 de abril de 2027');
    expect(words).toContain('Marcações 1 Faltas 0 Cancelamentos 0 Receita (paga) 0,00 € Por receber 120,00 €');
    expect(pt.html).toContain('<h2 id="weeks-bookings-h">Marcações por semana</h2>');
    expect(pt.html).toContain('aria-label="Marcações por semana: gráfico; a tabela ao lado dá os números"');
    // The tables stay machine-readable for the charts: ISO weeks, decimal points.
    expect(pt.html).toMatch(/<th scope="row">2027-03-29<\/th><td>1<\/td>/);

    const de = await admin.page('/admin/reports?from=2027-03-29&to=2027-04-04', { 'accept-language': 'de' });
    expect(de.html).toContain('<h1>Berichte</h1>');
    expect(text(de.html)).toContain('Montag, 29. März 2027 bis Sonntag, 4. April 2027');
    expect(text(de.html)).toContain('Umsatz (bezahlt) 0,00 €');
    const bad = await admin.page('/admin/reports?from=2027-13-01', { 'accept-language': 'de' });
    expect(bad.status).toBe(400);
    expect(text(bad.html)).toContain('Bitte prüfen Sie den Zeitraum');
  });
});

describe('the settings screen in the dashboard language', () => {
  it('words the groups, labels, hints, language names, notice and field problems in Portuguese and Spanish', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const pt = await admin.page('/admin/settings?done=saved', { 'accept-language': 'pt' });
    expect(pt.status).toBe(200);
    expect(pt.html).toContain('<title>Definições — painel de Test Studio</title>');
    expect(pt.html).toContain('<h1>Definições do negócio</h1>');
    const words = text(pt.html);
    expect(words).toContain('As definições foram guardadas.');
    expect(words).toContain('Nome do negócio');
    expect(words).toContain('Antecedência mínima, em minutos');
    expect(words).toContain('Pagamento online');
    expect(words).toContain('Guardar definições');
    expect(words).toContain('Incorporar no seu site');
    expect(pt.html).toMatch(/<option value="fr"[^>]*>Français \(francês\)<\/option>/);

    const form = Object.fromEntries(
      [...pt.html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    // A form posts without the browser's headers here: the admin's own choice says Spanish.
    await admin.form('/admin/account/language', { locale: 'es' });
    const refused = await admin.form('/admin/settings', { ...form, locale: 'en', name: '' });
    expect(refused.status).toBe(400);
    const es = text(refused.html);
    expect(es).toContain('Los ajustes no se han guardado');
    expect(es).toContain('obligatorio');
    expect(es).toContain('Nombre del negocio');
  });
});

describe('the webhook screens in the dashboard language', () => {
  it('words the list, the form, a webhook’s page, its log dates and refusals in Portuguese and German', async () => {
    // A loopback receiver address, allowed as the webhook tests allow it (nothing is sent here).
    d = await startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: true }) });
    const admin = await signedIn(tdb, d, 'admin');
    const pt = await admin.page('/admin/webhooks', { 'accept-language': 'pt' });
    expect(pt.status).toBe(200);
    const words = text(pt.html);
    expect(words).toContain('Webhooks registados');
    expect(words).toContain('Ainda não há webhooks: acrescente um abaixo.');
    expect(words).toContain('booking.cancelled — quando uma marcação confirmada é cancelada');
    expect(words).toContain('Acrescentar webhook');

    const made = await admin.form('/admin/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: 'booking.paid',
      active: 'on',
    });
    expect(made.status).toBe(303);
    const de = await admin.page(made.location ?? '', { 'accept-language': 'de' });
    const wörter = text(de.html);
    expect(wörter).toContain('Der Webhook ist hinzugefügt.');
    expect(wörter).toContain('Webhook an 127.0.0.1:9');
    expect(wörter).toContain('Signatur-Secret');
    expect(wörter).toContain('Zustellprotokoll');
    expect(wörter).toContain('Die Signatur prüfen');
    // "Added <date>" in German: the studio's now (Paris) written the German way.
    expect(wörter).toContain('Hinzugefügt am 26. März 2027, 12:00:00.');

    const missing = await admin.page('/admin/webhooks/999999', { 'accept-language': 'pt' });
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>Esse webhook não existe</h1>');
  });

  it('says what is wrong with a refused webhook form in the dashboard language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/account/language', { locale: 'fr' });
    const refused = await admin.form('/admin/webhooks', { url: 'ftp://example.com/x' });
    expect(refused.status).toBe(400);
    const mots = text(refused.html);
    expect(mots).toContain('Le webhook n’a pas pu être ajouté');
    expect(mots).toContain('L’URL doit être une URL http ou https.');
    expect(mots).toContain('Choisissez au moins un évènement.');
  });
});

describe('the services screens in the dashboard language', () => {
  it('words the list, money, durations and the service form in Portuguese and French', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const pt = await admin.page('/admin/services?done=created', { 'accept-language': 'pt' });
    expect(pt.status).toBe(200);
    expect(pt.html).toContain('<h1>Serviços</h1>');
    const words = text(pt.html);
    expect(words).toContain('O serviço foi acrescentado.');
    expect(words).toContain('Nome Duração Preço Estado Disponibilizado por');
    expect(words).toContain('120,00 €'); // the portrait session, written the Portuguese way
    expect(words).toContain('Acrescentar um serviço');

    const fr = await admin.page('/admin/services/new', { 'accept-language': 'fr' });
    expect(fr.html).toContain('<h1>Nouvelle prestation</h1>');
    const mots = text(fr.html);
    expect(mots).toContain('Ce que les clients réservent');
    expect(mots).toContain('Politique d’annulation');
    expect(mots).toContain('Questions posées aux clients lors de la réservation');
    expect(mots).toContain('Ajouter la prestation');
    expect(fr.html).toMatch(/<option value="full"[^>]*>Remboursement intégral<\/option>/);

    // The refusal page the services, staff and settings pages share (common.shared).
    const missing = await admin.page('/admin/services/999999', { 'accept-language': 'pt' });
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>Não encontrado</h1>');
    expect(text(missing.html)).toContain('Esta página não existe, ou não a pode ver. Voltar ao calendário');
  });

  it('shows the service form’s problems in the dashboard language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/account/language', { locale: 'de' });
    const refused = await admin.form('/admin/services', { name: '', slug: '', durationMinutes: 'x' });
    expect(refused.status).toBe(400);
    const wörter = text(refused.html);
    expect(wörter).toContain('Die Leistung wurde nicht gespeichert');
    expect(wörter).toContain('Pflichtfeld');
  });
});
