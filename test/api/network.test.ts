import { readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { queryFiles } from "../../src/db/cypher-registry.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { COUNTRIES_FILE, readCsv } from "../import/helpers/import-context.js";

/**
 * `network` over a generated network. The expected neighbourhood is computed here, by a plain
 * breadth-first search over the generator's CSV rows (and the countries file the world imports),
 * with the rules the field documents: hubs (more distinct neighbours than the threshold) shown but
 * not expanded, the time window, the source grades, the limit cut in (distance, kind, id) order, and
 * one edge per fact (rows stating the same relationship with the same role, stop or charge are one).
 */
let api: TestApi;
let world: GeneratedWorld;
let graph: ExpectedGraph;

const ALL_TYPES = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom);

const QUERY = `query($ids: [ID!]!, $depth: Int, $types: [RelationshipType!], $from: LocalDate, $to: LocalDate,
                     $minReliability: Reliability, $hubThreshold: Int, $limit: Int, $referenceKinds: [EntityKind!]) {
  network(ids: $ids, depth: $depth, types: $types, from: $from, to: $to, minReliability: $minReliability,
          hubThreshold: $hubThreshold, limit: $limit, referenceKinds: $referenceKinds) {
    nodeCount edgeCount truncated collapsedHubs
    nodes { id kind label synthetic neighbourCount properties }
    edges { id type source target properties }
  }
}`;

beforeAll(async () => {
  [api, world] = await Promise.all([startTestApi(), importGeneratedWorld("network", { seed: "network", shipments: 300 })]);
  graph = expectedGraph(world);
}, 180_000);

afterAll(async () => {
  await world?.remove();
  await api?.close();
});

// ---------------------------------------------------------------------------------------------
// The graph as the generator's files describe it, in graph ids.

interface Rel {
  type: RelType;
  source: string;
  target: string;
  /** The reliability of the Source of the mapping that makes it. */
  grade: string;
  /** The values of the properties that tell two facts of the type apart (a stop's seq and role, a party's role, ...). */
  fact: string;
}

interface ExpectedGraph {
  kind: Map<string, NodeLabel>;
  /** Seizure dates and shipment departures. */
  date: Map<string, string>;
  rels: Rel[];
  incident: Map<string, Rel[]>;
}

