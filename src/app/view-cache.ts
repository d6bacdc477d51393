/**
 * Remembers computed availability views while they are provably current: each entry carries the
 * store's view token (changes with any relevant write) and an instant it is valid until (the next
 * whole minute or hold expiry). A stale view is never served; a miss just computes again.
 */

export class ViewCache<T> {
  private readonly entries = new Map<string, { token: string; validUntil: number; value: T }>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, token: string, now: number): T | undefined {
    const e = this.entries.get(key);
    return e && e.token === token && now < e.validUntil ? e.value : undefined;
  }

  set(key: string, token: string, validUntil: number, value: T): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { token, validUntil, value });
  }
}
