/**
 * At most `maxEntries` values, each until its own expiry time. Past the bound the oldest entry goes
 * first (a Map iterates in insertion order), so a flood of new keys pushes out old ones instead of
 * growing the map or emptying it all at once.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The value of `key` if it is still valid at `at` (ms). */
  get(key: string, at: number): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > at) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Forgets `key`'s value, so that the next `get` misses. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keeps `value` until `until` (ms, exclusive). */
  set(key: string, value: T, until: number): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, until });
  }
}
