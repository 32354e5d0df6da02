import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseMapping } from "../../src/import/mapping/load-mapping.js";
import { InputError } from "../../src/import/mapping/mapping-error.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";
import { openMainInput, readJoinTable } from "../../src/import/read/csv-input.js";

/**
 * Reading a hand-kept table as the NGO seizure file is kept: header names repeated (three "Notes",
 * two "Country"), no id column. Columns are read by header, by occurrence among repeated headers or
 * by position, under the names the mapping gives them; the row number is a column of its own. No
 * database: the file is only read.
 */
const context = { countries: await loadCountryIndex() };

const HEADER = "Date,Country,Notes,Country,Notes,Quantity,Notes";
const ROWS = [
  "2015-03-01,Nigeria,a,China,b,12,c",
  "2015-03-02,Cameroon,,Viet Nam,,Y,",
  "2015-03-02,Cameroon,,Viet Nam,,Y,",
  "",
  '2016-01-09,"Kinshasa (DRC),\nXiamen (China)",x,Hong Kong,,3,',
];

function mappingWith(columns: string, rest = ""): string {
  return `
version: 1
source: { id: sheet, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: sheet.csv
  key: row
  rowNumber: row
  columns: ${columns}
${rest}
nodes:
  shipment: { label: Shipment, id: "sheet-{row}", properties: { mode: { value: AIR } } }
`;
}

let folder: string;
let file: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "ngo-columns-"));
  file = path.join(folder, "sheet.csv");
  await writeFile(file, [HEADER, ...ROWS].join("\n") + "\n");
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function read(columns: string): Promise<Record<string, string>[]> {
  const mapping = parseMapping("sheet.yaml", mappingWith(columns), context);
  const input = await openMainInput(file, mapping.input.columns, ",", []);
  const rows: Record<string, string>[] = [];
  try {
    for await (const row of input.rows) {
      expect(row.problems).toEqual([]);
      expect(row.cells.row).toBe(String(row.row));
      rows.push({ ...row.cells });
    }
  } finally {
    input.close();
  }
  return rows;
}

async function failure(columns: string): Promise<string> {
  try {
    await read(columns);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("the file was read");
}

describe("columns of a file whose header repeats names", () => {
  it("reads the columns the mapping names, whatever the unused columns repeat", async () => {
    expect(await read("[Date, Quantity]")).toEqual([
      { Date: "2015-03-01", Quantity: "12", row: "1" },
      { Date: "2015-03-02", Quantity: "Y", row: "2" },
      { Date: "2015-03-02", Quantity: "Y", row: "3" },
      { Date: "2016-01-09", Quantity: "3", row: "4" },
    ]);
  });

  it("tells repeated headers apart by occurrence or position, under the mapping's names", async () => {
    const rows = await read(
      "[{ name: origin, header: Country, occurrence: 1 }, { name: destination, header: Country, occurrence: 2 }, { name: note, position: 3, header: Notes }, { name: when, header: Date }]",
    );
    expect(rows.map(({ origin, destination, note, when }) => [origin, destination, note, when])).toEqual([
      ["Nigeria", "China", "a", "2015-03-01"],
      ["Cameroon", "Viet Nam", "", "2015-03-02"],
      ["Cameroon", "Viet Nam", "", "2015-03-02"],
      ["Kinshasa (DRC),\nXiamen (China)", "Hong Kong", "x", "2016-01-09"],
    ]);
  });

  it("refuses to guess which of two columns of one name the mapping means", async () => {
    expect(await failure("[Date, Country]")).toBe(
      `${file}: the header names "Country" twice (columns 2, 4): name the one to read in input.columns, as { name: ..., header: "Country", occurrence: 1 } or { name: ..., position: 2 }`,
    );
  });

  it("says so when a position or an occurrence is not in the header", async () => {
    expect(await failure("[{ name: last, position: 8 }]")).toBe(`${file}: the header has 7 columns, none at position 8 (input.columns: last)`);
    expect(await failure("[{ name: third, header: Country, occurrence: 3 }]")).toBe(
      `${file}: the header names "Country" twice, not 3 (input.columns: third)`,
    );
    expect(await failure("[{ name: note, position: 2, header: Notes }]")).toBe(
      `${file}: column 2 is headed "Country", not "Notes" (input.columns: note)`,
    );
    expect(await failure("[Date, Weight]")).toContain(`${file}: the header lacks "Weight"`);
  });

  it("numbers data rows from 1 after the header, the same on every read: empty lines are no rows, a quoted line break is no new row", async () => {
    const first = await read("[Date]");
    const again = await read("[Date]");
    expect(first.map((row) => row.row)).toEqual(["1", "2", "3", "4"]);
    expect(again).toEqual(first);
  });

  it("reads a joined file whose unused header names repeat", async () => {
    const lookup = path.join(folder, "lookup.csv");
    await writeFile(lookup, "text,Notes,code,Notes\nChina,x,CN,y\n");
    const table = await readJoinTable(
      { name: "lookup", file: "lookup.csv", key: "text", on: { join: null, name: "destination", display: "destination" }, match: "exact", columns: ["text", "code"], required: false, flagUnmatched: true },
      lookup,
      ",",
    );
    expect(table.get("China")).toEqual({ cells: { text: "China", code: "CN" } });
  });
});
