import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, deleteWorld, importTestContext, readCsv, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * An analyst's case file (invented): rows sharing a Case are one record; a director's row names the
 * person who directs the company that the consignee row of the same case names. The import links the
 * two whatever the rows' order and batches: here in batches of 2 rows (the second case's director
 * and consignee fall three batches apart), and again with the rows reversed, one row a batch.
 * Expected figures come from the CSV, read with csv-parse, and the hand-written role table below.
 */
const FIXTURES = path.join(projectRoot, "test", "import", "fixtures");
const MAPPING = path.join(FIXTURES, "case-file-parties.yaml");
const INPUT = path.join(FIXTURES, "case-file-parties.csv");
const rows = readCsv(INPUT);

/** The model's role for each word of the file, written by hand (the mapping's table and `otherwise: OTHER`). */
const ROLE_OF: Readonly<Record<string, string>> = {
  Consignee: "CONSIGNEE",
  Director: "OTHER",
  Driver: "COURIER",
  Buyer: "BUYER",
  Contact: "OTHER",
  Supplier: "SUPPLIER",
  Shipper: "SHIPPER",
  Partner: "OTHER",
};

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("record");
const reversedPrefix = uniquePrefix("record-reversed");
const sourceId = `${prefix}test-case-file`;
let report: ImportReport;
let dryRun: ImportReport;
let reversed: ImportReport;

/**
 * The way without records: the company's id made from the case alone, and a `node` reference to it
 * from the director's row. A reference is confirmed before its batch is written, so it finds the
 * company only when a row of an earlier batch, or of its own batch, made it.
 */
const TEMPLATE_MAPPING = `
version: 1
source: { id: test-case-file, title: Template ids, publisher: tests, licence: MIT, retrievedOn: 2026-12-06, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: case-file-parties.csv
  key: [Case, Party]
  columns: [Case, Party, Role, Type, Name]
nodes:
  company:
    label: Company
    id: { template: "test-case-file-{Case}-consignee", when: { Role: [Consignee] } }
    properties:
      name: { column: Name }
      kind: { value: OTHER }
  person:
    label: Person
    id: { template: "test-case-file-{Case}-{Party}", when: { Type: [person] } }
    properties:
      name: { column: Name }
references:
  consignee:
    node: { label: Company, id: { template: "test-case-file-{Case}-consignee", when: { Role: [Director] } } }
relationships:
  directs: { type: OFFICER_OF, from: person, to: consignee, properties: { role: { value: director }, roleText: { column: Role } } }
`;
const templateWorlds = [uniquePrefix("record-template-one-batch"), uniquePrefix("record-template-row-batches")];
const templateReports: ImportReport[] = [];

const id = (row: Record<string, string>) => `test-case-file-${row.Case}-${row.Party}`;

/** Director rows, each with the consignee rows of its case. */
const directors = rows
  .map((row, index) => ({ row, number: index + 1 }))
  .filter(({ row }) => row.Role === "Director")
  .map(({ row, number }) => ({ row, number, consignees: rows.filter((other) => other.Case === row.Case && other.Role === "Consignee") }));

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-record-"));
  dryRun = await importFiles(context.executor, MAPPING, [INPUT], { registry: context.registry, reportDir, idPrefix: prefix, batchSize: 2, dryRun: true });
  report = await importFiles(context.executor, MAPPING, [INPUT], { registry: context.registry, reportDir, idPrefix: prefix, batchSize: 2 });
  // The same rows, last first, one row a batch: every director row is written before its consignee's.
  const reversedDir = await mkdtemp(path.join(tmpdir(), "import-record-reversed-"));
  const reversedFile = path.join(reversedDir, "case-file-parties.csv");
  await writeFile(reversedFile, stringify([...rows].reverse(), { header: true, columns: Object.keys(rows[0]) }));
  reversed = await importFiles(context.executor, MAPPING, [reversedFile], { registry: context.registry, reportDir: reversedDir, idPrefix: reversedPrefix, batchSize: 1 });
  const templateMapping = path.join(reversedDir, "template-ids.yaml");
  await writeFile(templateMapping, TEMPLATE_MAPPING);
  for (const [index, batchSize] of [rows.length, 1].entries()) {
    templateReports.push(
      await importFiles(context.executor, templateMapping, [INPUT], { registry: context.registry, reportDir: reversedDir, idPrefix: templateWorlds[index], batchSize }),
    );
  }
});

afterAll(async () => {
  if (context) {
    for (const world of [prefix, reversedPrefix, ...templateWorlds]) await deleteWorld(context.executor, world);
    await context.driver.close();
  }
});

async function offices(world: string): Promise<string[]> {
  const found = (await context.executor.read(
    `MATCH (person:Person)-[office:OFFICER_OF]->(company:Company)
     WHERE office.sourceId = $sourceId
     RETURN person.id AS person, company.id AS company, office.role AS role, office.roleText AS roleText`,
    { sourceId: `${world}test-case-file` },
  )) as { person: string; company: string; role: string; roleText: string }[];
  return found.map((office) => `${office.person.slice(world.length)} ${office.role} (${office.roleText}) of ${office.company.slice(world.length)}`).sort();
}

