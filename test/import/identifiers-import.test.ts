import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, deleteWorld, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * Identifiers written several ways by different rows become one Identifier node each, because the
 * node's id is made from the normalised value (`id: true`): the phone number of rows 1 and 2, once
 * international and once local, is one node with two holders; so is the e-mail address of rows 1
 * and 3. A number that is no longer valid and a cell with two numbers are flagged, and make no node.
 */
const prefix = uniquePrefix("identifiers");
const sourceId = `${prefix}test-identifiers`;

const MAPPING = `
version: 1
source: { id: test-identifiers, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: parties.csv
  key: ref
  columns: [ref, name, phone, email, passport]
nodes:
  person:
    label: Person
    id: "{ref}"
    properties:
      name: { column: name, required: true }
  phone:
    label: Identifier
    id: { column: phone, normalise: phone, defaultCountry: VN, id: true }
    properties:
      kind: { value: PHONE }
      value: { column: phone, normalise: phone, defaultCountry: VN, raw: rawValue }
  email:
    label: Identifier
    id: { column: email, normalise: email, id: true }
    properties:
      kind: { value: EMAIL }
      value: { column: email, normalise: email, raw: rawValue }
  passport:
    label: Identifier
    id: { column: passport, normalise: document, country: VN, id: true }
    properties:
      kind: { value: DOCUMENT }
      value: { column: passport, normalise: document, country: VN, raw: rawValue }
relationships:
  holdsPhone: { type: HAS_IDENTIFIER, from: person, to: phone }
  holdsEmail: { type: HAS_IDENTIFIER, from: person, to: email }
  holdsPassport: { type: HAS_IDENTIFIER, from: person, to: passport }
`;

const ROWS = [
  ["p1", "Nguyen Van An", "+84 912 345 678", "Ng.Van.An@Example.COM", "Passport C1234567"],
  ["p2", "Tran Thi Binh", "0912345678", "", "c 123 4567"],
  ["p3", "Le Van Cuong", "0987 654 321", "ng.van.an@example.com", ""],
  ["p4", "Pham Van Dung", "0123 456 7890", "", ""],
  ["p5", "Hoang Van Em", "0912 345 678 / 0987 654 321", "not an address", ""],
];

/** Written by hand from ROWS: each identifier's id (without the world's prefix) and its holders. */
const EXPECTED_HOLDERS: Record<string, string[]> = {
  "PHONE:+84912345678": ["p1", "p2"],
  "PHONE:+84987654321": ["p3"],
  "EMAIL:ng.van.an@example.com": ["p1", "p3"],
  "DOCUMENT:VN-C1234567": ["p1", "p2"],
};

let context: ImportTestContext;
let folder: string;
let report: ImportReport;