function expectedGraph(w: GeneratedWorld): ExpectedGraph {
  const rows = w.network.rows;
  const id = w.id;
  const kind = new Map<string, NodeLabel>();
  const date = new Map<string, string>();
  const rels: Rel[] = [];
  // Generated rows come from the generated Source (F); places and countries from reference sources (B).
  const rel = (type: RelType, source: string, target: string, grade = "F", fact = "") =>
    rels.push({ type, source: id(source), target: id(target), grade, fact });
  const set = (table: Record<string, string>[], label: NodeLabel) => table.forEach((row) => kind.set(id(row.id), label));

  const countries = readCsv(COUNTRIES_FILE);
  const iso2 = new Map(countries.map((row) => [row.cca3, row.cca2]));
  for (const row of countries) kind.set(id(row.cca2), NodeLabel.Country);
  const borders = new Set<string>();
  for (const row of countries) {
    for (const code of row.borders_cca3.split(",").filter(Boolean)) {
      const other = iso2.get(code);
      if (!other) continue;
      const [a, b] = [row.cca2, other].sort();
      if (!borders.has(`${a}|${b}`)) {
        borders.add(`${a}|${b}`);
        rel(RelType.Borders, a, b, "B");
      }
    }
  }
  set(rows.places, NodeLabel.Place);
  set(rows.species, NodeLabel.Species);
  set(rows.persons, NodeLabel.Person);
  set(rows.companies, NodeLabel.Company);
  set(rows.identifiers, NodeLabel.Identifier);
  set(rows.carriers, NodeLabel.Carrier);
  set(rows.shipments, NodeLabel.Shipment);
  set(rows.commodityLines, NodeLabel.CommodityLine);
  set(rows.seizures, NodeLabel.Seizure);

  for (const row of rows.places) rel(RelType.InCountry, row.id, row.countryId, "B");
  for (const row of rows.persons) rel(RelType.NationalOf, row.id, row.nationalityId);
  for (const row of rows.companies) rel(RelType.RegisteredIn, row.id, row.countryId);
  for (const row of rows.identifierHolders) rel(RelType.HasIdentifier, row.holderId, row.identifierId);
  for (const row of rows.officers) rel(RelType.OfficerOf, row.personId, row.companyId, "F", row.role);
  for (const row of rows.shipments) {
    date.set(id(row.id), row.departedOn);
    if (row.carrierId) rel(RelType.CarriedBy, row.id, row.carrierId);
  }
  for (const row of rows.routeStops) rel(RelType.StopsAt, row.shipmentId, row.placeId || row.countryId, "F", `${row.seq}|${row.role}`);
  for (const row of rows.parties) rel(RelType.PartyTo, row.partyId, row.shipmentId, "F", row.role);
  for (const row of rows.seizures) {
    date.set(id(row.id), row.date);
    rel(RelType.Intercepted, row.id, row.shipmentId);
    rel(RelType.SeizedIn, row.id, row.countryId);
    if (row.placeId) rel(RelType.SeizedAt, row.id, row.placeId);
  }
  for (const row of rows.commodityLines) {
    rel(RelType.Carried, row.shipmentId, row.id);
    if (row.seizureId) rel(RelType.Recovered, row.seizureId, row.id);
    rel(RelType.OfSpecies, row.id, row.speciesId);
  }
  for (const row of rows.arrests) rel(RelType.Arrested, row.seizureId, row.personId, "F", `${row.charge || ""}|${row.sentence || ""}`);

  const incident = new Map<string, Rel[]>();
  for (const r of rels) {
    for (const end of [r.source, r.target]) {
      if (!incident.has(end)) incident.set(end, []);
      incident.get(end)!.push(r);
    }
  }
  return { kind, date, rels, incident };
}

interface Options {
  depth: number;
  types?: RelType[];
  from?: string;
  to?: string;
  minReliability?: string;
  hubThreshold?: number;
  limit?: number;
  /** Kinds drawn but not expanded through, seeds apart (the field's default: places and countries). */
  referenceKinds?: NodeLabel[];
}

