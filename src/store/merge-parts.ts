/**
 * The store is composed of a dozen sub-stores, and every transaction composes its own (their
 * methods close over the transaction's connection). `Object.assign` copies them some 50× faster
 * than an object literal of spreads (`{ ...a, ...b, … }`), which V8 builds through its slow path
 * at every call: ~0.6 ms for the store's ~150 methods on a loaded machine, most of a booking
 * transaction's JavaScript (decision 046). As with spreads, a later part's method wins.
 */
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export function mergeParts<T extends object[]>(...parts: T): Intersect<T[number]> {
  return Object.assign({}, ...parts);
}