beforeAll(async () => {
  context = await importTestContext();
  folder = await mkdtemp(path.join(tmpdir(), "import-identifiers-"));
  const mapping = path.join(folder, "parties.yaml");
  const input = path.join(folder, "parties.csv");
  await writeFile(mapping, MAPPING);
  const quote = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  await writeFile(input, ["ref,name,phone,email,passport", ...ROWS.map((row) => row.map(quote).join(","))].join("\n") + "\n");
  report = await importFiles(context.executor, mapping, [input], { registry: context.registry, reportDir: folder, idPrefix: prefix });
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

describe("identifiers written several ways", () => {
  it("load every row, and make one node per normalised value", async () => {
    expect(report.rowsLoaded).toBe(ROWS.length);
    expect(report.rowsRejected).toBe(0);
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes).toEqual({ Person: ROWS.length, Identifier: Object.keys(EXPECTED_HOLDERS).length });
    expect(counts.relationships).toEqual({
      HAS_IDENTIFIER: Object.values(EXPECTED_HOLDERS).flat().length,
      SOURCED_FROM: ROWS.length + Object.keys(EXPECTED_HOLDERS).length,
    });
  });

  it("give each identifier its holders", async () => {
    const rows = await context.executor.read(
      `MATCH (identifier:Identifier) WHERE identifier.id STARTS WITH $prefix
       OPTIONAL MATCH (holder:Person)-[:HAS_IDENTIFIER]->(identifier)
       WITH identifier, holder ORDER BY holder.id
       RETURN identifier.id AS id, identifier.value AS value, identifier.kind AS kind, collect(holder.id) AS holders ORDER BY id`,
      { prefix },
    );
    const got = Object.fromEntries(rows.map((row) => [String(row.id).slice(prefix.length), (row.holders as string[]).map((id) => id.slice(prefix.length))]));
    expect(got).toEqual(EXPECTED_HOLDERS);
    for (const row of rows) expect(`${row.kind}:${row.value}`).toBe(String(row.id).slice(prefix.length));
  });

  it("flag the number that is no longer valid, the cell with two numbers and the text that is no e-mail, once a cell", async () => {
    expect(report.flags.byKind).toEqual({ phone: 2, email: 1 });
    const flags = parse(await readFile(report.flagsFile!), { columns: true }) as Record<string, string>[];
    const reasons = flags.map((flag) => [flag.row, flag.column, flag.reason]).sort();
    expect(reasons).toEqual(
      [
        ["4", "phone", "not a valid phone number of +84"],
        ["5", "email", "not an e-mail address (no @)"],
        ["5", "phone", "2 phone numbers in one cell (split the cell with a list group)"],
      ].sort(),
    );
  });
});

/** The documentation's example: the issuing country read from each row, joined to the number with `concat`. */
const NATIONALITY_MAPPING = `
version: 1
source: { id: test-identifiers-nationality, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: travellers.csv
  key: ref
  columns: [ref, name, passport, nationality]
nodes:
  person:
    label: Person
    id: "{ref}"
    properties:
      name: { column: name, required: true }
  passport:
    label: Identifier
    id:
      concat:
        - { value: "DOCUMENT:" }
        - { column: nationality, normalise: country, required: true }
        - { value: "-" }
        - { column: passport, normalise: document, required: true }
      joinWith: ""
      ifPresent: passport
    properties:
      kind: { value: DOCUMENT }
      value:
        concat: [{ column: nationality, normalise: country }, { column: passport, normalise: document }]
        joinWith: "-"
      rawValue: { column: passport }
relationships:
  holdsPassport: { type: HAS_IDENTIFIER, from: person, to: passport }
`;

describe("a document number with its issuing country from each row", () => {
  it("is one Identifier for two spellings of number and country; a row without a number makes none; an unknown country rejects the row", async () => {
    const mapping = path.join(folder, "travellers.yaml");
    const input = path.join(folder, "travellers.csv");
    await writeFile(mapping, NATIONALITY_MAPPING);
    await writeFile(input, "ref,name,passport,nationality\nt1,Nguyen Van An,Passport C1234567,VN\nt2,Tran Thi Binh,c 123 4567,Viet Nam\nt3,Le Van Cuong,,\nt4,Pham Van Dung,B7654321,Atlantis\n");
    const travellers = await importFiles(context.executor, mapping, [input], { registry: context.registry, reportDir: folder, idPrefix: prefix });
    expect([travellers.rowsLoaded, travellers.rowsRejected]).toEqual([3, 1]);
    const rows = await context.executor.read(
      `MATCH (holder:Person)-[:HAS_IDENTIFIER]->(identifier:Identifier)-[:SOURCED_FROM]->(:Source {id: $source})
       RETURN identifier.id AS id, identifier.value AS value, collect(holder.id) AS holders`,
      { source: `${prefix}test-identifiers-nationality` },
    );
    expect(rows.map((row) => ({ id: String(row.id).slice(prefix.length), value: row.value, holders: (row.holders as string[]).map((id) => id.slice(prefix.length)).sort() }))).toEqual([
      // The first file's passport holders too: the same number, however written, is one node in the graph.
      { id: "DOCUMENT:VN-C1234567", value: "VN-C1234567", holders: ["p1", "p2", "t1", "t2"] },
    ]);
  });
});

/** The documentation's example: a cell with several numbers split by a list group, one Identifier each. */
const SEVERAL_MAPPING = `
version: 1
source: { id: test-identifiers-several, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: contacts.csv
  key: ref
  columns: [ref, name, phone]
groups:
  phones:
    list: { column: phone, pattern: '\\s*(?:[;,/|]|\\bor\\b)\\s*' }
nodes:
  person:
    label: Person
    id: "{ref}"
    properties:
      name: { column: name, required: true }
  phone:
    label: Identifier
    group: phones
    id: { slot: item, normalise: phone, defaultCountry: VN, id: true }
    properties:
      kind: { value: PHONE }
      value: { slot: item, normalise: phone, defaultCountry: VN, raw: rawValue }
relationships:
  holdsPhone: { type: HAS_IDENTIFIER, from: person, to: phone }
`;

describe("a cell with several phone numbers, split by a list group", () => {
  it("gives one Identifier per number", async () => {
    const mapping = path.join(folder, "contacts.yaml");
    const input = path.join(folder, "contacts.csv");
    await writeFile(mapping, SEVERAL_MAPPING);
    await writeFile(input, 'ref,name,phone\nc1,Hoang Van Em,"0912 345 678 / 0987 654 321"\nc2,Vo Thi Phuong,0977 111 222 or +84 912 345 678\n');
    const contacts = await importFiles(context.executor, mapping, [input], { registry: context.registry, reportDir: folder, idPrefix: prefix });
    expect([contacts.rowsLoaded, contacts.rowsRejected, contacts.flags.total]).toEqual([2, 0, 0]);
    const rows = await context.executor.read(
      `MATCH (holder:Person)-[:HAS_IDENTIFIER]->(identifier:Identifier) WHERE holder.id IN [$prefix + "c1", $prefix + "c2"]
       RETURN holder.id AS holder, identifier.id AS id ORDER BY holder, id`,
      { prefix },
    );
    expect(rows.map((row) => [String(row.holder).slice(prefix.length), String(row.id).slice(prefix.length)])).toEqual([
      ["c1", "PHONE:+84912345678"],
      ["c1", "PHONE:+84987654321"],
      ["c2", "PHONE:+84912345678"],
      ["c2", "PHONE:+84977111222"],
    ]);
  });
});
