/**
 * The last English in the dashboard (issue 21): refusals, rarer field problems, webhook delivery
 * causes and the report's CSV, in the reader's language. Per area, a request in French and one in
 * another language triggers the refusal and the page must show the translated words and not the
 * use case's English. Studio: test/support/studio.ts (now Friday 2027-03-26 12:00 Paris).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../support/dashboard.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { testOutbound } from '../support/outbound.ts';
import { type Browser, browser, EMAILS, makeAccount, PASSWORD, signedIn, valueIn } from '../support/sessions.ts';
import { STUDIO, STUDIO_NOW } from '../support/studio.ts';

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

/** The visible text of a page, tags dropped and spaces folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

const sessions = new WeakMap<Dashboard, Map<string, Browser>>();

/** A signed-in person whose dashboard language is now `locale` (their saved preference). */
async function speaking(who: 'admin' | 'ana', locale: string, on: Dashboard = d): Promise<Browser> {
  const held = sessions.get(on) ?? new Map<string, Browser>();
  sessions.set(on, held);
  const b = held.get(who) ?? (await signedIn(tdb, on, who));
  held.set(who, b);
  const saved = await b.form('/admin/account/language', { locale });
  expect(saved.status).toBe(303);
  return b;
}

async function book(over: Record<string, unknown> = {}) {
  const r = await d.as('admin', 'POST', 'bookings', {
    service: 'portrait',
    staff: d.staffIds.ana,
    start: '2027-03-29T10:00:00+02:00',
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string };
}

describe('bookings: a refused change says why in the reader’s language', () => {
  it('cancelling twice, in French and Portuguese: the status, not “This booking is already cancelled”', async () => {
    const b = await book();
    const fr = await speaking('admin', 'fr');
    expect((await fr.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' })).status).toBe(303);
    const again = await fr.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' });
    expect(again.status).toBe(409);
    expect(text(again.html)).toContain('Cette réservation ne peut pas être annulée. Son statut est déjà « Annulée ».');
    expect(again.html).not.toContain('already cancelled');

    const pt = await speaking('admin', 'pt');
    const third = await pt.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' });
    expect(text(third.html)).toContain('Esta marcação não pode ser cancelada. O seu estado já é «Cancelada».');
    expect(third.html).not.toContain('already cancelled');
  });

  it('marking a booking that has not started, in Portuguese and German', async () => {
    const b = await book();
    const pt = await speaking('admin', 'pt');
    const r = await pt.form(`/admin/bookings/${b.id}/outcome`, { outcome: 'completed' });
    expect(r.status).toBe(409);
    expect(text(r.html)).toContain('Esta marcação não pode ser assinalada. Ainda não começou.');
    expect(r.html).not.toContain('has not started yet');
    const de = await speaking('admin', 'de');
    const again = await de.form(`/admin/bookings/${b.id}/outcome`, { outcome: 'no_show' });
    expect(text(again.html)).toContain('Diese Buchung kann nicht markiert werden. Sie hat noch nicht begonnen.');
  });

  it('a staff member skipping the rules: the 403 page in French and Spanish', async () => {
    const b = await book();
    const fr = await speaking('ana', 'fr');
    const r = await fr.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00', skipRules: '1' });
    expect(r.status).toBe(403);
    expect(text(r.html)).toContain('Seul un administrateur peut faire cela.');
    expect(r.html).not.toContain('Only an admin');
    const es = await speaking('ana', 'es');
    const again = await es.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00', skipRules: '1' });
    expect(text(again.html)).toContain('Solo un administrador puede hacer esto.');
  });

  it('a bad search date in the list, in French and German: the schema’s message translated', async () => {
    const fr = await speaking('admin', 'fr');
    const r = await fr.page('/admin/bookings?from=2027-02-30');
    expect(r.status).toBe(400);
    expect(text(r.html)).toContain('Une date valide AAAA-MM-JJ.');
    expect(r.html).not.toContain('A real date YYYY-MM-DD');
    const de = await speaking('admin', 'de');
    expect(text((await de.page('/admin/bookings?from=2027-03-26&to=2027-03-20')).html)).toContain(
      'Muss am selben Tag wie „von“ oder danach liegen.',
    );
  });
});

describe('catalogue and staff: refused forms and invitations', () => {
  it('a slug another service uses, in French and Spanish', async () => {
    const fr = await speaking('admin', 'fr');
    const form = { name: 'Copy', slug: 'portrait', durationMinutes: '30', price: '10.00', currency: 'EUR' };
    const r = await fr.form('/admin/services', form);
    expect(r.status).toBe(400);
    expect(text(r.html)).toContain('« portrait » est déjà utilisé par une autre prestation');
    expect(r.html).not.toContain('is already used by another service');
    const es = await speaking('admin', 'es');
    expect(text((await es.form('/admin/services', form)).html)).toContain('«portrait» ya lo usa otro servicio');
  });

  it('a staff member on an admin-only page, in Portuguese and German', async () => {
    const pt = await speaking('ana', 'pt');
    const r = await pt.form('/admin/services', { name: 'Mine', slug: 'mine' });
    expect(r.status).toBe(403);
    expect(text(r.html)).toContain('Só um administrador pode fazer isto.');
    expect(r.html).not.toContain('Only an admin can');
    const de = await speaking('ana', 'de');
    expect(text((await de.page('/admin/settings')).html)).toContain('Das kann nur ein Admin.');
  });

  it('inviting a member who has a password, in French and German: their name, not the use case’s sentence', async () => {
    await makeAccount(tdb, d, 'ben');
    const fr = await speaking('admin', 'fr');
    const r = await fr.form(`/admin/staff/${d.staffIds.ben}/invite`, {});
    expect(r.status).toBe(400);
    expect(text(r.html)).toContain('Ben a déjà un compte du tableau de bord avec un mot de passe');
    expect(r.html).not.toContain('already has a dashboard account');
    const de = await speaking('admin', 'de');
    expect(text((await de.form(`/admin/staff/${d.staffIds.ben}/invite`, {})).html)).toContain(
      'Ben hat schon ein Dashboard-Konto mit Passwort',
    );
  });
});

describe('accounts: a rate limit’s wait in the reader’s words', () => {
  it('changing a password too often, in French and Portuguese', async () => {
    const limited = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'password-user': { max: 1, windowMs: 15 * 60_000 } },
    });
    try {
      const fr = await speaking('admin', 'fr', limited);
      const change = (b: Browser) =>
        b.form('/admin/account/password', { currentPassword: 'wrong guess', newPassword: 'a brand new password 1' });
      expect((await change(fr)).status).toBe(400);
      const r = await change(fr);
      expect(r.status).toBe(429);
      expect(text(r.html)).toMatch(/Trop de tentatives : attendez \d+ minutes avant la suivante\./);
      expect(r.html).not.toContain('try again');
      const pt = await speaking('admin', 'pt', limited);
      expect(text((await change(pt)).html)).toMatch(/Demasiadas tentativas: aguarde \d+ minutos antes da próxima\./);
    } finally {
      expect(limited.errors).toEqual([]);
    }
  });

  it('signing in too often, in Spanish (the browser’s language before sign-in)', async () => {
    const limited = await startDashboard(tdb, STUDIO, STUDIO_NOW, {
      rateLimits: { 'signin-email': { max: 1, windowMs: 15 * 60_000 } },
    });
    await makeAccount(tdb, limited, 'admin');
    const b = browser(limited);
    const attempt = async () => {
      const form = await b.page('/admin/sign-in', { 'accept-language': 'es' });
      const body = new URLSearchParams({ _csrf: valueIn(form.html, '_csrf'), email: EMAILS.admin, password: PASSWORD });
      const res = await limited.app.request('/admin/sign-in', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'accept-language': 'es',
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        body: body.toString(),
      });
      return { status: res.status, html: await res.text() };
    };
    expect((await attempt()).status).toBe(303);
    const r = await attempt();
    expect(r.status).toBe(429);
    expect(text(r.html)).toMatch(/Demasiados intentos: espere \d+ minutos antes del siguiente\./);
    expect(r.html).not.toContain('try again');
  });
});

