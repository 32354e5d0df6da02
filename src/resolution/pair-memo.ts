/**
 * A two-level memo, bounded: cleared whole when full, which is rare and costs only recomputation.
 * Two levels of string keys, because a joined key would be a new string to build and hash on
 * every look-up.
 */
export class PairMemo<T> {
  private readonly entries = new Map<string, Map<string, T>>();
  private size = 0;

  constructor(private readonly limit: number) {}

  get(a: string, b: string, compute: () => T): T {
    let inner = this.entries.get(a);
    if (inner === undefined) {
      inner = new Map();
      this.entries.set(a, inner);
    }
    let value = inner.get(b);
    if (value === undefined) {
      value = compute();
      if (this.size >= this.limit) {
        this.entries.clear();
        this.size = 0;
        this.entries.set(a, inner);
        inner.clear();
      }
      inner.set(b, value);
      this.size += 1;
    }
    return value;
  }
}
