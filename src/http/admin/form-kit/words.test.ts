import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { ErrorSummary } from './fields.tsx';
import { plainMessage } from './form-body.ts';
import { DashboardWords, localProblem } from './words.ts';

const pt = dashboardMessagesFor('pt');
const fr = dashboardMessagesFor('fr');

describe('a form problem in the page language', () => {
  it('translates the plain words of form-body.ts, bounds and units included', () => {
    expect(localProblem('required', pt)).toBe('obrigatório');
    expect(localProblem(plainMessage('Invalid email address'), pt)).toBe(
      'deve ser um endereço de e-mail, por exemplo nome@example.com',
    );
    expect(localProblem(plainMessage('Too small: expected string to have >=1 characters'), pt)).toBe(
      'deve ter pelo menos 1 carácter',
    );
    expect(localProblem(plainMessage('Too big: expected number to be <=1440'), fr)).toBe('doit valoir au plus 1440');
    expect(localProblem('must be a whole number, such as 15', fr)).toBe('doit être un nombre entier, par exemple 15');
  });

  it('keeps a use case’s own message it has no words for, and English as it was', () => {
    expect(localProblem('no resource with key "attic"', pt)).toBe('no resource with key "attic"');
    // A message that happens to name an object's inherited member is still just a message.
    expect(localProblem('constructor', pt)).toBe('constructor');
    expect(localProblem('toString', pt)).toBe('toString');
    expect(localProblem('must be at least 2 characters', dashboardMessagesFor('en'))).toBe(
      'must be at least 2 characters',
    );
  });

  it('the error summary reads the layout’s catalogue: title and problems in its language', () => {
    const summary = jsx(ErrorSummary, { errors: { name: 'required' }, labels: { name: 'Nome' } });
    const html = String(jsx(DashboardWords.Provider, { value: pt }, summary));
    expect(html).toContain('<h2>Verifique o formulário</h2>');
    expect(html).toContain('Nome: obrigatório');
    expect(String(jsx(ErrorSummary, { errors: { name: 'required' } }))).toContain('Please check the form');
  });
});
