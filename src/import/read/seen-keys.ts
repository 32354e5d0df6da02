import { IdSet } from "../id-set.js";

/**
 * The keys an import has seen, to reject a key met twice. A file of millions of rows keyed by row
 * number (the generator's relationship files) would hold millions of strings in a Set, hundreds of
 * megabytes; keys written as whole numbers are kept as bits instead (one bit per number up to the
 * largest seen), any other key as bytes in an IdSet (a million shipment ids: about 50 MB, where a
 * Set of them held over 100 MB of the heap until the file's end).
 */
export class SeenKeys {
  private bits = new Uint8Array(1024);
  private readonly others = new IdSet();

  /** Adds the key; false when it was seen before. */
  add(key: string): boolean {
    const number = CANONICAL_WHOLE_NUMBER.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(number) || number > MAX_BIT) {
      if (this.others.find(key) >= 0) return false;
      this.others.add(key, 0, 0, 0);
      return true;
    }
    const byte = number >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (number & 7);
    if (this.bits[byte]! & mask) return false;
    this.bits[byte]! |= mask;
    return true;
  }
}

/** "0", "17", not "017" or "+17": those are other keys than 17 and go to the Set. */
const CANONICAL_WHOLE_NUMBER = /^(0|[1-9][0-9]{0,9})$/;
/** Up to 2^31 bits (256 MiB at most, and only for a key that large; row numbers stay far below). */
const MAX_BIT = 2 ** 31 - 1;