interface ExpectedNetwork {
  /** Ids in (distance, kind, id) order. */
  nodes: string[];
  hubs: Map<string, number>;
  collapsedHubs: string[];
  edges: string[];
  truncated: boolean;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const other = (r: Rel, end: string) => (r.source === end ? r.target : r.source);
/** BORDERS is stored once per pair; compare it without its direction. */
const triple = (type: string, source: string, target: string) =>
  type === RelType.Borders ? `${[source, target].sort().join("|")}|${type}` : `${source}|${type}|${target}`;

function expectedNetwork(g: ExpectedGraph, seeds: string[], options: Options): ExpectedNetwork {
  const types = new Set(options.types ?? ALL_TYPES);
  const threshold = options.hubThreshold ?? 50;
  const limit = options.limit ?? 500;
  const reference = new Set<string>(options.referenceKinds ?? [NodeLabel.Place, NodeLabel.Country]);
  const followed = (node: string) => (g.incident.get(node) ?? []).filter((r) => types.has(r.type));
  const neighbours = (node: string) => new Set(followed(node).map((r) => other(r, node))).size;
  const passes = (r: Rel) => !options.minReliability || r.grade <= options.minReliability;
  const inWindow = (node: string) => {
    const date = g.date.get(node);
    return !date || ((!options.from || date >= options.from) && (!options.to || date <= options.to));
  };
  const distance = new Map<string, number>(seeds.map((seed) => [seed, 0]));
  const hubs = new Map<string, number>();
  const expanded = new Set<string>();
  let truncated = false;
  let frontier = [...seeds];
  for (let level = 1; level <= options.depth && frontier.length > 0; level++) {
    const found = new Set<string>();
    for (const node of frontier) {
      expanded.add(node);
      for (const r of followed(node).filter(passes)) {
        const next = other(r, node);
        if (!distance.has(next) && inWindow(next)) found.add(next);
      }
    }
    let added = [...found].sort((a, b) => compare(g.kind.get(a)!, g.kind.get(b)!) || compare(a, b));
    if (distance.size + added.length > limit) {
      added = added.slice(0, limit - distance.size);
      truncated = true;
    }
    for (const node of added) {
      distance.set(node, level);
      const count = neighbours(node);
      if (count > threshold) hubs.set(node, count);
    }
    frontier = truncated ? [] : added.filter((node) => !hubs.has(node) && !reference.has(g.kind.get(node)!));
  }
  const nodes = [...distance.keys()].sort(
    (a, b) => distance.get(a)! - distance.get(b)! || compare(g.kind.get(a)!, g.kind.get(b)!) || compare(a, b),
  );
  // One edge per fact: the rows stating one relationship with the same distinguishing values are one.
  const facts = new Map<string, Rel>();
  for (const r of g.rels) {
    if (!(types.has(r.type) && passes(r) && distance.has(r.source) && distance.has(r.target))) continue;
    if (!((expanded.has(r.source) && inWindow(r.target)) || (expanded.has(r.target) && inWindow(r.source)))) continue;
    facts.set(`${triple(r.type, r.source, r.target)}|${r.fact}`, r);
  }
  const edges = [...facts.values()].map((r) => triple(r.type, r.source, r.target)).sort();
  const collapsedHubs = nodes.filter((node) => hubs.has(node) && distance.get(node)! < options.depth);
  return { nodes, hubs, collapsedHubs, edges, truncated: truncated || collapsedHubs.length > 0 };
}

// ---------------------------------------------------------------------------------------------

async function network(ids: string[], options: Options) {
  const response = await api.post(QUERY, { ids, ...options });
  expect(response.errors).toBeUndefined();
  return response.data!.network as {
    nodeCount: number;
    edgeCount: number;
    truncated: boolean;
    collapsedHubs: string[];
    nodes: { id: string; kind: string; label: string; synthetic: boolean; neighbourCount: number | null; properties: Record<string, unknown> }[];
    edges: { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
  };
}

/** Asserts that the API's network is the expected one, node for node (in order) and edge for edge. */
async function expectNetwork(ids: string[], options: Options) {
  const expected = expectedNetwork(graph, ids, options);
  const actual = await network(ids, options);
  expect(actual.nodes.map((node) => node.id)).toEqual(expected.nodes);
  expect(actual.nodes.every((node) => node.id.startsWith(world.prefix))).toBe(true);
  for (const node of actual.nodes) {
    expect(node.kind, node.id).toBe(graph.kind.get(node.id));
    expect(node.neighbourCount, node.id).toBe(expected.hubs.get(node.id) ?? null);
  }
  expect(actual.edges.map((edge) => triple((edge.type as RelType), edge.source, edge.target)).sort()).toEqual(expected.edges);
  expect(actual.collapsedHubs).toEqual(expected.collapsedHubs);
  expect(actual.truncated).toBe(expected.truncated);
  expect([actual.nodeCount, actual.edgeCount]).toEqual([expected.nodes.length, expected.edges.length]);
  return { actual, expected };
}

/** A ring's organiser: a person at the heart of a dense neighbourhood. */
function ringMember(): string {
  const ring = world.network.truth.rings[0];
  const organiser = ring.members.find((member) => member.role === "ORGANISER") ?? ring.members[0];
  return world.id(organiser.id);
}

describe("network over a generated world", () => {
  it("at depth 2 from a ring member is the breadth-first neighbourhood of the files", async () => {
    const { actual, expected } = await expectNetwork([ringMember()], { depth: 2, limit: 2000 });
    expect(expected.nodes.length).toBeGreaterThan(20);
    expect(actual.nodes[0]).toMatchObject({ id: ringMember(), kind: "Person", synthetic: true, neighbourCount: null });
    // Edges come in factEdges order: by source, type, target.
    const keys = actual.edges.map((edge) => [edge.source, edge.type, edge.target]);
    expect(keys).toEqual([...keys].sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]) || compare(a[2], b[2])));
    expect(new Set(actual.edges.map((edge) => edge.id)).size).toBe(actual.edges.length);
  });

