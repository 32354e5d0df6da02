import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { RelType } from "../../src/domain/graph-schema.js";
import type { GroundTruthPath } from "../../src/generate/ground-truth.js";
import { ACTIVITY_TYPES, MAX_PATH_HOPS, MAX_PATHS, shortestPathSlots } from "../../src/repositories/path.repository.js";
import { graphOf } from "../generate/network-files.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * `connections` over a generated network: the planted shortest paths of the ground truth must come
 * back first, hop for hop, with their sources cited from the generator's own rows; by default only
 * activity is followed (no path through a country); paths are distinct and in one total order.
 */
let api: TestApi;
let world: GeneratedWorld;

/** The Source title the generated mappings give every row (mappings/generated/*.yaml). */
const SOURCE_TITLE = "Synthetic Mekong trafficking network (invented by the generator: no real person, company or shipment)";


const QUERY = `query($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $types: [RelationshipType!], $alsoFollow: [RelationshipType!]) {
  connections(from: $from, to: $to, maxHops: $maxHops, first: $first, types: $types, alsoFollow: $alsoFollow) {
    length explanation
    nodes { id kind label }
    edges { id type source target }
    hops {
      from to forward date
      edge { type source target properties citation { row source { id title } } }
      edges { id type source target properties citation { row source { id title } } }
      citations { row source { id title } }
    }
  }
}`;

/** For tests that ask once per planted path (several round trips each, each a new plan on a cold database). */
const LOOP_TIMEOUT = 180_000;

/** Every relationship type the default leaves out, but SOURCED_FROM. */
const NOT_ACTIVITY = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom && !ACTIVITY_TYPES.includes(type));

const nodeIds = (path: { nodes: { id: string }[] }): string[] => path.nodes.map((node) => node.id);

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
  }, LOOP_TIMEOUT);

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
  }, LOOP_TIMEOUT);

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

  it("with every type followed, paths come shortest first, then by their node ids, at most `first`, each a chain of its hops", async () => {
    const planted = world.network.truth.plantedPaths.find((path) => path.length === 4)!;
    const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: 6, first: 10, alsoFollow: NOT_ACTIVITY });
    expect(response.errors).toBeUndefined();
    const paths = response.data!.connections;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(10);
    expect(paths[0].length).toBeLessThanOrEqual(planted.length);
    const keys = paths.map((path: any) => [path.length, nodeIds(path)]);
    for (let i = 1; i < keys.length; i++) {
      const [length, ids] = keys[i];
      const [previousLength, previousIds] = keys[i - 1];
      expect(length).toBeGreaterThanOrEqual(previousLength);
      // Strictly after: two paths never walk the same nodes.
      if (length === previousLength) expect(ids.join("\u0000") > previousIds.join("\u0000")).toBe(true);
    }
    for (const path of paths) {
      expect(path.nodes[0].id).toBe(world.id(planted.from));
      expect(path.nodes.at(-1).id).toBe(world.id(planted.to));
      expect(new Set(nodeIds(path)).size).toBe(path.nodes.length);
      path.hops.forEach((hop: any, i: number) => {
        expect([hop.from, hop.to]).toEqual([path.nodes[i].id, path.nodes[i + 1].id]);
        expect(hop.forward ? [hop.edge.source, hop.edge.target] : [hop.edge.target, hop.edge.source]).toEqual([hop.from, hop.to]);
        for (const edge of hop.edges) {
          expect([edge.source, edge.target].sort()).toEqual([hop.from, hop.to].sort());
          expect(edge.type).not.toBe(RelType.SourcedFrom);
        }
      });
      expect(path.edges.map((edge: { id: string }) => edge.id)).toEqual(path.hops.flatMap((hop: any) => hop.edges.map((edge: { id: string }) => edge.id)));
    }
  });
});

