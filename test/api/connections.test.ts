import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { RelType } from "../../src/domain/graph-schema.js";
import type { GroundTruthPath } from "../../src/generate/ground-truth.js";
import { MAX_PATH_HOPS, MAX_PATHS, shortestPathSlots } from "../../src/repositories/path.repository.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * `connections` over a generated network: the planted shortest paths of the ground truth must come
 * back first, hop for hop, with their sources cited from the generator's own rows.
 */
let api: TestApi;
let world: GeneratedWorld;

/** The Source title the generated mappings give every row (mappings/generated/*.yaml). */
const SOURCE_TITLE = "Synthetic Mekong trafficking network (invented by the generator: no real person, company or shipment)";


const QUERY = `query($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $types: [RelationshipType!]) {
  connections(from: $from, to: $to, maxHops: $maxHops, first: $first, types: $types) {
    length explanation
    nodes { id kind label }
    edges { id type source target }
    hops { from to forward date edge { type source target properties citation { row source { id title } } } }
  }
}`;

beforeAll(async () => {
  [api, world] = await Promise.all([startTestApi(), importGeneratedWorld("connections", { seed: "paths", shipments: 300 })]);
}, 420_000);

afterAll(async () => {
  await world?.remove();
  await api?.close();
});

/** The data row (from 1) of the generator's file that made a planted edge, found in the CSV rows. */
function rowOf(edge: GroundTruthPath["edges"][number]): number {
  const rows = world.network.rows;
  const index =
    edge.type === RelType.HasIdentifier
      ? rows.identifierHolders.findIndex((row) => row.holderId === edge.from && row.identifierId === edge.to)
      : edge.type === RelType.OfficerOf
        ? rows.officers.findIndex((row) => row.personId === edge.from && row.companyId === edge.to)
        : rows.parties.findIndex((row) => row.partyId === edge.from && row.shipmentId === edge.to);
  if (index < 0) throw new Error(`no row for a planted ${edge.type} edge`);
  return index + 1;
}

describe("planted paths", () => {
  it("the ground truth has planted paths of 2 to 5 hops", () => {
    const lengths = new Set(world.network.truth.plantedPaths.map((path) => path.length));
    expect(world.network.truth.plantedPaths.length).toBeGreaterThanOrEqual(4);
    expect([...lengths].sort()).toEqual([2, 3, 4, 5]);
  });

  it("each comes back first under its uniqueUnder types, node for node, with the same edge types and directions", async () => {
    for (const planted of world.network.truth.plantedPaths) {
      const response = await api.post(QUERY, {
        from: world.id(planted.from),
        to: world.id(planted.to),
        maxHops: 6,
        first: 5,
        types: [...planted.uniqueUnder],
      });
      expect(response.errors).toBeUndefined();
      const paths = response.data!.connections;
      expect(paths.length).toBeGreaterThanOrEqual(1);
      const [first] = paths;
      expect(first.length).toBe(planted.length);
      expect(first.nodes.map((node: { id: string }) => node.id)).toEqual(planted.nodes.map((node) => world.id(node.id)));
      expect(first.nodes.map((node: { kind: string }) => node.kind)).toEqual(planted.nodes.map((node) => node.label));
      expect(first.edges.map((edge: any) => [edge.type, edge.source, edge.target])).toEqual(
        planted.edges.map((edge) => [edge.type, world.id(edge.from), world.id(edge.to)]),
      );
      expect(first.hops.map((hop: any) => [hop.from, hop.to, hop.forward])).toEqual(
        planted.edges.map((edge, i) => [world.id(planted.nodes[i].id), world.id(planted.nodes[i + 1].id), edge.from === planted.nodes[i].id]),
      );
      // The only shortest path under these types: anything else is longer.
      for (const other of paths.slice(1)) expect(other.length).toBeGreaterThan(planted.length);
      for (const path of paths) {
        for (const edge of path.edges) expect([...planted.uniqueUnder]).toContain(edge.type);
      }
    }
  });

  it("the explanation cites the source and row of every hop, as the generator's files number them", async () => {
    for (const planted of world.network.truth.plantedPaths) {
      const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: 6, first: 1, types: [...planted.uniqueUnder] });
      const [path] = response.data!.connections;
      const clauses = path.explanation.replace(/\.$/, "").split("; ");
      expect(clauses).toHaveLength(planted.length);
      planted.edges.forEach((edge, i) => {
        expect(clauses[i]).toContain(`[${SOURCE_TITLE}, row ${rowOf(edge)}]`);
        expect(path.hops[i].edge.citation).toEqual({ row: rowOf(edge), source: { id: world.id("generated-network"), title: SOURCE_TITLE } });
      });
      // Each clause names both of its nodes.
      planted.nodes.slice(1).forEach((node, i) => {
        expect(clauses[i]).toContain(path.nodes[i].label);
        expect(clauses[i]).toContain(path.nodes[i + 1].label);
        expect(path.nodes[i + 1].id).toBe(world.id(node.id));
      });
    }
  });

  it("a path through a shipment dates its hops with the departure", async () => {
    const planted = world.network.truth.plantedPaths.find((path) => path.length === 5)!;
    const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: 5, first: 1, types: [...planted.uniqueUnder] });
    const [path] = response.data!.connections;
    const shipmentId = planted.nodes.find((node) => node.label === "Shipment")!.id;
    const departedOn = world.network.rows.shipments.find((row) => row.id === shipmentId)!.departedOn;
    const dates = path.hops.map((hop: { date: string | null }) => hop.date);
    expect(dates).toEqual(planted.edges.map((edge) => (edge.type === RelType.PartyTo ? departedOn : null)));
    expect(path.explanation).toContain(`on ${departedOn}`);
  });

  it("maxHops below a path's length finds nothing shorter", async () => {
    const planted = world.network.truth.plantedPaths.find((path) => path.length === 5)!;
    const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: 4, first: 10, types: [...planted.uniqueUnder] });
    expect(response.errors).toBeUndefined();
    expect(response.data!.connections).toEqual([]);
  });

  it("over every type, paths come shortest first, at most `first`, each a chain of its hops", async () => {
    const planted = world.network.truth.plantedPaths.find((path) => path.length === 4)!;
    const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: 6, first: 10 });
    expect(response.errors).toBeUndefined();
    const paths = response.data!.connections;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(10);
    expect(paths[0].length).toBeLessThanOrEqual(planted.length);
    const keys = paths.map((path: any) => [path.length, path.nodes.map((node: { id: string }) => node.id)]);
    for (let i = 1; i < keys.length; i++) {
      const [length, ids] = keys[i];
      const [previousLength, previousIds] = keys[i - 1];
      expect(length).toBeGreaterThanOrEqual(previousLength);
      if (length === previousLength) expect(ids.join("\u0000") > previousIds.join("\u0000")).toBe(true);
    }
    for (const path of paths) {
      expect(path.nodes[0].id).toBe(world.id(planted.from));
      expect(path.nodes.at(-1).id).toBe(world.id(planted.to));
      expect(new Set(path.nodes.map((node: { id: string }) => node.id)).size).toBe(path.nodes.length);
      path.hops.forEach((hop: any, i: number) => {
        expect([hop.from, hop.to]).toEqual([path.nodes[i].id, path.nodes[i + 1].id]);
        expect(hop.forward ? [hop.edge.source, hop.edge.target] : [hop.edge.target, hop.edge.source]).toEqual([hop.from, hop.to]);
        expect(hop.edge.type).not.toBe(RelType.SourcedFrom);
      });
    }
  });
});

