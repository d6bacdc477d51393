/**
 * Every field problem in the dashboard's language (issue 21): Zod's own problems by issue code and
 * parameters (issue-words.ts), the schemas' and use cases' own messages by their words (found in
 * every source file the dashboard runs, so a new message without words fails here), and those
 * with a value in them by their shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dashboardSources } from '../../../../test/support/dashboard-sources.ts';
import { LOCALES } from '../../../core/languages.ts';
import { dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { issueFields, parseFields } from './issue-words.ts';
import { localProblem } from './words.ts';

const pt = dashboardMessagesFor('pt');
const fr = dashboardMessagesFor('fr');
const OTHERS = LOCALES.filter((l) => l !== 'en');

/** A schema's custom message (`.regex(re, '…')`, `.refine(fn, '…')`, `.min(n, '…')`…). */
const ZOD_MESSAGE =
  /\.(?:refine|regex|min|max|length|custom|startsWith|endsWith|includes)\((?:[^()';]|\((?:[^()]|\([^()]*\))*\)|'[^'\n]*')*?,\s*'([^'\n]+)'\s*\)/g;
/** An issue or problem made by hand: `{ path, message: '…' }`. */
const ISSUE_MESSAGE = /message:\s*'([^'\n]+)'/g;
/** A use case's field message: `invalid('…', { field: '…' })`, `fields.set(key, '…')`. */
const INVALID_FIELDS = /\binvalid\(\s*(?:'[^'\n]*'|`[^`\n]*`),\s*\{([^}]*)\}/g;
const SET_FIELD = /fields\.set\([^,]+,\s*'([^'\n]+)'\)/g;

function literalMessages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of dashboardSources()) {
    const text = readFileSync(file, 'utf8');
    const add = (m: string | undefined) => m && found.set(m, file);
    for (const m of text.matchAll(ZOD_MESSAGE)) add(m[1]);
    for (const m of text.matchAll(ISSUE_MESSAGE)) add(m[1]);
    for (const m of text.matchAll(SET_FIELD)) add(m[1]);
    for (const m of text.matchAll(INVALID_FIELDS)) for (const v of (m[1] ?? '').matchAll(/:\s*'([^'\n]+)'/g)) add(v[1]);
  }
  return found;
}

describe('the schemas’ and use cases’ own field messages', () => {
  const messages = literalMessages();

  it('the scan finds them in schemas, hand-made issues and use cases (self-check)', () => {
    expect(messages.size).toBeGreaterThan(50);
    for (const m of ['a real date YYYY-MM-DD', 'duplicate key', 'required with refund', 'a whole number']) {
      expect([...messages.keys()]).toContain(m);
    }
  });

  it.each(OTHERS)('each has words in %s', (locale) => {
    const t = dashboardMessagesFor(locale);
    expect([...messages.keys()].filter((m) => localProblem(m, t) === m)).toEqual([]);
  });

  it('those with a value in them, by their shape', () => {
    const said = (m: string) => localProblem(m, pt);
    expect(said('a service id')).toBe('um identificador (só algarismos)');
    expect(said('a number from 1 to 100')).toBe('um número de 1 a 100');
    expect(said('at most 366 days')).toBe('no máximo 366 dias');
    expect(said('no staff member 42')).toBe('não há nenhum membro da equipa 42');
    expect(said('no active service "yoga"')).toBe('não há nenhum serviço ativo «yoga»');
    expect(said('staff "3" does not offer "yoga"')).toBe('este membro da equipa não oferece este serviço');
    expect(said('too many decimals for JPY')).toBe('demasiadas casas decimais para JPY');
    expect(said('must not exceed the price (30.00)')).toBe('não pode ultrapassar o preço (30.00)');
    expect(said('"portrait" is already used by another service')).toBe('«portrait» já é usado por outro serviço');
    expect(said('not for a cancelled booking')).toBe('não é possível para uma marcação com o estado «Cancelada»');
    expect(said('at most 10 tiers')).toBe('no máximo 10 escalões');
    expect(said('one of full, deposit_kept, none')).toBe('um de full, deposit_kept, none');
    expect(said('a whole number from 2 to 52')).toBe('um número inteiro de 2 a 52');
    expect(said('a whole number from 1 to the capacity (8)')).toBe('um número inteiro de 1 até à capacidade (8)');
    expect(said('less than the tier before (24): tiers go in descending order')).toBe(
      'menos do que o escalão anterior (24): os escalões vão por ordem decrescente',
    );
    expect(said('"size" is used by another question')).toBe('«size» já é usado por outra pergunta');
    expect(said('not a language the pages speak (en, fr, de, es, pt)')).toBe(
      'não é um idioma das páginas (en, fr, de, es, pt)',
    );
    expect(said('at most 60 days ahead')).toBe('no máximo 60 dias de antecedência');
    expect(localProblem('a public internet address (127.0.0.1 is a loopback address)', fr)).toBe(
      'une adresse publique d’Internet (127.0.0.1 n’en est pas une)',
    );
    expect(localProblem('the stored price has too many decimals for JPY: give the amounts again', fr)).toBe(
      'les montants enregistrés ont trop de décimales pour JPY : saisissez-les de nouveau',
    );
  });
});

describe('Zod’s problems, by issue code and parameters', () => {
  const schema = z.strictObject({
    name: z.string().min(3),
    minutes: z.int().max(1440),
    email: z.email(),
    site: z.url(),
    kind: z.enum(['a', 'b']),
    needed: z.string(),
    count: z.number(),
    seats: z.number().gt(2),
    step: z.number().multipleOf(5),
    tags: z.array(z.string()).max(2),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a real date YYYY-MM-DD'),
  });
  const bad = {
    name: 'x',
    minutes: 1.5,
    email: 'no',
    site: 'nope',
    kind: 'c',
    count: 'ten',
    seats: 1,
    step: 7,
    tags: ['a', 'b', 'c'],
    date: '2027-13',
    extra: 1,
  };

  it('words each in Portuguese', () => {
    const r = parseFields(schema, bad);
    expect(r.success).toBe(false);
    const fields = r.success ? {} : r.fields;
    const said = Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, localProblem(m, pt)]));
    expect(said).toEqual({
      name: 'deve ter pelo menos 3 caracteres',
      minutes: 'deve ser um número inteiro',
      email: 'deve ser um endereço de e-mail, por exemplo nome@example.com',
      site: 'deve ser um endereço web começado por https://',
      kind: 'escolha uma das opções',
      needed: 'obrigatório',
      count: 'deve ser um número',
      seats: 'deve ser maior do que 2',
      step: 'deve ser múltiplo de 5',
      tags: 'deve ter no máximo 2 elementos',
      date: 'uma data válida AAAA-MM-DD',
      extra: 'campo desconhecido',
    });
  });

  it('reads the code, not Zod’s English: a schema’s own message is kept for the table', () => {
    const r = z.object({ n: z.number().min(1, 'at least 1') }).safeParse({ n: 0 }, { reportInput: true });
    expect(r.success ? {} : issueFields(r.error)).toEqual({ n: 'at least 1' });
    expect(localProblem('at least 1', fr)).toBe('au moins 1');
    // A value given but of the wrong type is not "required".
    const typed = parseFields(z.object({ n: z.string() }), { n: 5 });
    expect(typed.success ? {} : typed.fields).toEqual({ n: 'must be text' });
  });
});
