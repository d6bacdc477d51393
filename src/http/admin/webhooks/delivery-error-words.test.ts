import { describe, expect, it } from 'vitest';
import { dashboardMessagesFor } from '../../../i18n/dashboard/index.ts';
import { deliveryErrorWords } from './delivery-error-words.ts';

const fr = dashboardMessagesFor('fr');
const de = dashboardMessagesFor('de');

describe('a failed delivery’s cause in the page’s language', () => {
  it('says each cause the delivery job stores from its shape', () => {
    expect(deliveryErrorWords('HTTP 500', fr)).toBe('l’URL a répondu HTTP 500');
    expect(deliveryErrorWords('HTTP 302 (redirects are not followed)', de)).toBe(
      'die URL antwortete mit HTTP 302, einer Weiterleitung (Weiterleitungen werden nicht verfolgt)',
    );
    expect(deliveryErrorWords('no answer within 10 s', fr)).toBe('pas de réponse en 10 s');
    expect(deliveryErrorWords('fetch failed: connect ECONNREFUSED 127.0.0.1:9', fr)).toBe(
      'le serveur a refusé la connexion',
    );
    expect(deliveryErrorWords('fetch failed: getaddrinfo ENOTFOUND nowhere.invalid', de)).toBe(
      'der Hostname lässt sich nicht auflösen',
    );
    expect(
      deliveryErrorWords(
        'fetch failed: localhost resolves to 127.0.0.1, a loopback address: not a public internet address, nothing sent (ALLOW_PRIVATE_URLS=1 allows it)',
        fr,
      ),
    ).toBe('l’adresse n’est pas une adresse publique d’Internet : rien n’a été envoyé');
    expect(deliveryErrorWords('fetch failed: other side closed', fr)).toBe('la connexion a été coupée');
    expect(deliveryErrorWords('fetch failed: unable to verify the first certificate', fr)).toBe(
      'la connexion sécurisée (TLS) a échoué',
    );
  });

  it('puts a cause it does not know after translated words, as the job stored it', () => {
    expect(deliveryErrorWords('fetch failed: EHOSTUNREACH', fr)).toBe(
      'la requête a échoué (fetch failed: EHOSTUNREACH)',
    );
  });
});
