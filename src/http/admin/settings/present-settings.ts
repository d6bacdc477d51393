/** The business settings as the dashboard's JSON shows them: never the payment secret, only whether one is set. */
import type { BusinessSettings } from '../../../app/dashboard/settings/settings-store.ts';

export function presentSettings(s: BusinessSettings) {
  const { paymentSecret, ...rest } = s;
  return { ...rest, paymentSecretSet: paymentSecret !== null };
}
