/** What createApp needs; main.ts builds it, tests build their own. */
import type { Clock, Store } from '../app/ports.ts';

export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** SLOTWISE_SECRET. */
  readonly secret: string;
  /** Base URL for links (payment return, emails), without a trailing slash. */
  readonly publicUrl: string;
  /** Where unexpected errors are reported (never to the client). */
  readonly logError: (error: unknown, context: { method: string; path: string }) => void;
}