describe("arguments", () => {
  const planted = () => world.network.truth.plantedPaths[0];

  it.each([
    { case: "maxHops over 6", variables: { maxHops: 7 }, argument: "maxHops" },
    { case: "maxHops of 0", variables: { maxHops: 0 }, argument: "maxHops" },
    { case: "first over 10", variables: { first: 11 }, argument: "first" },
    { case: "first of 0", variables: { first: 0 }, argument: "first" },
    { case: "SOURCED_FROM in types", variables: { types: [RelType.HasIdentifier, RelType.SourcedFrom] }, argument: "types" },
    { case: "an empty types list", variables: { types: [] }, argument: "types" },
  ])("$case: BAD_USER_INPUT naming $argument", async ({ variables, argument }) => {
    const response = await api.post(QUERY, { from: world.id(planted().from), to: world.id(planted().to), ...variables });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument });
    expect(response.data?.connections ?? null).toBeNull();
  });

  it("from equal to to: BAD_USER_INPUT", async () => {
    const response = await api.post(QUERY, { from: world.id(planted().from), to: world.id(planted().from) });
    expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "to" });
  });

  it.each(["from", "to"])("an unknown %s: NOT_FOUND naming it, without the id", async (end) => {
    const unknown = `${world.prefix}no-such-entity`;
    const ends = end === "from" ? { from: unknown, to: world.id(planted().to) } : { from: world.id(planted().from), to: unknown };
    const response = await api.post(QUERY, ends);
    expect(response.errors?.[0].extensions).toEqual({ code: "NOT_FOUND", argument: end });
    expect(response.errors?.[0].message).not.toContain(unknown);
  });
});

describe("the plan", () => {
  it("is the bounded shortest-path operator between two bound nodes, not an exhaustive expansion", async () => {
    const registry = await CypherRegistry.load();
    const planted = world.network.truth.plantedPaths[0];
    const session = api.driver.session();
    try {
      const query = registry.render("connectionsShortestPaths", shortestPathSlots(MAX_PATHS, MAX_PATH_HOPS));
      const result = await session.run(`EXPLAIN ${query}`, {
        from: world.id(planted.from),
        to: world.id(planted.to),
        fromKind: null,
        toKind: null,
        types: [RelType.HasIdentifier],
      });
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType);
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(operators.some((operator) => operator.startsWith("StatefulShortestPath"))).toBe(true);
      expect(operators.filter((operator) => /VarLengthExpand|Repeat|Trail|AllNodesScan|ShortestPath\(/.test(operator) && !operator.startsWith("Stateful"))).toEqual([]);
      // Both ends are found by index lookups, one per label.
      expect(operators.filter((operator) => operator.startsWith("NodeUniqueIndexSeek") || operator.startsWith("NodeIndexSeek")).length).toBeGreaterThanOrEqual(20);
    } finally {
      await session.close();
    }
  });
});