  it("shows a busy port once, with its true neighbour count, without expanding it", async () => {
    const port = world.id(world.network.truth.hubs.places[0].id);
    const shipment = world.network.rows.routeStops.find((row) => world.id(row.placeId) === port)!.shipmentId;
    // A port is a hub in a network of millions; in this small one a low threshold makes it one. Its
    // count is of distinct neighbours: a shipment stopping there twice (out and back) counts once.
    const incident = graph.incident.get(port)!;
    const neighbours = new Set(incident.map((r) => other(r, port))).size;
    expect(neighbours).toBeGreaterThan(20);
    const { actual } = await expectNetwork([world.id(shipment)], { depth: 2, hubThreshold: 20 });
    expect(actual.nodes.find((node) => node.id === port)).toMatchObject({ kind: "Place", neighbourCount: neighbours });
    expect(actual.collapsedHubs).toContain(port);
    expect(actual.truncated).toBe(true);
    // Only the edges that reached the port are drawn: those from the seed.
    const portEdges = actual.edges.filter((edge) => edge.source === port || edge.target === port);
    expect(portEdges.every((edge) => edge.source === world.id(shipment))).toBe(true);
  });

  it("expands a seed whatever its degree", async () => {
    const species = world.id(world.network.truth.hubs.species[0].id);
    const { actual } = await expectNetwork([species], { depth: 1 });
    expect(actual.nodes[0]).toMatchObject({ id: species, neighbourCount: null });
    expect(actual.nodeCount).toBe(1 + world.network.truth.hubs.species[0].lines);
  });

  it("at depth 3 draws the ports a ring member's shipments stop at without expanding them into their shipments", async () => {
    const seed = ringMember();
    const { actual } = await expectNetwork([seed], { depth: 3, limit: 2000 });
    const placesOf = (shipment: string) => world.network.rows.routeStops.filter((row) => world.id(row.shipmentId) === shipment && row.placeId).map((row) => world.id(row.placeId));
    // The seed's own shipments, read from the generator's party rows.
    const own = new Set(world.network.rows.parties.filter((row) => world.id(row.partyId) === seed).map((row) => world.id(row.shipmentId)));
    const ports = new Set([...own].flatMap(placesOf));
    expect(ports.size).toBeGreaterThan(0);
    const drawn = new Set(actual.nodes.map((node) => node.id));
    for (const port of ports) expect(drawn.has(port), port).toBe(true);
    // No edge leaves a place or a country towards a node the seed reaches only through it.
    const kinds = new Map(actual.nodes.map((node) => [node.id, node.kind]));
    const reference = (id: string) => kinds.get(id) === "Place" || kinds.get(id) === "Country";
    expect(actual.edges.filter((edge) => reference(edge.source) && reference(edge.target))).toEqual([]);
    // Asked for explicitly, the old behaviour expands them: a larger network with other parties' shipments.
    const { actual: through } = await expectNetwork([seed], { depth: 3, limit: 2000, referenceKinds: [] });
    expect(through.nodeCount).toBeGreaterThan(actual.nodeCount);
    const strangers = through.nodes.filter((node) => node.kind === "Shipment" && !drawn.has(node.id));
    expect(strangers.length).toBeGreaterThan(0);
    expect(strangers.some((node) => placesOf(node.id).some((place) => ports.has(place)))).toBe(true);
  });

