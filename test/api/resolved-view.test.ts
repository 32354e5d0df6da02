import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { analyzeRings } from "../../src/analysis/analyze-rings.js";
import { Role } from "../../src/auth/role.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { resolveCandidates } from "../../src/resolution/resolve-candidates.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { deleteResolutionRecords, deleteWorld, uniquePrefix } from "../import/helpers/import-context.js";

/**
 * The resolved view: two spellings of one man, each holding a phone of its own, each in a shipment
 * of its own. Before an investigator confirms them, network, connections, counts, shared
 * identifiers and the timeline treat them as two; after, as one (with `resolved: false` still as
 * two); after the decision is undone, every answer is exactly what it was before. The world is this
 * file's own, written here, so the expected answers follow from what is written.
 *
 *   X ─ phone 1 ─ A1 "Nguyễn Văn Hùng" ─ shipment 1 ◄─ seizure 1
 *   Y ─ phone 2 ─ A2 "NGUYEN VAN HUNG" ─ shipment 2 ─ Y (its shipper)
 */
let api: TestApi;
let prefix: string;
const id = (name: string) => `${prefix}${name}`;

const NAMES = { a1: "Nguyễn Văn Hùng", a2: "NGUYEN VAN HUNG", x: "Trần Văn Nam", y: "Lê Thị Hoa" };

const NETWORK = `query($ids: [ID!]!, $resolved: Boolean) {
  network(ids: $ids, depth: 1, resolved: $resolved) { nodeCount edgeCount nodes { id kind label properties } edges { id source target type } }
}`;
const CONNECTIONS = `query($from: ID!, $to: ID!, $resolved: Boolean) {
  connections(from: $from, to: $to, maxHops: 4, resolved: $resolved) { length nodes { id } hops { from to edge { type source target } } explanation }
}`;
const COUNTS = `query($id: ID!) { person(id: $id) { id seizureCount shipmentCount identifierCount companyCount } }`;
const LIST = `query($ids: [ID!]!) { persons(filter: { ids: $ids, minShipments: 2 }, first: 10) { totalCount edges { node { id shipmentCount } } } }`;
/** The four persons in ascending order of a count (ties by id), with that count: the sort reads the cluster's count too. */
const ORDERED = `query($ids: [ID!]!, $field: PersonOrderField!) {
  persons(filter: { ids: $ids }, orderBy: { field: $field, direction: ASC }, first: 10) { edges { node { id seizureCount shipmentCount } } }
}`;
/** Every person with a seizure, fewest first: the whole list's sort, which counts from the seizures' side. */
const WHOLE_LIST = `query($after: String) {
  persons(filter: { minSeizures: 1 }, orderBy: { field: SEIZURE_COUNT, direction: ASC }, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id seizureCount } }
  }
}`;
const SHARED = `query($id: ID!, $resolved: Boolean) { sharedIdentifiers(id: $id, resolved: $resolved) { sharedCount party { ... on Person { id name } } identifiers { id } } }`;
const TIMELINE = `query($id: ID!, $resolved: Boolean) { timeline(id: $id, resolved: $resolved) { date kind entity { id } roles } }`;
const SEARCH = `query($resolved: Boolean) {
  search(query: "Nguyen Van Hung", kinds: [Person], first: 100, resolved: $resolved) { edges { node { id entity { ... on Person { id name aliases } } } } }
}`;
const CONFIRM = `mutation($candidateId: ID!) { confirmMatch(candidateId: $candidateId, reason: "one man, two spellings") { id } }`;
const UNDO = `mutation($id: ID!) { undoDecision(id: $id, reason: "test undo") { id undoneAt } }`;

async function ask(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await api.post(query, variables, Role.INVESTIGATOR);
  expect(response.errors, query).toBeUndefined();
  return response.data!;
}

/** Every answer this file compares, in both views. */
async function answers(resolved: boolean): Promise<Record<string, unknown>> {
  // The ring analysis of this file's world: how many parties and links its graph holds.
  const rings = await analyzeRings(api.executor, await CypherRegistry.load(), { scope: prefix, resolved });
  return {
    ringGraph: { parties: rings.parties, links: rings.links },
    networkA1: await ask(NETWORK, { ids: [id("a1")], resolved }),
    networkA2: await ask(NETWORK, { ids: [id("a2")], resolved }),
    connections: await ask(CONNECTIONS, { from: id("x"), to: id("y"), resolved }),
    countsA1: await ask(COUNTS, { id: id("a1") }),
    countsA2: await ask(COUNTS, { id: id("a2") }),
    list: await ask(LIST, { ids: [id("a1"), id("a2"), id("x"), id("y")] }),
    bySeizures: await ask(ORDERED, { ids: [id("a1"), id("a2"), id("x"), id("y")], field: "SEIZURE_COUNT" }),
    byShipments: await ask(ORDERED, { ids: [id("a1"), id("a2"), id("x"), id("y")], field: "SHIPMENT_COUNT" }),
    wholeList: await wholeListOurs(),
    shared: await ask(SHARED, { id: id("a1"), resolved }),
    timeline: await ask(TIMELINE, { id: id("a1"), resolved }),
    search: ours(await ask(SEARCH, { resolved })),
  };
}

