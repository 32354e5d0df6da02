import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { cellOf, CsvParts } from "../../src/import/bulk/csv-parts.js";

/**
 * The bulk load's part files: every row written comes back from the file as it was written, in
 * order, whether it fits the part's byte buffer many times over, crosses its end, or alone is
 * longer than the whole buffer; multi-byte characters intact.
 */
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "csv-parts-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cells = (name: string) => [["name", cellOf(name)!]] as const;

describe("CsvParts", () => {
  it("writes every row in order, across buffer ends and rows longer than the buffer, in UTF-8", async () => {
    const parts = new CsvParts(dir);
    const names: string[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      // Mostly short rows (several buffers' worth in all), some of them longer than a whole buffer.
      const name = index % 5_000 === 17 ? `long ${"ắ".repeat(120_000)}` : `Nguyễn Văn ${index} 🦏 "quoted"`;
      names.push(name);
      parts.node("Person", index, `person-${index}`, ["Person"], cells(name));
    }
    const [file, ...others] = parts.close();
    expect(others).toEqual([]);
    expect(file!.rows).toBe(names.length);
    const expected = names.map((name, index) => `${index},"person-${index}",Person,"${name.replaceAll('"', '""')}"\n`).join("");
    expect(await readFile(file!.data, "utf8")).toBe(expected);
    expect(await readFile(file!.header, "utf8")).toBe(":ID,id:string,:LABEL,name:string\n");
  });
});
