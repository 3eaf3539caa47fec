/** Items named in an error before `and N more`. */
const SHOWN = 3;

/**
 * The first few items of a list and how many there were, kept while streaming (an item is made only while it
 * is shown: `add` takes a function).
 *
 * @example
 * const f = new FirstFew(); for (const x of ['a', 'b', 'c', 'd', 'e']) f.add(() => x);
 * String(f); // 'a, b, c and 2 more'
 */
export class FirstFew {
  /** The items shown (the first three). */
  readonly items: string[] = [];
  /** How many were added. */
  count = 0;
  /** Count one more item, making it only when shown. */
  add(item: () => string): void {
    if (this.count++ < SHOWN) this.items.push(item());
  }
  /** "a, b, c and 3 more". */
  toString(): string {
    const head = this.items.join(', ');
    return this.count > SHOWN ? `${head} and ${this.count - SHOWN} more` : head;
  }
}
