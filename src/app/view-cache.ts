/**
 * Remembers computed availability views while they are provably current: each entry carries the
 * store's view token (changes with any relevant write) and an instant it is valid until (the next
 * whole minute or hold expiry). A stale view is never served; a miss just computes again.
 *
 * Keys come from requests (a month and a zone among hundreds), so the number of entries is
 * capped: past the cap the least recently used entry goes, and a stream of made-up keys evicts
 * only entries nobody asked for since.
 */

export class ViewCache<T> {
  /** In order of last use, oldest first (a Map keeps insertion order). */
  private readonly entries = new Map<string, { token: string; validUntil: number; value: T }>();

  constructor(private readonly maxEntries = 1000) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, token: string, now: number): T | undefined {
    const e = this.entries.get(key);
    if (!e || e.token !== token || now >= e.validUntil) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, token: string, validUntil: number, value: T): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { token, validUntil, value });
  }
}
