/**
 * The dashboard screens of the accounts, staff, resources and calendars areas, and the form kit
 * every form shares, speak the request's language (issue 21): each test asks for a page in a
 * language other than the studio's English and checks translated headings, labels, buttons,
 * problems and a date written the language's way — so a page that ignored the language fails.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { browser, EMAILS, signedIn, valueIn } from '../support/sessions.ts';

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
/** The visible text of a page, tags dropped and spaces folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('accounts in other languages', () => {
  it('the account page in Portuguese and French: headings, labels, buttons, the key list and its dates', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const made = await admin.form('/admin/account/api-keys', { label: 'Export' });
    expect(made.status).toBe(200);
    const pt = await admin.page('/admin/account', { 'accept-language': 'pt-PT' });
    expect(lang(pt.html)).toBe('pt');
    const ptText = text(pt.html);
    for (const words of [
      'A sua conta',
      'Sessão iniciada como',
      'Alterar a sua palavra-passe',
      'Palavra-passe atual',
      'Terminar sessão em todo o lado',
      'Chaves de API',
      'Chaves ativas',
      'Última utilização',
      'Criar chave',
      'Administrador (tudo)',
    ]) {
      expect(ptText).toContain(words);
    }
    expect(pt.html).toContain('aria-label="Revogar a chave ');
    // The key's "made" date, written the Portuguese way (dd/mm/yyyy), not the English "6 Dec 2026".
    expect(ptText).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    expect(ptText).not.toMatch(/Your account|Change password|Make key/);

    const fr = await admin.page('/admin/account', { 'accept-language': 'fr' });
    const frText = text(fr.html);
    expect(frText).toContain('Votre compte');
    expect(frText).toContain('Changer le mot de passe');
    expect(frText).toContain('Clés d’API');
    expect(frText).toMatch(/\d{1,2} (janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? \d{4}/);
  });

  it('sign-in, a wrong password and the forgotten-password page in French and Spanish', async () => {
    const b = browser(d);
    const fr = await b.page('/admin/sign-in', { 'accept-language': 'fr' });
    expect(text(fr.html)).toContain('Se connecter au tableau de bord');
    expect(fr.html).toContain('<label for="f-password">Mot de passe</label>');
    expect(fr.html).toContain('Mot de passe oublié ?');
    const es = await b.page('/admin/forgot', { 'accept-language': 'es' });
    expect(text(es.html)).toContain('¿Ha olvidado su contraseña?');
    expect(text(es.html)).toContain('Enviarme un enlace');
    // A post carries no Accept-Language here: the studio's language answers (English).
    const wrong = await b.form('/admin/sign-in', {
      _csrf: valueIn(fr.html, '_csrf'),
      email: EMAILS.admin,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Wrong email or password.');
  });

  it('a refused new password is said in the saved language, with the form kit’s summary title', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/account/language', { locale: 'es' });
    const r = await admin.form('/admin/account/password', { currentPassword: 'wrong one', newPassword: 'short' });
    expect(r.status).toBe(400);
    const said = text(r.html);
    expect(said).toContain('Revise el formulario');
    expect(said).toContain('Contraseña actual: Esta no es su contraseña actual.');
    expect(said).toContain('Contraseña nueva: La contraseña nueva debe tener al menos 10 caracteres.');
    expect(said).not.toContain('Please check the form');
  });
});

describe('shared dashboard words in other languages', () => {
  it('the refusal page (an unknown staff member) in Portuguese', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const r = await admin.page('/admin/staff/999999999', { 'accept-language': 'pt' });
    expect(r.status).toBe(404);
    expect(text(r.html)).toContain('Não encontrado');
    expect(text(r.html)).toContain('Voltar ao calendário');
  });

  it('the plain-text refusals of the page guard follow Accept-Language', async () => {
    const key = await d.app.request('/admin/account', {
      headers: { authorization: `Bearer ${d.keys.admin}`, 'accept-language': 'de' },
    });
    expect(key.status).toBe(401);
    expect(await key.text()).toBe('Die Dashboard-Seiten brauchen eine angemeldete Sitzung, keinen API-Schlüssel.');
  });
});

describe('staff and calendars in other languages', () => {
  it('a member’s schedule page in Portuguese and German: sections, weekdays, buttons and a day off’s date', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const page = `/admin/staff/${d.staffIds.ana}`;
    const added = await admin.form(`${page}/days-off`, { from: '2030-04-01', to: '2030-04-03', note: 'Férias' });
    expect(added.status).toBe(303);
    const pt = await admin.page(`${page}?done=day-off-added`, { 'accept-language': 'pt' });
    expect(lang(pt.html)).toBe('pt');
    const said = text(pt.html);
    for (const words of [
      'Horário semanal',
      'Horário em datas específicas',
      'Ausências com horas',
      'Horas ocupadas de outros calendários',
      'Conta do painel',
      'Feed de calendário',
      'Segunda-feira',
      'Guardar horário',
      'Adicionar folga',
      'Guardar perfil',
      'Carregar fotografia', // the picture panel, shared with the services page
      'A folga foi adicionada',
    ]) {
      expect(said).toContain(words);
    }
    expect(pt.html).toContain(
      '<label class="visually-hidden" for="f-mon-0-from">Segunda-feira, intervalo 1, início</label>',
    );
    // The day off's dates, written the Portuguese way.
    expect(said).toContain('segunda-feira, 1 de abril de 2030');
    expect(said).not.toMatch(/Weekly hours|Days off|Save profile|Monday/);

    const de = await admin.page(page, { 'accept-language': 'de-DE' });
    const deSaid = text(de.html);
    expect(deSaid).toContain('Wochenarbeitszeiten');
    expect(deSaid).toContain('Freie Tage');
    expect(deSaid).toContain('Montag, 1. April 2030');
  });

  it('a refused weekly-hours form names the day and range in the saved language', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    await admin.form('/admin/account/language', { locale: 'fr' });
    const r = await admin.form(`/admin/staff/${d.staffIds.ana}/hours`, { 'mon-0-from': '12:00', 'mon-0-to': '09:00' });
    expect(r.status).toBe(400);
    const said = text(r.html);
    expect(said).toContain('Les horaires de la semaine n’ont pas été enregistrés');
    expect(said).toContain('Lundi, plage 1 : le début doit précéder la fin');
  });

  it('the staff list and the new-member form in Spanish', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const list = await admin.page('/admin/staff', { 'accept-language': 'es' });
    const said = text(list.html);
    expect(said).toContain('Añadir un miembro del equipo');
    expect(said).toContain('Zona horaria');
    expect(said).toContain('Cuenta del panel');
    const refused = await admin.form('/admin/staff', { name: '', email: 'not an email' });
    expect(refused.status).toBe(400);
    // The post carries no Accept-Language: English, as the studio speaks.
    expect(text(refused.html)).toContain('The staff member was not added');
  });
});

describe('resources in other languages', () => {
  it('the resources page and a resource’s edit page in Portuguese and German, with a refused form', async () => {
    const admin = await signedIn(tdb, d, 'admin');
    const added = await admin.form('/admin/resources', { name: 'Estúdio A', key: 'studio-a' });
    expect(added.status).toBe(303);
    const pt = await admin.page('/admin/resources?done=added', { 'accept-language': 'pt' });
    const said = text(pt.html);
    for (const words of [
      'Recursos',
      'Necessário para',
      'Nenhum serviço',
      'Adicionar um recurso',
      'Adicionar recurso',
    ]) {
      expect(said).toContain(words);
    }
    expect(said).toContain('O recurso foi adicionado');
    expect(pt.html).toContain('aria-label="Alterar Estúdio A"');
    const id = /href="\/admin\/resources\/(\d+)"/.exec(pt.html)?.[1];
    const de = await admin.page(`/admin/resources/${id}`, { 'accept-language': 'de' });
    expect(text(de.html)).toContain('„Estúdio A“ ändern');
    expect(text(de.html)).toContain('Ressource speichern');

    await admin.form('/admin/account/language', { locale: 'pt' });
    const refused = await admin.form('/admin/resources', { name: '', key: '' });
    expect(refused.status).toBe(400);
    const problems = text(refused.html);
    expect(problems).toContain('O recurso não foi adicionado');
    expect(problems).toContain('Nome: obrigatório'); // the schema's "required", translated
    // A rarer schema message, translated too (form-kit/words.ts, t.formKit.said), not left in English.
    expect(problems).toContain('Chave: letras, algarismos, «_» ou «-»');
    expect(problems).not.toContain('letters, digits');
  });
});
