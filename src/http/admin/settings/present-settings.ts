/** The business settings as the dashboard's JSON shows them: never the payment secret, only whether one is set. */

import type { NoShowReach } from '../../../app/dashboard/settings/no-show-reach.ts';
import type { BusinessSettings } from '../../../app/dashboard/settings/settings-store.ts';
import { givenText } from '../../../core/index.ts';

export function presentSettings(s: BusinessSettings, noShowRule: NoShowReach) {
  const { paymentSecret, staffLabelWordings, ...rest } = s;
  return {
    ...rest,
    // As given (SPEC §12): the wordings by language when there are some, else the one text.
    staffLabel: givenText(s.staffLabel, staffLabelWordings),
    paymentSecretSet: paymentSecret !== null,
    noShowRule,
  };
}