/** An edge of ORDERED's answer. */
const edge = (id: string, seizureCount: number, shipmentCount: number) => ({ node: { id, seizureCount, shipmentCount } });

/** This file's persons in the whole list of persons with a seizure (other files' persons are in it too), in its order. */
async function wholeListOurs(): Promise<unknown[]> {
  const nodes: { id: string }[] = [];
  let after: string | null = null;
  for (let page = 0; page < 500; page += 1) {
    const { persons } = (await ask(WHOLE_LIST, { after })) as { persons: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } };
    nodes.push(...persons.edges.map((edge) => edge.node));
    if (!persons.pageInfo.hasNextPage) return nodes.filter((node) => node.id.startsWith(prefix));
    after = persons.pageInfo.endCursor;
  }
  throw new Error("the list of persons never ended");
}

/** This file's persons among the search hits (other files' worlds hold Vietnamese names too). */
function ours(answer: Record<string, unknown>): unknown {
  const edges = (answer as { search: { edges: { node: { id: string } }[] } }).search.edges;
  return edges.map((edge) => edge.node).filter((node) => node.id.startsWith(prefix));
}

let before: Record<string, unknown>;
let after: Record<string, unknown>;
let afterUnresolved: Record<string, unknown>;
let undone: Record<string, unknown>;
/** What an ANALYST (persons under pseudonyms) is answered while the decision holds, from shipments (open ids). */
let analystAfter: unknown[];

beforeAll(async () => {
  prefix = uniquePrefix("resolved-view");
  api = await startTestApi();
  await api.executor.write(
    `CREATE (source:Source {id: $prefix + 'source', title: 'hand-written', kind: 'REPORT', reliability: 'B'})
     CREATE (a1:Person {id: $prefix + 'a1', name: $names.a1, aliases: []}), (a2:Person {id: $prefix + 'a2', name: $names.a2, aliases: []}),
            (x:Person {id: $prefix + 'x', name: $names.x, aliases: []}), (y:Person {id: $prefix + 'y', name: $names.y, aliases: []}),
            (p1:Identifier {id: $prefix + 'phone-1', kind: 'PHONE', value: '+84912000401'}),
            (p2:Identifier {id: $prefix + 'phone-2', kind: 'PHONE', value: '+84912000402'}),
            (s1:Shipment {id: $prefix + 'shipment-1', departedOn: date('2021-03-01'), mode: 'SEA'}),
            (s2:Shipment {id: $prefix + 'shipment-2', departedOn: date('2021-06-01'), mode: 'AIR'}),
            (z1:Seizure {id: $prefix + 'seizure-1', date: date('2021-03-05')})
     CREATE (a1)-[:HAS_IDENTIFIER {sourceId: source.id, sourceRow: 1}]->(p1), (x)-[:HAS_IDENTIFIER {sourceId: source.id, sourceRow: 2}]->(p1),
            (a2)-[:HAS_IDENTIFIER {sourceId: source.id, sourceRow: 3}]->(p2), (y)-[:HAS_IDENTIFIER {sourceId: source.id, sourceRow: 4}]->(p2),
            (a1)-[:PARTY_TO {sourceId: source.id, sourceRow: 5, role: 'SHIPPER'}]->(s1),
            (a2)-[:PARTY_TO {sourceId: source.id, sourceRow: 6, role: 'CONSIGNEE'}]->(s2),
            (y)-[:PARTY_TO {sourceId: source.id, sourceRow: 7, role: 'SHIPPER'}]->(s2),
            (z1)-[:INTERCEPTED {sourceId: source.id, sourceRow: 8}]->(s1)`,
    { prefix, names: NAMES },
  );
  await resolveCandidates(api.executor, { scope: prefix, minScore: 0.5 });
  before = await answers(true);
  const pair = `Person:${id("a1")}|${id("a2")}`;
  const confirmed = (await ask(CONFIRM, { candidateId: pair })) as { confirmMatch: { id: string } };
  after = await answers(true);
  afterUnresolved = await answers(false);
  analystAfter = [];
  for (const [query, variables] of [
    [NETWORK, { ids: [id("shipment-1")], resolved: true }],
    [`query($ids: [ID!]!) { network(ids: $ids, depth: 2) { nodes { id kind label properties } edges { id source target } graphml } }`, { ids: [id("shipment-2")] }],
    [`query($from: ID!, $to: ID!) { connections(from: $from, to: $to) { length nodes { id label properties } hops { from to } explanation } }`, { from: id("shipment-1"), to: id("shipment-2") }],
    [TIMELINE, { id: id("shipment-2"), resolved: true }],
  ] as const) {
    const response = await api.post(query, variables, Role.ANALYST);
    expect(response.errors, query).toBeUndefined();
    analystAfter.push(response.data);
  }
  await ask(UNDO, { id: confirmed.confirmMatch.id });
  undone = await answers(true);
}, 240_000);