describe("relationships between rows of one record", () => {
  const linked = directors.filter(({ consignees }) => consignees.length === 1);
  const unlinked = directors.filter(({ consignees }) => consignees.length !== 1);
  const expectedOffices = linked.map(({ row, consignees }) => `${id(row)} director (Director) of ${id(consignees[0])}`).sort();

  it("the fixture holds what the test is about", () => {
    // Linked directors before and after their consignee, a director without one, one with two.
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(linked.some(({ number, consignees }) => rows.indexOf(consignees[0]) + 1 > number)).toBe(true);
    expect(unlinked.map(({ consignees }) => consignees.length).sort()).toEqual([0, 2]);
  });

  it("loads every row, flagging the directors whose case names no consignee or two", async () => {
    expect(report.rowsRead).toBe(rows.length);
    expect(report.rowsLoaded).toBe(rows.length);
    expect(report.rowsRejected).toBe(0);
    expect(report.flags.byKind).toEqual({ record: unlinked.length });
    const flags = parse(await readFile(path.join(reportDir, "case-file-parties.csv.flags.csv")), { columns: true }) as Record<string, string>[];
    expect(flags.map((flag) => [flag.row, flag.column, flag.value, flag.kind, flag.entry])).toEqual(
      unlinked.map(({ row, number }) => [String(number), "Case", row.Case, "record", "references.consignee.record"]),
    );
    expect(flags.find((flag) => flag.value === unlinked.find(({ consignees }) => consignees.length === 2)!.row.Case)!.reason).toContain(
      "2 different nodes",
    );
  });

  it("makes each director an officer of the consignee company of the same case, across batches", async () => {
    expect(await offices(prefix)).toEqual(expectedOffices);
  });

  it("makes the same links with the rows reversed, one row a batch", async () => {
    expect(reversed.rowsLoaded).toBe(rows.length);
    expect(reversed.flags.byKind).toEqual({ record: unlinked.length });
    expect(await offices(reversedPrefix)).toEqual(expectedOffices);
  });

  it("reports in a dry run what the import then did", () => {
    expect([dryRun.rowsLoaded, dryRun.rowsRejected, dryRun.flags.byKind]).toEqual([report.rowsLoaded, report.rowsRejected, report.flags.byKind]);
  });

  it("keeps the file's role word beside the model's role on every party", async () => {
    const parties = (await context.executor.read(
      `MATCH (party)-[link:PARTY_TO]->(shipment:Shipment) WHERE link.sourceId = $sourceId
       RETURN party.id AS party, shipment.id AS shipment, link.role AS role, link.roleText AS roleText`,
      { sourceId },
    )) as { party: string; shipment: string; role: string; roleText: string }[];
    expect(parties.map((party) => `${party.party.slice(prefix.length)} ${party.role} (${party.roleText}) of ${party.shipment.slice(prefix.length)}`).sort()).toEqual(
      rows.map((row) => `${id(row)} ${ROLE_OF[row.Role]} (${row.Role}) of test-case-file-${row.Case}-shipment`).sort(),
    );
  });

  it("counts each company once, described by its own row", async () => {
    const counts = await countsOf(context, sourceId);
    const cases = new Set(rows.map((row) => row.Case));
    expect(counts.nodes).toEqual({
      Company: rows.filter((row) => row.Type === "company").length,
      Person: rows.filter((row) => row.Type === "person").length,
      Shipment: cases.size,
    });
    expect(counts.relationships.OFFICER_OF).toBe(linked.length);
    expect(counts.relationships.PARTY_TO).toBe(rows.length);
    const bare = await context.executor.read(`MATCH (company:Company) WHERE company.id STARTS WITH $prefix AND company.name IS NULL RETURN count(*) AS n`, { prefix });
    expect(bare).toEqual([{ n: 0 }]);
  });
});

describe("without records: a node reference to an id made from the case alone", () => {
  const hasConsignee = (director: (typeof directors)[number], before: boolean) =>
    director.consignees.some((consignee) => !before || rows.indexOf(consignee) + 1 < director.number);
  const expected = (before: boolean) =>
    directors.filter((director) => hasConsignee(director, before)).map(({ row }) => `${id(row)} director (Director) of test-case-file-${row.Case}-consignee`).sort();

  it("links every director whose case has a consignee when all rows are one batch (two consignees become one company)", async () => {
    expect(templateReports[0].flags.byKind).toEqual({ reference: directors.filter((director) => !hasConsignee(director, false)).length });
    expect(await offices(templateWorlds[0])).toEqual(expected(false));
  });

  it("misses, one row a batch, every director written before the consignee's row", async () => {
    expect(templateReports[1].flags.byKind).toEqual({ reference: directors.filter((director) => !hasConsignee(director, true)).length });
    expect(await offices(templateWorlds[1])).toEqual(expected(true));
    expect(expected(true).length).toBeLessThan(expected(false).length);
  });
});
