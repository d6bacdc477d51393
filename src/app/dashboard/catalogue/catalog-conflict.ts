/** The answer to a catalogue write the database turned down on a unique or check constraint. */
import { invalid, type Refusal } from '../../result.ts';

/** The refusal for a write the database turned down on a unique or check constraint. */
export function conflictRefusal(conflict: 'slug' | 'key' | 'deposit', value: string | null | undefined): Refusal {
  switch (conflict) {
    case 'slug':
      return invalid('Another service already uses this slug.', {
        slug: `"${value}" is already used by another service`,
      });
    case 'key':
      return invalid('Another staff member already uses this key.', {
        key: `"${value}" is already used by another staff member`,
      });
    case 'deposit':
      return invalid('The deposit must not exceed the price.', { deposit: 'must not exceed the price' });
    default: {
      const never: never = conflict;
      throw new Error(`unknown conflict ${String(never)}`);
    }
  }
}
