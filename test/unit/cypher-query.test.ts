import { describe, expect, test } from "vitest";

import { checkedRows, renderQuery, statement, type CypherQuery, type NoSlots } from "../../src/db/cypher-query.js";
import { connectionsShortestPaths, nodesByIds, relatedAll, timelineEvents } from "../../src/db/queries.generated.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";

/** A query made here, to check rows against columns of every kind. */
const probe: CypherQuery<NoSlots, Record<string, unknown>, NoSlots, "read"> = {
  name: "probe",
  file: "probe",
  mode: "read",
  parameters: {},
  slots: {},
  columns: { id: "string", count: "integer", weight: "float | null", tags: "string[]", node: "NodeMap", hops: "RelationshipMap[][]" },
  text: "RETURN 1",
};

const good = { id: "a", count: 2, weight: null, tags: ["x"], node: { id: "a" }, hops: [[{ type: "T" }], []] };

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("did not throw");
}

describe("checkedRows", () => {
  test("rows of the declared shape pass as they are", () => {
    const rows = [good, { ...good, weight: 1.5, tags: [] }];
    expect(checkedRows(probe, rows)).toStrictEqual(rows);
  });

  test.each([
    { case: "an undefined value", row: { ...good, id: undefined }, message: "query probe: column id holds nothing, not string" },
    { case: "a null where none is declared", row: { ...good, id: null }, message: "query probe: column id holds null, not string" },
    { case: "a fraction for an integer", row: { ...good, count: 1.5 }, message: "query probe: column count holds a number, not integer" },
    { case: "a list element of another type", row: { ...good, tags: ["x", 1] }, message: "query probe: column tags holds a list, not string[]" },
    { case: "a scalar for a map", row: { ...good, node: "a" }, message: "query probe: column node holds a string, not NodeMap" },
    { case: "a list of maps for a list of lists", row: { ...good, hops: [{ type: "T" }] }, message: "query probe: column hops holds a list, not RelationshipMap[][]" },
  ])("$case is refused, naming the column and not the value", ({ row, message }) => {
    expect(thrown(() => checkedRows(probe, [good, row]))).toBe(message);
  });

  test("a missing column is refused", () => {
    const { weight: _, ...row } = good;
    expect(thrown(() => checkedRows(probe, [row]))).toBe(
      "query probe: columns id, count, tags, node, hops where the header declares id, count, weight, tags, node, hops",
    );
  });

  test("a column the header does not declare is refused", () => {
    expect(thrown(() => checkedRows(probe, [{ ...good, secret: "x" }]))).toBe(
      "query probe: columns id, count, weight, tags, node, hops, secret where the header declares id, count, weight, tags, node, hops",
    );
  });
});

describe("renderQuery", () => {
  test("a query without slots is its text", () => {
    expect(renderQuery(timelineEvents)).toBe(timelineEvents.text);
  });

  test("fills every slot, in comments too", () => {
    const text = renderQuery(relatedAll, { FROM: NodeLabel.Shipment, LEFT: "-", TYPE: RelType.StopsAt, RIGHT: "->", TO: "Place|Country" });
    expect(text).toContain("MATCH (:Shipment {id: key})-[rel:STOPS_AT]->(node:Place|Country)\n");
    expect(text).not.toContain("{{");
    expect(renderQuery(connectionsShortestPaths, { PATHS: "3", MAX_HOPS: "6" })).toContain("SHORTEST 3 GROUPS");
  });

  test.each([
    { slot: "LABEL", value: "Seizure) DETACH DELETE (n", kind: "NodeLabel" },
    { slot: "LABEL", value: "ApiKey", kind: "NodeLabel" },
    { slot: "LABEL", value: "Place|Country", kind: "NodeLabel" },
  ])("refuses $value for $slot", ({ value, slot, kind }) => {
    expect(thrown(() => renderQuery(nodesByIds, { LABEL: value as NodeLabel }))).toBe(`query nodesByIds: slot ${slot} is not of kind ${kind}`);
  });

  test.each([
    { slots: { TO: "Place|Apikey" }, message: "query relatedAll: slot TO is not of kind NodeLabels" },
    { slots: { TYPE: "SOURCED" }, message: "query relatedAll: slot TYPE is not of kind RelType" },
    { slots: { LEFT: "<->" }, message: "query relatedAll: slot LEFT is not of kind Arrow" },
  ])("refuses $slots", ({ slots, message }) => {
    const valid = { FROM: NodeLabel.Shipment, LEFT: "-", TYPE: RelType.StopsAt, RIGHT: "->", TO: "Place" } as const;
    expect(thrown(() => renderQuery(relatedAll, { ...valid, ...slots } as never))).toBe(message);
  });

  test.each(["0", "100", "1e2", "6 OR 1=1", "-1"])("refuses %j for a Count", (value) => {
    expect(thrown(() => renderQuery(connectionsShortestPaths, { PATHS: value, MAX_HOPS: "6" }))).toBe(
      "query connectionsShortestPaths: slot PATHS is not of kind Count",
    );
  });

  test("a refused value is refused again (no cache hides it)", () => {
    const bad = { LABEL: "Seizure) DETACH DELETE (n" as NodeLabel };
    expect(thrown(() => renderQuery(nodesByIds, bad))).toBe("query nodesByIds: slot LABEL is not of kind NodeLabel");
    expect(thrown(() => renderQuery(nodesByIds, bad))).toBe("query nodesByIds: slot LABEL is not of kind NodeLabel");
  });

  test("a missing slot is named", () => {
    expect(thrown(() => renderQuery(nodesByIds, {} as never))).toBe("query nodesByIds: no value for slot LABEL");
  });
});

test("statement: the rendered text and a copy of the parameters", () => {
  const parameters = { ids: ["a"] };
  const made = statement(nodesByIds, parameters, { LABEL: NodeLabel.Seizure });
  expect(made.query).toContain("MATCH (node:Seizure {id: key})");
  expect(made.parameters).toStrictEqual(parameters);
  expect(made.parameters).not.toBe(parameters);
});