afterAll(async () => {
  if (prefix && api) {
    await deleteResolutionRecords(api.executor, prefix);
    await deleteWorld(api.executor, prefix);
  }
  await api?.close();
});

type Network = { network: { nodes: { id: string; properties: { aliases?: string[] } }[]; edges: { source: string; target: string; type: string }[] } };
const nodeIds = (answer: unknown) => (answer as Network).network.nodes.map((node) => node.id).sort();
const edgeKeys = (answer: unknown) => (answer as Network).network.edges.map((edge) => `${edge.source}>${edge.type}>${edge.target}`).sort();

describe("before the decision: two persons", () => {
  it("network: each spelling with its own phone and shipment", () => {
    expect(nodeIds(before.networkA1)).toStrictEqual([id("a1"), id("phone-1"), id("shipment-1")].sort());
    expect(nodeIds(before.networkA2)).toStrictEqual([id("a2"), id("phone-2"), id("shipment-2")].sort());
  });

  it("connections: X and Y are not connected within 4 hops", () => {
    expect(before.connections).toStrictEqual({ connections: [] });
  });

  it("counts: each spelling counts its own facts", () => {
    expect(before.countsA1).toStrictEqual({ person: { id: id("a1"), seizureCount: 1, shipmentCount: 1, identifierCount: 1, companyCount: 0 } });
    expect(before.countsA2).toStrictEqual({ person: { id: id("a2"), seizureCount: 0, shipmentCount: 1, identifierCount: 1, companyCount: 0 } });
    expect(before.list).toMatchObject({ persons: { totalCount: 0 } });
    // Fewest first, ties by id: A2, X and Y have no seizure; X no shipment.
    expect(before.bySeizures).toStrictEqual({ persons: { edges: [edge(id("a2"), 0, 1), edge(id("x"), 0, 0), edge(id("y"), 0, 1), edge(id("a1"), 1, 1)] } });
    expect(before.byShipments).toStrictEqual({ persons: { edges: [edge(id("x"), 0, 0), edge(id("a1"), 1, 1), edge(id("a2"), 0, 1), edge(id("y"), 0, 1)] } });
    expect(before.wholeList).toStrictEqual([{ id: id("a1"), seizureCount: 1 }]);
  });

  it("search: both spellings, each a hit", () => {
    expect(before.search).toStrictEqual([
      { id: id("a1"), entity: { id: id("a1"), name: NAMES.a1, aliases: [] } },
      { id: id("a2"), entity: { id: id("a2"), name: NAMES.a2, aliases: [] } },
    ]);
  });

  it("rings: four parties, two links (X with A1, A2 with Y)", () => {
    expect(before.ringGraph).toStrictEqual({ parties: 4, links: 2 });
  });

  it("shared identifiers and timeline: the record's own", () => {
    expect(before.shared).toStrictEqual({ sharedIdentifiers: [{ sharedCount: 1, party: { id: id("x"), name: NAMES.x }, identifiers: [{ id: id("phone-1") }] }] });
    const events = (before.timeline as { timeline: { entity: { id: string } }[] }).timeline.map((event) => event.entity.id);
    expect(events).toStrictEqual([id("shipment-1"), id("seizure-1")]);
  });
});