describe('webhooks: refused addresses and failed deliveries', () => {
  it('a private address, in French and Portuguese: where it points, translated', async () => {
    const guarded = await startDashboard(tdb, STUDIO, undefined, { outbound: testOutbound({ allowPrivate: false }) });
    const fr = await speaking('admin', 'fr', guarded);
    const r = await fr.form('/admin/webhooks', { url: 'http://127.0.0.1:9/hook', events: 'booking.confirmed' });
    expect(r.status).toBe(400);
    expect(text(r.html)).toContain('L’URL doit être une adresse publique d’Internet (127.0.0.1 n’en est pas une).');
    expect(r.html).not.toContain('a public internet address');
    const pt = await speaking('admin', 'pt', guarded);
    const again = await pt.form('/admin/webhooks', { url: 'http://127.0.0.1:9/hook', events: 'booking.confirmed' });
    expect(text(again.html)).toContain('um endereço público da internet (127.0.0.1 não o é)');
    expect(guarded.errors).toEqual([]);
  });

  it('the delivery log’s causes, in French and German', async () => {
    const hook = await d.as('admin', 'POST', 'webhooks', {
      url: 'https://example.com/hooks/slotwise',
      events: ['booking.confirmed'],
    });
    const id = (hook.body as { webhook?: { id: string }; id?: string }).webhook?.id ?? (hook.body as { id: string }).id;
    const causes = ['HTTP 500', 'no answer within 10 s', 'fetch failed: connect ECONNREFUSED 127.0.0.1:9'];
    for (const [i, error] of causes.entries()) {
      await tdb.store.recordWebhookDelivery({
        webhookId: id,
        event: 'booking.confirmed',
        eventId: `evt_${String(i).padStart(32, '0')}`,
        attempt: 1,
        statusCode: i === 0 ? 500 : null,
        error,
        durationMs: 5,
        deliveredAt: d.clock.now() + i * 1000,
      });
    }
    const fr = await speaking('admin', 'fr');
    const page = text((await fr.page(`/admin/webhooks/${id}`)).html);
    for (const words of ['l’URL a répondu HTTP 500', 'pas de réponse en 10 s', 'le serveur a refusé la connexion']) {
      expect(page).toContain(words);
    }
    expect(page).not.toContain('no answer within');
    expect(page).not.toContain('ECONNREFUSED');
    const de = await speaking('admin', 'de');
    expect(text((await de.page(`/admin/webhooks/${id}`)).html)).toContain('keine Antwort innerhalb von 10 s');
  });
});