  it("expands a place given as a seed", async () => {
    const port = world.id(world.network.truth.hubs.places[0].id);
    const { actual } = await expectNetwork([port], { depth: 2, hubThreshold: 10_000 });
    expect(actual.nodes.filter((node) => node.kind === "Shipment").length).toBeGreaterThan(0);
  });

  it("follows only the types named", async () => {
    const types = [RelType.HasIdentifier, RelType.OfficerOf, RelType.PartyTo];
    const { actual } = await expectNetwork([ringMember()], { depth: 3, types, limit: 2000 });
    expect(new Set(actual.edges.map((edge) => (edge.type as RelType)))).toEqual(new Set(types));
  });

  it("leaves out seizures and shipments dated outside the window, and does not cross them", async () => {
    const { actual } = await expectNetwork([ringMember()], { depth: 3, from: "2019-01-01", to: "2021-12-31", limit: 2000 });
    for (const node of actual.nodes) {
      const date = (node.properties.date ?? node.properties.departedOn) as string | undefined;
      if (date) expect(date >= "2019-01-01" && date <= "2021-12-31", node.id).toBe(true);
    }
  });

  it("leaves out relationships from sources graded worse than minReliability", async () => {
    const port = world.id(world.network.truth.hubs.places[0].id);
    const { actual } = await expectNetwork([port], { depth: 2, minReliability: "C", hubThreshold: 10_000 });
    const types = new Set(actual.edges.map((edge) => (edge.type as RelType)));
    expect(types.has(RelType.InCountry)).toBe(true);
    expect([...types].every((type) => type === RelType.InCountry || type === RelType.Borders)).toBe(true);
  });

  it("cuts at the limit in (distance, kind, id) order and says so", async () => {
    const { actual } = await expectNetwork([ringMember()], { depth: 2, limit: 25 });
    expect(actual.nodeCount).toBe(25);
    expect(actual.truncated).toBe(true);
  });

  it("answers the same network, in the same order, every time", async () => {
    const first = await network([ringMember()], { depth: 2 });
    const second = await network([ringMember()], { depth: 2 });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("takes several seeds and costs at most one round trip per level", async () => {
    const members = world.network.truth.rings[1].members.slice(0, 3).map((member) => world.id(member.id));
    api.resetQueries();
    await expectNetwork(members, { depth: 3, limit: 2000 });
    expect(api.queries.length).toBeLessThanOrEqual(3);
    // Citations add one batched lookup of the sources, however many edges there are. (Limit 500: the
    // cost estimate counts 10 citations an edge, so 2,000 edges' citations are over the default budget.)
    api.resetQueries();
    const response = await api.post(`query($ids: [ID!]!) { network(ids: $ids, depth: 3, limit: 500) { edges { citations { row source { id reliability } } } } }`, {
      ids: members,
    });
    expect(response.errors).toBeUndefined();
    for (const edge of response.data!.network.edges) {
      expect(edge.citations.length).toBeGreaterThan(0);
      for (const citation of edge.citations) {
        expect(citation.source.id.startsWith(world.prefix)).toBe(true);
        expect(["B", "F"]).toContain(citation.source.reliability);
      }
    }
    expect(api.queries.length).toBeLessThanOrEqual(4);
  });

  it("exports the same network as GraphML and CSV", async () => {
    const response = await api.post(`query($ids: [ID!]!) { network(ids: $ids, depth: 2) { nodeCount edgeCount nodes { id } graphml csv { nodes edges } } }`, {
      ids: [ringMember()],
    });
    expect(response.errors).toBeUndefined();
    const { nodeCount, edgeCount, nodes, graphml, csv } = response.data!.network;
    expect(XMLValidator.validate(graphml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name, _p, _l, attribute) => !attribute && (name === "node" || name === "edge") }).parse(graphml);
    expect(parsed.graphml.graph.node.map((node: { id: string }) => node.id)).toEqual(nodes.map((node: { id: string }) => node.id));
    expect(parsed.graphml.graph.edge).toHaveLength(edgeCount);
    expect(parse(csv.nodes, { columns: true })).toHaveLength(nodeCount);
    expect(parse(csv.edges, { columns: true })).toHaveLength(edgeCount);
  });
});

