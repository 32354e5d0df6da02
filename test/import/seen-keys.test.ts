import { describe, expect, it } from "vitest";

import { SeenKeys } from "../../src/import/read/seen-keys.js";

/** The keys seen by an import: whole numbers as bits, others in a Set; a key twice is refused. */
describe("SeenKeys", () => {
  it("refuses a key the second time, whether a whole number or not", () => {
    const keys = new SeenKeys();
    const added = ["1", "2", "1", "KE-7", "KE-7", "0", "0", "100000", "100000", "a\u0000b", "a\u0000b"].map((key) => keys.add(key));
    expect(added).toEqual([true, true, false, true, false, true, false, true, false, true, false]);
  });

  it("keeps keys that only look like the same number apart", () => {
    const keys = new SeenKeys();
    expect(["17", "017", "+17", "17.0", " 17"].map((key) => keys.add(key))).toEqual([true, true, true, true, true]);
    expect(["17", "017"].map((key) => keys.add(key))).toEqual([false, false]);
  });

  it("holds millions of row numbers and numbers beyond its bits", () => {
    const keys = new SeenKeys();
    for (let row = 1; row <= 3_000_000; row += 1) keys.add(String(row));
    expect([keys.add("2999999"), keys.add("3000001"), keys.add("99999999999"), keys.add("99999999999")]).toEqual([false, true, true, false]);
  });
});