describe("default relationships: activity, not reference facts", () => {
  it("between the ends of each planted path (core members of two rings), the planted path comes first", async () => {
    const graph = graphOf(world.network.rows);
    for (const planted of world.network.truth.plantedPaths) {
      // The files say it is the only shortest path over the default types.
      expect(graph.shortestPaths(planted.from, planted.to, new Set<string>(ACTIVITY_TYPES), MAX_PATH_HOPS)).toEqual({ distance: planted.length, count: 1 });
      const response = await api.post(QUERY, { from: world.id(planted.from), to: world.id(planted.to), maxHops: MAX_PATH_HOPS, first: 3 });
      expect(response.errors).toBeUndefined();
      const [first, ...others] = response.data!.connections;
      expect(nodeIds(first)).toEqual(planted.nodes.map((node) => world.id(node.id)));
      expect(first.edges.map((edge: any) => [edge.type, edge.source, edge.target])).toEqual(
        planted.edges.map((edge) => [edge.type, world.id(edge.from), world.id(edge.to)]),
      );
      for (const other of others) expect(other.length).toBeGreaterThan(planted.length);
      for (const path of response.data!.connections) {
        for (const edge of path.edges) expect(ACTIVITY_TYPES).toContain(edge.type);
      }
    }
  }, LOOP_TIMEOUT);

  it("between two members of one ring, the two-hop paths through what they share, in id order; `first: 1` heads `first: 10`", async () => {
    const { rows, truth } = world.network;
    // What two persons share, as the files say: identifiers, shipments, companies, seizures.
    const neighbours = new Map<string, Set<string>>();
    const link = (a: string, b: string) => neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    for (const row of rows.identifierHolders) link(row.holderId, row.identifierId);
    for (const row of rows.parties) link(row.partyId, row.shipmentId);
    for (const row of rows.officers) link(row.personId, row.companyId);
    for (const row of rows.arrests) link(row.personId, row.seizureId);
    const shared = (a: string, b: string) => [...(neighbours.get(a) ?? [])].filter((node) => neighbours.get(b)?.has(node));
    // The pair of persons of one ring that shares most (ties: first in id order).
    let best: { a: string; b: string; middle: string[] } | undefined;
    for (const ring of truth.rings) {
      const persons = ring.members.filter((member) => member.kind === "Person").map((member) => member.id);
      for (const a of persons) {
        for (const b of persons) {
          if (a < b && shared(a, b).length > (best?.middle.length ?? 0)) best = { a, b, middle: shared(a, b) };
        }
      }
    }
    expect(best!.middle.length).toBeGreaterThanOrEqual(3);
    const expected = best!.middle
      .map((middle) => [world.id(best!.a), world.id(middle), world.id(best!.b)])
      .sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));

    const ten = await api.post(QUERY, { from: world.id(best!.a), to: world.id(best!.b), first: 10 });
    expect(ten.errors).toBeUndefined();
    const paths = ten.data!.connections;
    expect(paths.slice(0, expected.length).map(nodeIds)).toEqual(expected.slice(0, 10));
    for (const path of paths.slice(expected.length)) expect(path.length).toBeGreaterThan(2);
    for (const first of [1, 2, 3]) {
      const response = await api.post(QUERY, { from: world.id(best!.a), to: world.id(best!.b), first });
      expect(response.data!.connections).toEqual(paths.slice(0, first));
    }
  }, LOOP_TIMEOUT);

  it("two strangers of one nationality, or of neighbouring countries, are not connected unless nationality and borders are asked for", async () => {
    const id = (name: string) => `${world.prefix}own-${name}`;
    await world.executor.write(
      `CREATE (c1:Country {id: $c1, name: 'Country one'}), (c2:Country {id: $c2, name: 'Country two'}), (c1)-[:BORDERS]->(c2)
       CREATE (p1:Person:Synthetic {id: $p1, name: 'Stranger one'})-[:NATIONAL_OF]->(c1)
       CREATE (p2:Person:Synthetic {id: $p2, name: 'Stranger two'})-[:NATIONAL_OF]->(c1)
       CREATE (p3:Person:Synthetic {id: $p3, name: 'Stranger three'})-[:NATIONAL_OF]->(c2)`,
      { c1: id("country-1"), c2: id("country-2"), p1: id("stranger-1"), p2: id("stranger-2"), p3: id("stranger-3") },
    );
    for (const to of [id("stranger-2"), id("stranger-3")]) {
      const response = await api.post(QUERY, { from: id("stranger-1"), to, maxHops: MAX_PATH_HOPS, first: 10 });
      expect(response.errors).toBeUndefined();
      expect(response.data!.connections).toEqual([]);
    }
    const asked = await api.post(QUERY, { from: id("stranger-1"), to: id("stranger-3"), first: 10, alsoFollow: [RelType.NationalOf, RelType.Borders] });
    expect(asked.data!.connections.map(nodeIds)).toEqual([[id("stranger-1"), id("country-1"), id("country-2"), id("stranger-3")]]);
    const nationality = await api.post(QUERY, { from: id("stranger-1"), to: id("stranger-2"), alsoFollow: [RelType.NationalOf] });
    expect(nationality.data!.connections.map(nodeIds)).toEqual([[id("stranger-1"), id("country-1"), id("stranger-2")]]);
  });
});

