/** The business settings as the dashboard's JSON shows them: never the payment secret, only whether one is set. */
import type { NoShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import type { BusinessSettings } from '../../../app/dashboard/settings/settings-store.ts';

export function presentSettings(s: BusinessSettings, noShowRule: NoShowReach) {
  const { paymentSecret, ...rest } = s;
  return { ...rest, paymentSecretSet: paymentSecret !== null, noShowRule };
}
