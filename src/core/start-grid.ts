/**
 * "Any staff" counts a start several members offer once (decision 036): a bitset on the minute
 * grid of the viewer's month instead of a Set<number>.
 */
const MINUTE = 60_000;

/**
 * A set of starts on a minute grid from `base` (a bit per minute: a month is 1.4k words), for
 * "any": every zone's offset and every step are whole minutes, so starts several members offer
 * meet on it. A start off the grid (a zone with seconds in its offset) goes to a Set.
 */
export class StartGrid {
  private words: Uint32Array = new Uint32Array(0);
  private base = 0;
  private off: Set<number> | null = null;

  reset(base: number, to: number): this {
    const words = Math.ceil((to - base) / MINUTE / 32) + 1;
    if (this.words.length < words) this.words = new Uint32Array(words);
    else this.words.fill(0, 0, words);
    this.base = base;
    this.off = null;
    return this;
  }

  /** Adds a start (at or after base, before the `to` of reset); false when it was there. */
  add(start: number): boolean {
    const minute = (start - this.base) / MINUTE;
    if (minute !== Math.floor(minute) || minute < 0 || minute >= this.words.length * 32) {
      this.off ??= new Set();
      if (this.off.has(start)) return false;
      this.off.add(start);
      return true;
    }
    const word = minute >>> 5;
    const bit = 1 << (minute & 31);
    const had = (this.words[word] as number) & bit;
    this.words[word] = (this.words[word] as number) | bit;
    return had === 0;
  }
}

const grid = new StartGrid();

/** The grid, emptied for the instants [base, to): one instance, reused (the core is synchronous). */
export function startGrid(base: number, to: number): StartGrid {
  return grid.reset(base, to);
}
