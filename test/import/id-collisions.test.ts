import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../src/import/import-files.js";
import { formatReport, type ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, deleteWorld, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * Two rows with different names that `slug` makes one id (written with and without Vietnamese
 * letters, with a hyphen and a space, with and without Polish letters): one node, and the import
 * report lists the merge with its rows. The terminal lines say how many and where, never the names.
 */
const prefix = uniquePrefix("id-collisions");
const sourceId = `${prefix}test-id-collisions`;

const MAPPING = `
version: 1
source: { id: test-id-collisions, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: persons.csv
  key: ref
  columns: [ref, name]
nodes:
  person:
    label: Person
    id: { column: name, normalise: slug, required: true }
    properties:
      name: { column: name, required: true }
`;

// Rows 1, 2: Vietnamese with and without its letters; 3, 4: a hyphen and a space; 5: row 1's name
// again (the same text: no second source key); 6, 7: Polish with and without its letters; 8: alone.
const ROWS = [
  ["p1", "Vu Duc Thanh"],
  ["p2", "Vũ Đức Thành"],
  ["p3", "Tran Thi-Mai"],
  ["p4", "Tran Thi Mai"],
  ["p5", "Vu Duc Thanh"],
  ["p6", "Łukasz Żółw"],
  ["p7", "Lukasz Zolw"],
  ["p8", "Nguyen Van Binh"],
];

let context: ImportTestContext;
let folder: string;
let mapping: string;
let input: string;
let report: ImportReport;
let dryRun: ImportReport;

beforeAll(async () => {
  context = await importTestContext();
  folder = await mkdtemp(path.join(tmpdir(), "import-id-collisions-"));
  mapping = path.join(folder, "persons.yaml");
  input = path.join(folder, "persons.csv");
  await writeFile(mapping, MAPPING);
  await writeFile(input, ["ref,name", ...ROWS.map((row) => row.join(","))].join("\n") + "\n");
  const options = { registry: context.registry, reportDir: folder, idPrefix: prefix };
  dryRun = await importFiles(context.executor, mapping, [input], { ...options, dryRun: true });
  report = await importFiles(context.executor, mapping, [input], options);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

const source = (row: number, text: string) => ({ row, text, column: "name", entry: "nodes.person.id" });
const EXPECTED = [
  { label: "Person", id: `${prefix}lukasz-zolw`, sources: [source(6, "Łukasz Żółw"), source(7, "Lukasz Zolw")] },
  { label: "Person", id: `${prefix}tran-thi-mai`, sources: [source(3, "Tran Thi-Mai"), source(4, "Tran Thi Mai")] },
  { label: "Person", id: `${prefix}vu-duc-thanh`, sources: [source(1, "Vu Duc Thanh"), source(2, "Vũ Đức Thành")] },
];

describe("two names that give one id", () => {
  it("load as one node each, every row loaded", async () => {
    expect(report.rowsLoaded).toBe(8);
    expect(report.rowsRejected).toBe(0);
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes).toEqual({ Person: 4 });
  });

  it("are listed in the import report with their label, id, texts and rows", () => {
    expect(report.idCollisions).toEqual(EXPECTED);
    expect(dryRun.idCollisions).toEqual(EXPECTED);
  });

  it("are written to <input>.collisions.csv, one line per text", async () => {
    expect(report.collisionsFile).toBe(path.join(folder, "persons.csv.collisions.csv"));
    const lines = parse(await readFile(report.collisionsFile!), { columns: true });
    expect(lines).toEqual(
      EXPECTED.flatMap(({ label, id, sources }) =>
        sources.map(({ row, text, column, entry }) => ({ label, id, row: String(row), column, value: text, entry })),
      ),
    );
  });

  it("are counted on the terminal by label and row, without names or ids", () => {
    const lines = formatReport(report);
    expect(lines).toContain(`ids made from different texts (each merged into one node): 3 (${report.collisionsFile})`);
    expect(lines).toContain("  Person: 3 (rows 6, 7; rows 3, 4; rows 1, 2)");
    const printed = lines.join("\n");
    for (const [, name] of ROWS) expect(printed).not.toContain(name);
    for (const { id } of EXPECTED) expect(printed).not.toContain(id.slice(prefix.length));
  });
});

describe("an import without such ids", () => {
  it("reports none and writes no collisions file", async () => {
    const alone = path.join(folder, "alone.csv");
    await writeFile(alone, "ref,name\np9,Nguyen Van Binh\np10,Tran Thi Mai\n");
    const quiet = await importFiles(context.executor, mapping, [alone], { registry: context.registry, reportDir: folder, idPrefix: prefix, dryRun: true });
    expect(quiet.idCollisions).toEqual([]);
    expect(quiet.collisionsFile).toBeNull();
    expect(formatReport(quiet).join("\n")).not.toContain("different texts");
  });
});
