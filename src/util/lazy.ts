/**
 * Define `name` on `o` as an enumerable, configurable accessor whose getter (and setter) are functions shared by
 * every object that has the field, finding their object's state through `this`. This is how a field made when
 * first read is defined, never as a getter closure per object: V8 gives each object with its own getter closures
 * a hidden class of its own, and the young-generation collector copies and promotes it (`watch` paused 5-9 ms
 * every few hundred rows when a series and its scores were made so).
 *
 * @throws never.
 * @example
 * const STATE = Symbol('state');
 * function twice(this: { [STATE]: number }) { return 2 * this[STATE]; }
 * const o = { [STATE]: 21 };
 * sharedAccessor(o, 'answer', twice); // o.answer === 42
 */
export function sharedAccessor<T extends object>(
  o: T,
  name: string,
  get: () => unknown,
  set?: (v: never) => void,
): void {
  Object.defineProperty(o, name, { enumerable: true, configurable: true, get, set });
}