describe("network query file", () => {
  it("counts a hub's degree over every followed type (one degree-store count per type)", async () => {
    const text = await readFile(path.join(projectRoot, "cypher", "queries", `${queryFiles.networkExpand}.cypher`), "utf8");
    const counted = [...text.matchAll(/CASE WHEN '([A-Z_]+)' IN \$types THEN COUNT \{ \(other\)-\[:([A-Z_]+)\]-\(\) \}/g)];
    expect(counted.every(([, named, walked]) => named === walked)).toBe(true);
    expect(counted.map(([, type]) => type).sort()).toEqual([...ALL_TYPES].sort());
  });

  it("looks a node up under every label but Source", async () => {
    const text = await readFile(path.join(projectRoot, "cypher", "queries", `${queryFiles.networkExpand}.cypher`), "utf8");
    const branches = [...text.matchAll(/MATCH \(node:(\w+) \{id: entry\.id\}\) WHERE entry\.kind IS NULL OR entry\.kind = '(\w+)' RETURN node/g)];
    expect(branches.every(([, label, kind]) => label === kind)).toBe(true);
    expect(branches.map(([, label]) => label).sort()).toEqual(Object.values(NodeLabel).filter((label) => label !== NodeLabel.Source).sort());
  });
});

describe("network arguments", () => {
  const errorOf = async (variables: Record<string, unknown>) => {
    const response = await api.post(QUERY, variables);
    expect(response.data ?? null).toBeNull();
    return response.errors![0].extensions;
  };

  it("answers NOT_FOUND for an unknown id", async () => {
    expect(await errorOf({ ids: [ringMember(), world.id("no-such-entity")] })).toEqual({ code: "NOT_FOUND", argument: "ids" });
  });

  it.each([
    { name: "depth 0", variables: { depth: 0 }, argument: "depth" },
    { name: "depth 4", variables: { depth: 4 }, argument: "depth" },
    { name: "SOURCED_FROM in types", variables: { types: ["PARTY_TO", "SOURCED_FROM"] }, argument: "types" },
    { name: "no types", variables: { types: [] }, argument: "types" },
    { name: "a window ending before it starts", variables: { from: "2020-01-01", to: "2019-01-01" }, argument: "to" },
    { name: "limit 0", variables: { limit: 0 }, argument: "limit" },
    { name: "limit 2001", variables: { limit: 2001 }, argument: "limit" },
    { name: "hubThreshold 0", variables: { hubThreshold: 0 }, argument: "hubThreshold" },
  ])("answers BAD_USER_INPUT for $name", async ({ variables, argument }) => {
    expect(await errorOf({ ids: [ringMember()], ...variables })).toEqual({ code: "BAD_USER_INPUT", argument });
  });

  it("answers BAD_USER_INPUT for no ids or more than 20", async () => {
    expect(await errorOf({ ids: [] })).toEqual({ code: "BAD_USER_INPUT", argument: "ids" });
    const many = Array.from({ length: 21 }, (_, index) => world.id(`gen-network-person-${index + 1}`));
    expect(await errorOf({ ids: many })).toEqual({ code: "BAD_USER_INPUT", argument: "ids" });
  });

  it("answers BAD_USER_INPUT for a limit below the number of ids", async () => {
    const members = world.network.truth.rings[0].members.slice(0, 3).map((member) => world.id(member.id));
    expect(await errorOf({ ids: members, limit: 2 })).toEqual({ code: "BAD_USER_INPUT", argument: "limit" });
  });
});