describe("after the decision: one person", () => {
  it("network: one node for both spellings, with the other name as an alias, and the facts of both", () => {
    expect(nodeIds(after.networkA1)).toStrictEqual([id("a1"), id("phone-1"), id("phone-2"), id("shipment-1"), id("shipment-2")].sort());
    expect(edgeKeys(after.networkA1)).toStrictEqual(
      [`${id("a1")}>HAS_IDENTIFIER>${id("phone-1")}`, `${id("a1")}>HAS_IDENTIFIER>${id("phone-2")}`, `${id("a1")}>PARTY_TO>${id("shipment-1")}`, `${id("a1")}>PARTY_TO>${id("shipment-2")}`].sort(),
    );
    const a = (after.networkA1 as Network).network.nodes.find((node) => node.id === id("a1"))!;
    expect(a.properties.aliases).toStrictEqual([NAMES.a2]);
    // Asked from the other spelling, the same entity, standing as that spelling.
    expect(nodeIds(after.networkA2)).toStrictEqual([id("a2"), id("phone-1"), id("phone-2"), id("shipment-1"), id("shipment-2")].sort());
  });

  it("connections: X and Y meet through the one man, in 4 hops, by his phone 2 or his shipment 2", () => {
    const paths = (after.connections as { connections: { length: number; nodes: { id: string }[]; hops: { from: string; to: string; edge: { source: string; target: string } }[] }[] }).connections;
    expect(paths.map((path) => [path.length, path.nodes.map((node) => node.id)])).toStrictEqual([
      [4, [id("x"), id("phone-1"), id("a1"), id("phone-2"), id("y")]],
      [4, [id("x"), id("phone-1"), id("a1"), id("shipment-2"), id("y")]],
    ]);
    // The hop from the man to phone 2 is A2's relationship, shown on the node standing for both.
    expect(paths[0]!.hops[2]).toMatchObject({ from: id("a1"), to: id("phone-2"), edge: { source: id("a1"), target: id("phone-2") } });
  });

  it("counts: both spellings count the facts of both, each once", () => {
    const counts = { seizureCount: 1, shipmentCount: 2, identifierCount: 2, companyCount: 0 };
    expect(after.countsA1).toStrictEqual({ person: { id: id("a1"), ...counts } });
    expect(after.countsA2).toStrictEqual({ person: { id: id("a2"), ...counts } });
    // A filter on a count reads the cluster's count too (Y has one shipment, X none).
    const listed = (after.list as { persons: { edges: { node: { id: string } }[] } }).persons.edges.map((edge) => edge.node.id);
    expect(listed.sort()).toStrictEqual([id("a1"), id("a2")].sort());
    // Sorted by the cluster's counts: the two spellings now both have the seizure and both shipments.
    expect(after.bySeizures).toStrictEqual({ persons: { edges: [edge(id("x"), 0, 0), edge(id("y"), 0, 1), edge(id("a1"), 1, 2), edge(id("a2"), 1, 2)] } });
    expect(after.byShipments).toStrictEqual({ persons: { edges: [edge(id("x"), 0, 0), edge(id("y"), 0, 1), edge(id("a1"), 1, 2), edge(id("a2"), 1, 2)] } });
    // The whole list counts from the seizures' side, and reaches A2 through the cluster.
    expect(after.wholeList).toStrictEqual([{ id: id("a1"), seizureCount: 1 }, { id: id("a2"), seizureCount: 1 }]);
  });

  it("search: one hit for both spellings, the other name among its aliases", () => {
    expect(after.search).toStrictEqual([{ id: id("a1"), entity: { id: id("a1"), name: NAMES.a1, aliases: [NAMES.a2] } }]);
  });

  it("rings: three parties, the man one of them, linked to both X and Y", () => {
    expect(after.ringGraph).toStrictEqual({ parties: 3, links: 2 });
  });

  it("shared identifiers and timeline: those of both spellings", () => {
    const sharers = (after.shared as { sharedIdentifiers: { party: { id: string } }[] }).sharedIdentifiers.map((sharer) => sharer.party.id);
    expect(sharers.sort()).toStrictEqual([id("x"), id("y")].sort());
    const events = (after.timeline as { timeline: { entity: { id: string } }[] }).timeline.map((event) => event.entity.id);
    expect(events).toStrictEqual([id("shipment-1"), id("seizure-1"), id("shipment-2")]);
  });

  it("resolved: false shows the records as stored, as before the decision", () => {
    for (const key of ["ringGraph", "networkA1", "networkA2", "connections", "shared", "timeline", "search"]) {
      expect(afterUnresolved[key], key).toStrictEqual(before[key]);
    }
  });
});

describe("the resolved view below INVESTIGATOR", () => {
  it("shows an ANALYST the one man under a pseudonym: no name, alias or real id of either spelling", () => {
    const text = JSON.stringify(analystAfter);
    // The answers did reach him: the shortest path between the two shipments runs through him, in
    // 2 hops (the next, through phone 2 and Y, in 4).
    const connections = (analystAfter[2] as { connections: { length: number; nodes: { id: string }[] }[] }).connections;
    expect(connections.map((path) => path.length)).toStrictEqual([2, 4]);
    expect(connections[0]!.nodes[1]!.id).not.toBe(id("a1"));
    for (const secret of [...Object.values(NAMES), id("a1"), id("a2"), id("x"), id("y"), id("phone-1"), id("phone-2"), "+84912000401", "+84912000402"]) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });
});

describe("after the decision is undone", () => {
  it("every answer is exactly what it was before", () => {
    expect(undone).toStrictEqual(before);
  });
});
