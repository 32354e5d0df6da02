/** Id bytes go to pages of this size that never move; an id is at most 0xffff bytes, so it fits one. */
const PAGE_BITS = 20;
const PAGE_BYTES = 1 << PAGE_BITS;
/** A location (page and offset in one unsigned 32-bit number) reaches 4 GiB of ids per label. */
const MAX_PAGES = 2 ** (32 - PAGE_BITS);
/** The per-id numbers are kept in blocks of this many ids, added as needed and never copied. */
const BLOCK_BITS = 14;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;

/**
 * Strings kept exactly and compactly, each with a byte of flags, a small number and a node id: the
 * ids of one label a bulk load has written (with the first source that described each, and its node
 * id in the new database), and the row keys an import has seen. Every string is kept as UTF-8 bytes,
 * found through an open-addressing table. A few million take about 50 bytes each (their bytes, 15
 * bytes of numbers, 8 to 16 bytes of table), where a `Set<string>` or `Map<string, …>` of them takes
 * well over a hundred (string and entry headers per string).
 *
 * A string's handle is its entry: the order in which it was added. The bytes and the numbers grow by
 * pages and blocks, so growing copies nothing but the table (4 bytes a slot, at most half full).
 */
export class IdSet {
  private readonly pages: Buffer[] = [];
  private pageUsed = PAGE_BYTES;
  /** Per slot: entry + 1 (0 = empty slot). */
  private slots = new Int32Array(1 << 10);
  private readonly locations: Uint32Array[] = [];
  private readonly hashes: Int32Array[] = [];
  private readonly flagBytes: Uint8Array[] = [];
  private readonly sources: Uint16Array[] = [];
  private readonly nodeIds: Uint32Array[] = [];
  private count = 0;
  private scratch = Buffer.allocUnsafe(1024);

  get size(): number {
    return this.count;
  }

  /** The entry of an id, or -1. */
  find(id: string): number {
    const hash = hashOf(id);
    const length = this.encode(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry >>> BLOCK_BITS]![entry & BLOCK_MASK] === hash && this.equals(entry, length)) return entry;
    }
  }

  /** Adds an id that `find` did not find, with the node id it gets; returns its entry. */
  add(id: string, flags: number, source: number, nodeId: number): number {
    const length = this.encode(id);
    if (length > 0xffff) throw new RangeError(`an id of ${length} bytes is longer than a bulk load takes`);
    if (this.pageUsed + length + 2 > PAGE_BYTES) {
      if (this.pages.length === MAX_PAGES) throw new RangeError(`more than ${MAX_PAGES * PAGE_BYTES} bytes of ids of one label are more than a bulk load takes`);
      this.pages.push(Buffer.allocUnsafe(PAGE_BYTES));
      this.pageUsed = 0;
    }
    const page = this.pages[this.pages.length - 1]!;
    page.writeUInt16LE(length, this.pageUsed);
    this.scratch.copy(page, this.pageUsed + 2, 0, length);
    const location = (this.pages.length - 1) * PAGE_BYTES + this.pageUsed;
    this.pageUsed += length + 2;

    const entry = this.count;
    const block = entry >>> BLOCK_BITS;
    if (block === this.locations.length) {
      this.locations.push(new Uint32Array(BLOCK_SIZE));
      this.hashes.push(new Int32Array(BLOCK_SIZE));
      this.flagBytes.push(new Uint8Array(BLOCK_SIZE));
      this.sources.push(new Uint16Array(BLOCK_SIZE));
      this.nodeIds.push(new Uint32Array(BLOCK_SIZE));
    }
    const at = entry & BLOCK_MASK;
    const hash = hashOf(id);
    this.locations[block]![at] = location;
    this.hashes[block]![at] = hash;
    this.flagBytes[block]![at] = flags;
    this.sources[block]![at] = source;
    this.nodeIds[block]![at] = nodeId;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.grow();
    else this.place(this.slots, entry, hash);
    return entry;
  }

  flags(entry: number): number {
    return this.flagBytes[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
  }

  setFlags(entry: number, flags: number): void {
    this.flagBytes[entry >>> BLOCK_BITS]![entry & BLOCK_MASK] = flags;
  }

  source(entry: number): number {
    return this.sources[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
  }

  setSource(entry: number, source: number): void {
    this.sources[entry >>> BLOCK_BITS]![entry & BLOCK_MASK] = source;
  }

  nodeId(entry: number): number {
    return this.nodeIds[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
  }

  /** The id's bytes in `scratch`; returns their length. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(id.length * 3);
    return this.scratch.write(id, 0, "utf8");
  }

  private equals(entry: number, length: number): boolean {
    const location = this.locations[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!;
    const page = this.pages[Math.floor(location / PAGE_BYTES)]!;
    const offset = location % PAGE_BYTES;
    if (page.readUInt16LE(offset) !== length) return false;
    return page.compare(this.scratch, 0, length, offset + 2, offset + 2 + length) === 0;
  }

  private place(slots: Int32Array, entry: number, hash: number): void {
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  /** A table twice the size, every entry placed again by its hash. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.count; entry += 1) this.place(slots, entry, this.hashes[entry >>> BLOCK_BITS]![entry & BLOCK_MASK]!);
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units, mixed at the end so that the low bits spread (exported for its test). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash & 0x7fffffff;
}
