import path from "node:path";

import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { NodeLabel } from "../../src/domain/graph-schema.js";
import { parseMapping } from "../../src/import/mapping/load-mapping.js";
import { matchVocabulary, vocabulary } from "../../src/import/normalise/vocabulary.js";
import { confirmReferences } from "../../src/import/plan/confirm-references.js";
import type { Lookups } from "../../src/import/plan/lookups.js";
import { PlannedNodes } from "../../src/import/plan/planned-nodes.js";
import { RowPlanner, type RowPlan } from "../../src/import/plan/plan-row.js";
import { RecordIndex } from "../../src/import/plan/record-index.js";
import { mappingUnderTest } from "./helpers/mapping-problems.js";

/**
 * The pure parts of records and plans: the mapping checks of `input.record` and `record`
 * references, the planner with a record index, a batch's references to nodes its own rows make,
 * the nodes a dry-run plan keeps, and the vocabulary's `otherwise`.
 */
const FIXTURE = path.join(projectRoot, "test", "import", "fixtures", "case-file-parties.yaml");
const { valid, problemsOf, edit, context } = await mappingUnderTest(FIXTURE);

describe("a mapping's records and record references are checked when it loads", () => {
  it("the fixture mapping itself is valid", () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    ["a record column that is not a column", edit("record: Case", "record: Cases"), ['input.record: "Cases" is not a column of case-file-parties.csv']],
    [
      "a record reference without input.record",
      edit("  record: Case\n", ""),
      ["references.consignee.record: a record reference needs input.record (the column that groups rows into records)"],
    ],
    [
      "a record reference to an alias that is no node",
      edit("record: { node: company,", "record: { node: firm,"),
      ['references.consignee.record.node: "firm" is not a node alias (nodes: shipment, company, person)'],
    ],
    [
      "a where column that is not a column",
      edit("where: { Role: [Consignee] }", "where: { Part: [Consignee] }"),
      ['references.consignee.record.where.Part: "Part" is not a column of case-file-parties.csv'],
    ],
    [
      "a reference of two kinds",
      edit("record: { node: company,", "country: { value: VN }\n    record: { node: company,"),
      ["references.consignee: give exactly one of country, place, species, node, record"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

const NO_LOOKUPS = {} as Lookups;

function planAll(records: readonly Record<string, string>[]): RowPlan[] {
  const mapping = parseMapping(FIXTURE, valid, context);
  const bare = new RowPlanner(mapping, new Map(), NO_LOOKUPS);
  const index = new RecordIndex(mapping);
  // As the import does: a first reading notes what each row made, then every row is planned.
  records.forEach((cells, row) => index.add(cells, bare.plan(row + 1, cells).endpoints!));
  const planner = new RowPlanner(mapping, new Map(), NO_LOOKUPS, { records: index });
  return records.map((cells, row) => planner.plan(row + 1, cells));
}

const row = (Case: string, Party: string, Role: string, Type: string) => ({ Case, Party, Role, Type, Name: `Invented ${Case} ${Party}` });

describe("the planner with a record index", () => {
  it("links a director to the consignee of the same record, before or after it, and mentions the company", () => {
    const plans = planAll([row("A", "1", "Director", "person"), row("B", "1", "Consignee", "company"), row("A", "2", "Consignee", "company")]);
    const director = plans[0];
    expect(director.flags).toEqual([]);
    expect(director.relationships.filter((link) => link.type === "OFFICER_OF").map((link) => [link.from.id, link.to.id])).toEqual([
      ["test-case-file-A-1", "test-case-file-A-2"],
    ]);
    expect(director.nodes).toContainEqual({ label: NodeLabel.Company, id: "test-case-file-A-2", mention: true, properties: {} });
  });

  it("flags a director whose record has no consignee, or two, and links nothing", () => {
    const plans = planAll([
      row("A", "1", "Director", "person"),
      row("B", "1", "Director", "person"),
      row("B", "2", "Consignee", "company"),
      row("B", "3", "Consignee", "company"),
    ]);
    for (const plan of [plans[0], plans[1]]) expect(plan.relationships.some((link) => link.type === "OFFICER_OF")).toBe(false);
    expect(plans[0].flags.map((flag) => [flag.kind, flag.value, flag.reason])).toEqual([
      ["record", "A", 'no rows of this record with Role = "Consignee" made a Company (company)'],
    ]);
    expect(plans[1].flags.map((flag) => [flag.kind, flag.value, flag.reason])).toEqual([
      ["record", "B", 'rows of this record with Role = "Consignee" made 2 different nodes (company): which one is meant cannot be told'],
    ]);
  });

  it("looks nothing up on rows outside `when` (a driver of a record without consignee is not flagged)", () => {
    const [driver] = planAll([row("A", "1", "Driver", "person")]);
    expect(driver.flags).toEqual([]);
  });
});

/** A planned row making `makes` and pointing (required or not) at `refers`. */
function batchRow(row: number, makes: string | null, refers: { id: string; required: boolean } | null): RowPlan {
  const endpoint = refers && { label: NodeLabel.Company, id: refers.id };
  return {
    row,
    nodes: makes ? [{ label: NodeLabel.Company, id: makes, mention: false, properties: {} }] : [],
    relationships: endpoint ? [{ type: "PARTY_TO" as never, mode: "plain", from: endpoint, to: endpoint, seq: null, properties: {} }] : [],
    checks: endpoint ? [{ endpoint, required: refers!.required, entry: "references.company", column: "id", value: refers!.id }] : [],
    flags: [],
    rejects: [],
  };
}

describe("a batch's references to nodes its own rows make", () => {
  it("are confirmed, unless the row making the node is rejected (then, in turn, whatever needed it)", async () => {
    const inDatabase = new Set(["db"]);
    const plans = [
      batchRow(1, "a", null),
      batchRow(2, null, { id: "a", required: true }),
      batchRow(3, "b", { id: "missing", required: true }),
      batchRow(4, "c", { id: "b", required: true }),
      batchRow(5, null, { id: "c", required: false }),
      batchRow(6, null, { id: "db", required: true }),
    ];
    await confirmReferences(async (_label, ids) => new Set(ids.filter((id) => inDatabase.has(id))), plans, true);
    expect(plans.map((plan) => [plan.row, plan.rejects.length, plan.flags.length, plan.relationships.length])).toEqual([
      [1, 0, 0, 0],
      [2, 0, 0, 1],
      [3, 1, 0, 0],
      [4, 1, 0, 0],
      [5, 0, 1, 0],
      [6, 0, 0, 1],
    ]);
  });
});

describe("the nodes a dry-run plan keeps", () => {
  it("count for later files, Synthetic ones only where synthetic nodes count", () => {
    const planned = new PlannedNodes();
    planned.add([batchRow(1, "real", null)], false);
    planned.add([batchRow(2, "invented", null)], true);
    expect(planned.filter(NodeLabel.Company, ["real", "invented", "other"], true)).toEqual(["real", "invented"]);
    expect(planned.filter(NodeLabel.Company, ["real", "invented", "other"], false)).toEqual(["real"]);
    expect(planned.filter(NodeLabel.Person, ["real"], true)).toEqual([]);
  });
});

describe("the vocabulary's otherwise", () => {
  const roles = matchVocabulary({ vocabulary: "PartyRole", values: { Driver: "COURIER" }, patterns: [], otherwise: "OTHER" });

  it("gives its member for a word the vocabulary lacks, and the member for one it has", () => {
    expect([roles("Driver"), roles("buyer"), roles("Contact"), roles("Partner")]).toEqual([
      { value: "COURIER" },
      { value: "BUYER" },
      { value: "OTHER" },
      { value: "OTHER" },
    ]);
  });

  it("must be a member, and is not given with unmatched", () => {
    expect(vocabulary.options.safeParse({ vocabulary: "PartyRole", otherwise: "SOMEONE" }).success).toBe(false);
    expect(vocabulary.options.safeParse({ vocabulary: "PartyRole", otherwise: "OTHER", unmatched: "empty" }).success).toBe(false);
    expect(vocabulary.options.safeParse({ vocabulary: "PartyRole", otherwise: "OTHER" }).success).toBe(true);
  });
});
