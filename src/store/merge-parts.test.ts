import { describe, expect, it } from 'vitest';
import { createStore } from './create-store.ts';
import { mergeParts } from './merge-parts.ts';
import type { Sql } from './sql.ts';

describe('mergeParts (the store composed without a literal of spreads, decision 046)', () => {
  it('keeps every part as own properties, a later part winning, as spreads did', () => {
    const first = () => 'first';
    const later = () => 'later';
    const merged = mergeParts({ a: first, b: first }, { b: later, c: later });
    expect(Object.keys(merged).sort()).toEqual(['a', 'b', 'c']);
    expect(merged.b).toBe(later);
    // A caller (tests' spies do) may still copy the store with a spread.
    expect({ ...merged }.a).toBe(first);
  });

  it("gives a transaction's store every method of the root store, each on the transaction's connection", async () => {
    const seen: string[] = [];
    const sql = (name: string): Sql => ({
      exec: async () => {},
      query: async () => {
        seen.push(name);
        return [];
      },
      transaction: async (fn) => fn(sql('tx')),
    });
    const root = createStore(sql('root'));
    let inner: string[] = [];
    await root.transaction(async (tx) => {
      inner = Object.keys(tx).sort();
      await tx.findClientId('a@example.test'); // own part
      await tx.listWebhooks(); // a merged part
    });
    expect(inner).toEqual(Object.keys(root).sort());
    expect(inner.length).toBeGreaterThan(100);
    expect(seen).toEqual(['tx', 'tx']);
  });
});