describe('reports: the CSV download and its refusals', () => {
  it('in French: the header and row kinds translated; ?columns=api keeps the API’s names', async () => {
    const fr = await speaking('admin', 'fr');
    const csv = await fr.page('/admin/reports/export.csv?from=2027-03-22&to=2027-03-28');
    expect(csv.status).toBe(200);
    const [header, total] = csv.html.split('\r\n');
    expect(header).toBe(
      'Ligne,Semaine du,Identifiant du membre,Membre de l’équipe,Réservations,Absences,Annulations,Payé,Dû,Minutes réservées,Minutes de travail,Taux d’occupation (0–1)',
    );
    expect(total?.startsWith('Total,')).toBe(true);
    const api = await fr.page('/admin/reports/export.csv?from=2027-03-22&to=2027-03-28&columns=api');
    expect(api.html.split('\r\n')[0]).toBe(
      'row,week,staffId,staff,bookings,noShows,cancellations,revenue,due,bookedMinutes,workingMinutes,utilisation',
    );
    // The admin API's CSV is the contract: machine names whatever the language.
    const r = await d.app.request('/api/v1/admin/reports?from=2027-03-22&to=2027-03-28', {
      headers: { authorization: `Bearer ${d.keys.admin}`, accept: 'text/csv', 'accept-language': 'fr' },
    });
    expect((await r.text()).split('\r\n')[0]).toBe(api.html.split('\r\n')[0]);
  });

  it('a bad range as plain text, in Portuguese and Spanish', async () => {
    const pt = await speaking('admin', 'pt');
    const bad = await pt.page('/admin/reports/export.csv?from=2027-02-30&to=2027-03-28');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Parte do que foi enviado não é válido');
    expect(bad.html).toContain('De: uma data válida AAAA-MM-DD');
    expect(bad.html).not.toMatch(/Invalid|real date YYYY/);
    const es = await speaking('admin', 'es');
    const backwards = await es.page('/admin/reports/export.csv?from=2027-03-28&to=2027-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.html).toContain('no debe ser anterior a «desde»');
    expect(backwards.html).not.toContain('must not be before');
  });
});

/** English a Portuguese page must not show (the use cases' and Zod's words). */
const ENGLISH = /\b(must|invalid|not found|try again|already|only an admin|cannot|please|required|no such)\b/i;

describe('sweep: the main error paths in Portuguese show no English', () => {
  it('refusal pages, refused forms, a rate limit and the delivery log', async () => {
    const b = await book();
    const admin = await speaking('admin', 'pt');
    const ana = await speaking('ana', 'pt');
    await admin.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' });
    const paths: [string, Promise<{ status: number; html: string }>][] = [
      ['unknown booking', admin.page('/admin/bookings/999999')],
      ['cancel twice', admin.form(`/admin/bookings/${b.id}/cancel`, { notify: '1' })],
      ['move a cancelled one', admin.form(`/admin/bookings/${b.id}/move`, { date: '2027-03-29', time: '14:00' })],
      ['bad list dates', admin.page('/admin/bookings?from=2027-13-01')],
      ['new booking, empty', admin.form('/admin/bookings/new', { service: 'portrait' })],
      ['staff on services', ana.form('/admin/services', { name: 'x' })],
      ['staff on settings', ana.page('/admin/settings')],
      ['another member', ana.page(`/admin/staff/${d.staffIds.ben}`)],
      ['service form, bad', admin.form('/admin/services', { name: '', slug: 'Bad Slug', durationMinutes: 'x' })],
      ['resource, bad key', admin.form('/admin/resources', { name: '', key: 'a b' })],
      ['settings, bad', admin.form('/admin/settings', { name: '', timezone: 'Mars/Base', currency: 'EURO' })],
      ['reports, bad', admin.page('/admin/reports?from=2027-02-30')],
      ['waitlist, bad date', admin.page('/admin/waitlist?date=2027-02-30')],
      ['webhook, no events', admin.form('/admin/webhooks', { url: 'ftp://x' })],
      [
        'day off backwards',
        admin.form(`/admin/staff/${d.staffIds.ana}/days-off`, { from: '2027-04-10', to: '2027-04-01' }),
      ],
      ['api key for nobody', admin.form('/admin/account/api-keys', { label: 'x', owner: '999999' })],
      ['csv, bad', admin.page('/admin/reports/export.csv?from=x')],
    ];
    for (const [what, answer] of paths) {
      const r = await answer;
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      const main = text(r.html.replace(/<nav[\s\S]*?<\/nav>/g, ''));
      expect(main.match(ENGLISH)?.[0], `${what}: ${main.slice(0, 600)}`).toBeUndefined();
    }
  });
});