describe("one fact from two sources", () => {
  const id = (name: string) => `${world.prefix}own-parallel-${name}`;
  const titles = { a: "Parallel source A", b: "Parallel source B" };

  beforeAll(async () => {
    // p1 is party to the shipment and holds the phone in two sources' rows; p2 in one each.
    await world.executor.write(
      `CREATE (sa:Source {id: $sa, title: $ta, reliability: 'B', kind: 'REPORT'}), (sb:Source {id: $sb, title: $tb, reliability: 'C', kind: 'REPORT'})
       CREATE (p1:Person:Synthetic {id: $p1, name: 'Parallel one'}), (p2:Person:Synthetic {id: $p2, name: 'Parallel two'})
       CREATE (s:Shipment:Synthetic {id: $s, departedOn: date('2020-02-03')}), (i:Identifier:Synthetic {id: $i, kind: 'PHONE', value: '+15550100'})
       CREATE (p1)-[:PARTY_TO {role: 'SHIPPER', sourceId: $sa, sourceRow: 3}]->(s),
              (p1)-[:PARTY_TO {role: 'SHIPPER', sourceId: $sb, sourceRow: 8}]->(s),
              (p2)-[:PARTY_TO {role: 'CONSIGNEE', sourceId: $sa, sourceRow: 4}]->(s),
              (p1)-[:HAS_IDENTIFIER {sourceId: $sa, sourceRow: 5}]->(i),
              (p1)-[:HAS_IDENTIFIER {sourceId: $sb, sourceRow: 9}]->(i),
              (p2)-[:HAS_IDENTIFIER {sourceId: $sb, sourceRow: 10}]->(i)`,
      { sa: id("source-a"), sb: id("source-b"), ta: titles.a, tb: titles.b, p1: id("p1"), p2: id("p2"), s: id("shipment"), i: id("phone") },
    );
  });

  it("gives each node path once, its hops carrying every relationship and citation", async () => {
    const response = await api.post(QUERY, { from: id("p1"), to: id("p2"), first: 10, maxHops: MAX_PATH_HOPS });
    expect(response.errors).toBeUndefined();
    const paths = response.data!.connections;
    // Two distinct paths (through the phone, through the shipment), in id order; no trail walking back over a parallel relationship.
    const expected = [id("phone"), id("shipment")].sort().map((middle) => [id("p1"), middle, id("p2")]);
    expect(paths.map(nodeIds)).toEqual(expected);
    const source = (key: "a" | "b") => ({ id: id(`source-${key}`), title: titles[key] });
    const viaShipment = paths.find((path: any) => path.nodes[1].id === id("shipment"));
    expect(viaShipment.hops[0].edges.map((edge: any) => [edge.type, edge.properties.role, edge.citation])).toEqual([
      [RelType.PartyTo, "SHIPPER", { row: 3, source: source("a") }],
      [RelType.PartyTo, "SHIPPER", { row: 8, source: source("b") }],
    ]);
    expect(viaShipment.hops[0].citations).toEqual([
      { row: 3, source: source("a") },
      { row: 8, source: source("b") },
    ]);
    expect(new Set(viaShipment.edges.map((edge: { id: string }) => edge.id)).size).toBe(3);
    expect(viaShipment.hops[1].citations).toEqual([{ row: 4, source: source("a") }]);
    expect(viaShipment.explanation).toBe(
      "Parallel one (person) is a party to " + id("shipment") + " (shipment), as shipper, on 2020-02-03 " +
        `[${titles.a}, row 3; ${titles.b}, row 8]; ` +
        id("shipment") + " (shipment) has as a party Parallel two (person), as consignee, on 2020-02-03 " + `[${titles.a}, row 4].`,
    );
    const viaPhone = paths.find((path: any) => path.nodes[1].id === id("phone"));
    expect(viaPhone.hops.map((hop: any) => hop.citations.map((citation: any) => citation.row))).toEqual([[5, 9], [10]]);
  });

  it("`first: 1` is the head of `first: 10`", async () => {
    const ten = await api.post(QUERY, { from: id("p1"), to: id("p2"), first: 10 });
    const one = await api.post(QUERY, { from: id("p1"), to: id("p2"), first: 1 });
    expect(one.data!.connections).toEqual(ten.data!.connections.slice(0, 1));
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
    { case: "SOURCED_FROM in alsoFollow", variables: { alsoFollow: [RelType.SourcedFrom] }, argument: "alsoFollow" },
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
        limit: neo4j.int(MAX_PATHS),
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
