import { describe, expect, it } from "vitest";

import { hashOf, IdSet } from "../../src/import/id-set.js";

/**
 * The bulk load's exact id sets: every id added is found again with its own numbers, ids that were
 * not added are not found, however many ids (the table grows, the bytes fill several pages) and
 * whatever their characters.
 */
describe("IdSet", () => {
  it("finds every id added, with its flags, source and node id, across table growth and byte pages", () => {
    const set = new IdSet();
    // 100,000 ids of 20–30 bytes: about 2.5 MB, so three pages of 1 MiB, and the table grows 8 times.
    const ids = Array.from({ length: 100_000 }, (_, index) => `shipment-${index.toString(36).padStart(8, "0")}-${"x".repeat(index % 11)}`);
    ids.forEach((id, index) => {
      expect(set.find(id)).toBe(-1);
      expect(set.add(id, index % 256, index % 65_536, 3 * index)).toBe(index);
    });
    expect(set.size).toBe(ids.length);
    ids.forEach((id, index) => {
      const entry = set.find(id);
      expect(entry).toBe(index);
      expect([set.flags(entry), set.source(entry), set.nodeId(entry)]).toEqual([index % 256, index % 65_536, 3 * index]);
    });
    for (const absent of ["shipment-", "shipment-00000000", `${ids[5]}x`, ids[7]!.slice(0, -1), ""]) expect(set.find(absent)).toBe(-1);
  });

  it("keeps changes to flags and sources, entry by entry", () => {
    const set = new IdSet();
    const a = set.add("a", 1, 2, 3);
    const b = set.add("b", 4, 5, 6);
    set.setFlags(a, 7);
    set.setSource(b, 65_535);
    expect([set.flags(a), set.source(a), set.flags(b), set.source(b), set.nodeId(b)]).toEqual([7, 2, 4, 65_535, 6]);
  });

  it("tells ids apart by their exact characters: case, accents, characters outside the BMP, and length", () => {
    const set = new IdSet();
    const ids = ["ID-1", "id-1", "Hà Nội", "Ha Noi", "漢字-1", "🦏-horn", "🦏-horn ", "x".repeat(60_000), "x".repeat(59_999)];
    ids.forEach((id, index) => set.add(id, 0, 0, index));
    ids.forEach((id, index) => expect(set.nodeId(set.find(id))).toBe(index));
    expect(set.find("🦏")).toBe(-1);
  });

  it("tells apart two ids whose hashes are equal, by their bytes", () => {
    // Found by searching SHP-0, SHP-1, …: the first pair with one hash.
    const [first, second] = ["SHP-66225", "SHP-90271"];
    expect(hashOf(first)).toBe(hashOf(second));
    const set = new IdSet();
    set.add(first, 0, 0, 1);
    expect(set.find(second)).toBe(-1);
    set.add(second, 0, 0, 2);
    expect([set.nodeId(set.find(first)), set.nodeId(set.find(second))]).toEqual([1, 2]);
  });

  it("refuses an id longer than 65,535 bytes of UTF-8", () => {
    expect(() => new IdSet().add("é".repeat(40_000), 0, 0, 0)).toThrow(RangeError);
  });
});
