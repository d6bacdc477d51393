/**
 * An admin changes business settings: only the fields given. Payment needs both a URL and a
 * secret; that is judged on the settings as written (under the row's lock, in one transaction),
 * so a URL may be set alone when a secret is stored, and no two edits can leave a URL without one.
 * Services that follow the business currency keep their amounts when it changes ("120.00" EUR
 * becomes "120.00" USD, not ¥12,000: amounts are stored in minor units); an amount the new
 * currency cannot express (12.50 in JPY) refuses the change.
 */
import {
  businessText,
  currencyExponent,
  type LocalizedText,
  toDecimal,
  toMinor,
  wordingsOf,
} from '../../../core/index.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Store } from '../../ports.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { type Actor, adminOnly } from '../actor.ts';
import type { BusinessSettings } from './settings-store.ts';

/** The settings to change; the staff label a text or wordings by language (SPEC §12). */
export type SettingsInput = Omit<Partial<BusinessSettings>, 'staffLabel' | 'staffLabelWordings'> & {
  readonly staffLabel?: LocalizedText;
};

export async function updateSettings(
  deps: { store: Pick<Store, 'getSettings' | 'listServices' | 'transaction' | 'updateService' | 'updateSettings'> },
  actor: Actor,
  input: SettingsInput,
): Promise<Result<BusinessSettings>> {
  const denied = adminOnly(actor, 'change the business settings');
  if (denied) return denied;
  return inTransaction(deps.store, async (tx) => {
    const before = await tx.getSettings();
    const settings = await tx.updateSettings(withWordings(input, input.locale ?? before.locale));
    if (settings.paymentUrl !== null && settings.paymentSecret === null) {
      return invalid('A payment URL needs the payment secret the gateway signs with.', {
        paymentSecret: 'required when paymentUrl is set',
      });
    }
    if (settings.currency !== before.currency) {
      const moved = await keepServiceAmounts(tx, before.currency, settings.currency);
      if (!moved.ok) return moved;
    }
    return ok(settings);
  });
}

/** The staff label as its two stored fields: the business language's text and all the wordings (decision 033). */
function withWordings(input: SettingsInput, locale: string): Partial<BusinessSettings> {
  const { staffLabel, ...rest } = input;
  if (staffLabel === undefined) return rest;
  return { ...rest, staffLabel: businessText(staffLabel, locale), staffLabelWordings: wordingsOf(staffLabel) };
}

async function keepServiceAmounts(
  tx: Pick<Store, 'listServices' | 'updateService'>,
  from: string,
  to: string,
): Promise<Result<null>> {
  if (currencyExponent(from) === currencyExponent(to)) return ok(null);
  for (const s of await tx.listServices()) {
    if (s.currency !== null) continue;
    const price = toMinor(plain(s.price, from), to);
    const deposit = toMinor(plain(s.deposit, from), to);
    if (price === null || deposit === null) {
      return invalid(`"${s.name}" costs ${toDecimal(s.price, from)} ${from}, which ${to} cannot express.`, {
        currency: `change the amounts of "${s.name}" first, or give it its own currency`,
      });
    }
    const written = await tx.updateService(s.id, { price, deposit }, undefined);
    if (!written?.ok) throw new Error(`could not keep the amounts of service ${s.id}`);
  }
  return ok(null);
}

/** 12000 EUR → "120", 1250 EUR → "12.5", 500 JPY → "500": the amount without trailing zero decimals. */
function plain(minor: number, currency: string): string {
  const text = toDecimal(minor, currency);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
