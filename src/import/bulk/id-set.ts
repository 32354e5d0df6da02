/**
 * The ids of one label a bulk load has written, each with a byte of flags, a small number (the
 * first source that described it) and its node id in the new database, exactly: every id is kept as UTF-8 bytes in one growing buffer,
 * found through an open-addressing table of offsets. A few million ids take tens of megabytes,
 * where a `Map<string, …>` of them takes several hundred (string and entry headers per id).
 */
export class IdSet {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Per slot: offset of the id's bytes + 1 (0 = empty slot). */
  private offsets = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private flagBytes = new Uint8Array(1 << 10);
  private sources = new Uint16Array(1 << 10);
  private nodeIds = new Uint32Array(1 << 10);
  private count = 0;
  private scratch = Buffer.allocUnsafe(1024);

  get size(): number {
    return this.count;
  }

  /** The slot of an id, or -1. */
  find(id: string): number {
    const hash = hashOf(id);
    const length = this.encode(id);
    const mask = this.offsets.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const offset = this.offsets[slot]! - 1;
      if (offset < 0) return -1;
      if (this.hashes[slot] === hash && this.equals(offset, length)) return slot;
    }
  }

  /** Adds an id that `find` did not find, with the node id it gets; returns its slot. */
  add(id: string, flags: number, source: number, nodeId: number): number {
    if ((this.count + 1) * 2 > this.offsets.length) this.grow();
    const hash = hashOf(id);
    const length = this.encode(id);
    if (length > 0xffff) throw new RangeError(`an id of ${length} bytes is longer than a bulk load takes`);
    while (this.used + length + 2 > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    const offset = this.used;
    this.bytes.writeUInt16LE(length, offset);
    this.scratch.copy(this.bytes, offset + 2, 0, length);
    this.used += length + 2;
    const mask = this.offsets.length - 1;
    let slot = hash & mask;
    while (this.offsets[slot] !== 0) slot = (slot + 1) & mask;
    this.offsets[slot] = offset + 1;
    this.hashes[slot] = hash;
    this.flagBytes[slot] = flags;
    this.sources[slot] = source;
    this.nodeIds[slot] = nodeId;
    this.count += 1;
    return slot;
  }

  flags(slot: number): number {
    return this.flagBytes[slot]!;
  }

  setFlags(slot: number, flags: number): void {
    this.flagBytes[slot] = flags;
  }

  source(slot: number): number {
    return this.sources[slot]!;
  }

  setSource(slot: number, source: number): void {
    this.sources[slot] = source;
  }

  nodeId(slot: number): number {
    return this.nodeIds[slot]!;
  }

  /** The id's bytes in `scratch`; returns their length. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(id.length * 3);
    return this.scratch.write(id, 0, "utf8");
  }

  private equals(offset: number, length: number): boolean {
    if (this.bytes.readUInt16LE(offset) !== length) return false;
    return this.bytes.compare(this.scratch, 0, length, offset + 2, offset + 2 + length) === 0;
  }

  private grow(): void {
    const { offsets, hashes, flagBytes, sources, nodeIds } = this;
    const size = offsets.length * 2;
    this.offsets = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.flagBytes = new Uint8Array(size);
    this.sources = new Uint16Array(size);
    this.nodeIds = new Uint32Array(size);
    const mask = size - 1;
    for (let old = 0; old < offsets.length; old += 1) {
      if (offsets[old] === 0) continue;
      let slot = hashes[old]! & mask;
      while (this.offsets[slot] !== 0) slot = (slot + 1) & mask;
      this.offsets[slot] = offsets[old]!;
      this.hashes[slot] = hashes[old]!;
      this.flagBytes[slot] = flagBytes[old]!;
      this.sources[slot] = sources[old]!;
      this.nodeIds[slot] = nodeIds[old]!;
    }
  }
}

/** FNV-1a over UTF-16 code units, mixed at the end so that the low bits spread. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash & 0x7fffffff;
}
