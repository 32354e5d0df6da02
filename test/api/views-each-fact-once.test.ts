import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Each fact once in the views: `network` draws one edge per fact (whatever number of source rows
 * state it) with every citation, counts a hub's neighbours rather than its relationships, and
 * `timeline` lists each event once with every citation. This file writes its own small world, with
 * ids of its own and facts stated by two sources and several rows, and checks over real HTTP.
 * Expected values are what this file wrote.
 */
const P = "test-views-each-fact-once-";
const SOURCE_A = `${P}source-a`;
const SOURCE_B = `${P}source-b`;

const id = {
  person: `${P}person`,
  company: `${P}company`,
  shipment: `${P}shipment`,
  seizure: `${P}seizure`,
  phone: `PHONE:${P}1`,
};

type Cite = { sourceId: string; sourceRow: number };
const a = (sourceRow: number): Cite => ({ sourceId: SOURCE_A, sourceRow });
const b = (sourceRow: number): Cite => ({ sourceId: SOURCE_B, sourceRow });
/** Source A row 11 and source B row 22: the two statements of most facts here. */
const TWICE = [a(11), b(22)];

/** The relationships written, each once per statement. */
const FACTS: { from: string; type: string; props: Record<string, unknown>; to: string; cites: Cite[] }[] = [
  // A phone stated in five rows of two sources, with one holder.
  { from: id.person, type: "HAS_IDENTIFIER", props: {}, to: id.phone, cites: [a(1), a(2), a(3), b(4), b(5)] },
  // Two offices in one company, each from both sources.
  { from: id.person, type: "OFFICER_OF", props: { role: "director" }, to: id.company, cites: TWICE },
  { from: id.person, type: "OFFICER_OF", props: { role: "owner" }, to: id.company, cites: [a(44), b(55)] },
  // Shipper from both sources, consignee from one row of source A.
  { from: id.person, type: "PARTY_TO", props: { role: "SHIPPER" }, to: id.shipment, cites: TWICE },
  { from: id.person, type: "PARTY_TO", props: { role: "CONSIGNEE" }, to: id.shipment, cites: [a(33)] },
  { from: id.seizure, type: "INTERCEPTED", props: {}, to: id.shipment, cites: TWICE },
  // One arrest: both sources give the charge, source B also the conviction.
  { from: id.seizure, type: "ARRESTED", props: { charge: "smuggling" }, to: id.person, cites: TWICE },
  { from: id.seizure, type: "ARRESTED", props: { charge: "smuggling", convicted: true, sentence: "4 years" }, to: id.person, cites: [b(66)] },
];

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  const session = api.driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(
        `CREATE (:Source {id: $a, title: "Views source A", kind: "DATASET", reliability: "B"})
         CREATE (:Source {id: $b, title: "Views source B", kind: "REPORT", reliability: "C"})
         CREATE (:Person:Synthetic {id: $id.person, name: "Views Each Fact"})
         CREATE (:Company:Synthetic {id: $id.company, name: "Views Each Fact Ltd", kind: "TRADER", incorporatedOn: date("2019-05-05")})
         CREATE (:Shipment:Synthetic {id: $id.shipment, mode: "SEA", departedOn: date("2020-01-01")})
         CREATE (:Seizure:Synthetic {id: $id.seizure, date: date("2020-02-02")})
         CREATE (:Identifier:Synthetic {id: $id.phone, kind: "PHONE", value: "1"})`,
        { a: SOURCE_A, b: SOURCE_B, id },
      );
      // Every node cited by both sources; source A row 11 twice over.
      await tx.run(
        `MATCH (node) WHERE node.id STARTS WITH $prefix AND NOT node:Source
         MATCH (a:Source {id: $a}), (b:Source {id: $b})
         CREATE (node)-[:SOURCED_FROM {row: 11}]->(a)
         CREATE (node)-[:SOURCED_FROM {row: 11}]->(a)
         CREATE (node)-[:SOURCED_FROM {row: 22}]->(b)`,
        { prefix: P, a: SOURCE_A, b: SOURCE_B },
      );
      await tx.run(`MATCH (phone:Identifier {id: $phone}) MATCH (a:Source {id: $a}) CREATE (phone)-[:SOURCED_FROM {row: 1}]->(a)`, {
        phone: id.phone,
        a: SOURCE_A,
      });
      for (const fact of FACTS) {
        // Relationship types cannot be parameters: these come from the constant table above.
        await tx.run(
          `MATCH (from {id: $from}), (to {id: $to})
           UNWIND $cites AS cite
           CREATE (from)-[rel:${fact.type}]->(to)
           SET rel = $props, rel.sourceId = cite.sourceId, rel.sourceRow = toInteger(cite.sourceRow)`,
          { from: fact.from, to: fact.to, props: fact.props, cites: fact.cites },
        );
      }
    });
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  if (api) {
    await api.driver.executeQuery(`MATCH (node) WHERE node.id STARTS WITH $prefix OR node.id CONTAINS $prefix DETACH DELETE node`, {
      prefix: P,
    });
    await api.close();
  }
});

async function query(text: string, variables: Record<string, unknown> = {}, role: Role = Role.ADMIN) {
  const response = await api.post(text, variables, role);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** Citations as the API gives them (`{ row source { id } }`). */
const cited = (cites: Cite[]) => cites.map(({ sourceId, sourceRow }) => ({ row: sourceRow, source: { id: sourceId } }));

const NETWORK = `query($ids: [ID!]!, $depth: Int, $hubThreshold: Int) {
  network(ids: $ids, depth: $depth, hubThreshold: $hubThreshold) {
    nodeCount edgeCount collapsedHubs truncated
    nodes { id kind neighbourCount }
    edges { id type source target properties citation { row source { id } } citations { row source { id } } }
    csv { edges }
    graphml
  }
}`;

interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  citation: unknown;
  citations: unknown[];
}

describe("network: one edge per fact, with every citation", () => {
  it("a phone stated in five rows, two offices cited twice, two roles and an arrest are one edge each", async () => {
    const network = await query(NETWORK, { ids: [id.person], depth: 2 });
    const person = id.person;
    const expected = [
      // In the edges' order: source, type, target, then seq and role; the first of a triple keeps the bare id.
      { id: `${person}|HAS_IDENTIFIER|${id.phone}`, type: "HAS_IDENTIFIER", source: person, target: id.phone, properties: {}, cites: [a(1), a(2), a(3), b(4), b(5)] },
      { id: `${person}|OFFICER_OF|${id.company}`, type: "OFFICER_OF", source: person, target: id.company, properties: { role: "director" }, cites: TWICE },
      { id: `${person}|OFFICER_OF|${id.company}|1`, type: "OFFICER_OF", source: person, target: id.company, properties: { role: "owner" }, cites: [a(44), b(55)] },
      { id: `${person}|PARTY_TO|${id.shipment}`, type: "PARTY_TO", source: person, target: id.shipment, properties: { role: "CONSIGNEE" }, cites: [a(33)] },
      { id: `${person}|PARTY_TO|${id.shipment}|1`, type: "PARTY_TO", source: person, target: id.shipment, properties: { role: "SHIPPER" }, cites: TWICE },
      // Sources that differ on the outcome state two facts of the arrest, as Person.arrests lists them.
      { id: `${id.seizure}|ARRESTED|${person}`, type: "ARRESTED", source: id.seizure, target: person, properties: { charge: "smuggling" }, cites: TWICE },
      {
        id: `${id.seizure}|ARRESTED|${person}|1`, type: "ARRESTED", source: id.seizure, target: person,
        properties: { charge: "smuggling", convicted: true, sentence: "4 years" }, cites: [b(66)],
      },
      { id: `${id.seizure}|INTERCEPTED|${id.shipment}`, type: "INTERCEPTED", source: id.seizure, target: id.shipment, properties: {}, cites: TWICE },
    ].map(({ cites, ...edge }) => ({ ...edge, citation: cited(cites)[0], citations: cited(cites) }));
    const byKey = (edges: Edge[]) => [...edges].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    expect(byKey(network.network.edges)).toEqual(byKey(expected));
    expect(network.network.edgeCount).toBe(expected.length);
    expect(network.network.nodes.map((node: { id: string }) => node.id)).toEqual([person, id.company, id.phone, id.seizure, id.shipment]);
    expect(network.network.nodes.every((node: { neighbourCount: number | null }) => node.neighbourCount === null)).toBe(true);
  });

  it("exports one edge per fact, with its citations joined as sourceId:row", async () => {
    const { network } = await query(NETWORK, { ids: [id.person], depth: 2 });
    const rows = parse(network.csv.edges, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(network.edgeCount);
    const phone = rows.find((row) => row.Label === "HAS_IDENTIFIER")!;
    expect([phone.sourceId, phone.sourceRow, phone.citations]).toEqual([
      SOURCE_A, "1", `${SOURCE_A}:1;${SOURCE_A}:2;${SOURCE_A}:3;${SOURCE_B}:4;${SOURCE_B}:5`,
    ]);
    expect(network.graphml.match(/<edge /g)).toHaveLength(network.edgeCount);
    expect(network.graphml).toContain(`>${SOURCE_A}:33</data>`);
    expect(network.graphml).toContain(`>${SOURCE_A}:44;${SOURCE_B}:55</data>`);
  });

  it("neighbourCount and the hub test count distinct neighbours, not relationships", async () => {
    // Threshold 1: the phone (five relationships) and the company (four) have one neighbour each, so
    // neither is a hub; the shipment (three party relationships and two interceptions) neighbours the
    // person and the seizure, and the seizure (three arrests and two interceptions) the person and the
    // shipment: two each.
    const { network } = await query(NETWORK, { ids: [id.person], depth: 2, hubThreshold: 1 });
    expect(network.nodes).toEqual([
      { id: id.person, kind: "Person", neighbourCount: null },
      { id: id.company, kind: "Company", neighbourCount: null },
      { id: id.phone, kind: "Identifier", neighbourCount: null },
      { id: id.seizure, kind: "Seizure", neighbourCount: 2 },
      { id: id.shipment, kind: "Shipment", neighbourCount: 2 },
    ]);
    expect(network.collapsedHubs).toEqual([id.seizure, id.shipment]);
    expect(network.truncated).toBe(true);
    // Neither hub was expanded: the interception between them is not drawn.
    expect(network.edges.map((edge: Edge) => edge.type)).not.toContain("INTERCEPTED");
    expect(network.edgeCount).toBe(7);
    // Threshold 2: nothing has more than two neighbours.
    const wider = await query(NETWORK, { ids: [id.person], depth: 2, hubThreshold: 2 });
    expect(wider.network.collapsedHubs).toEqual([]);
    expect(wider.network.edgeCount).toBe(8);
  });

  it("PUBLIC sees each fact once and no citations, in the edges and the exports; ANALYST sees them", async () => {
    const select = `query($ids: [ID!]!) { network(ids: $ids, depth: 1) {
      edgeCount edges { type citation { row } citations { row source { id } } } csv { edges } graphml } }`;
    const shown = await query(select, { ids: [id.seizure] }, Role.PUBLIC);
    expect(shown.network.edges.map((edge: Edge) => edge.type).sort()).toEqual(["ARRESTED", "ARRESTED", "INTERCEPTED"]);
    expect(shown.network.edges.every((edge: Edge) => edge.citation === null && edge.citations.length === 0)).toBe(true);
    const rows = parse(shown.network.csv.edges, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.sourceId, row.sourceRow, row.citations])).toEqual([["", "", ""], ["", "", ""], ["", "", ""]]);
    // Nowhere in the answer, exports included.
    expect(JSON.stringify(shown)).not.toContain(SOURCE_A);
    expect(JSON.stringify(shown)).not.toContain(SOURCE_B);

    const analyst = await query(select, { ids: [id.seizure] }, Role.ANALYST);
    const intercepted = analyst.network.edges.find((edge: Edge) => edge.type === "INTERCEPTED");
    expect(intercepted.citations).toEqual(cited(TWICE));
  });
});

const TIMELINE = `query($id: ID!, $first: Int) {
  timeline(id: $id, first: $first) {
    date kind entity { id } roles role detail
    citation { row source { id } }
    citations { row source { id } }
  }
}`;

/** An expected event, its citations in the API's shape and `role`/`citation` the first of theirs. */
const event = (date: string, kind: string, entity: string, roles: string[], detail: string | null, cites: Cite[]) => ({
  date, kind, entity: { id: entity }, roles, role: roles[0] ?? null, detail, citation: cited(cites)[0] ?? null, citations: cited(cites),
});

describe("timeline: each event once, with every citation", () => {
  // By source id, then row: A before B.
  const personEvents = [
    // Two offices: one incorporation, both offices, all four statements.
    event("2019-05-05", "COMPANY_INCORPORATED", id.company, ["director", "owner"], null, [a(11), a(44), b(22), b(55)]),
    // Shipper and consignee: one departure with both roles, cited by the party statements.
    event("2020-01-01", "SHIPMENT_DEPARTED", id.shipment, ["CONSIGNEE", "SHIPPER"], null, [a(11), a(33), b(22)]),
    // Reached through three party statements and two interceptions: one seizure, cited by the interceptions.
    event("2020-02-02", "SEIZURE", id.seizure, ["CONSIGNEE", "SHIPPER"], null, TWICE),
    // One arrest on one charge, whichever source adds the outcome; the conviction from source B alone.
    event("2020-02-02", "ARREST", id.seizure, [], "smuggling", [a(11), b(22), b(66)]),
    event("2020-02-02", "CONVICTION", id.seizure, [], "4 years", [b(66)]),
  ];

  it("a person: each event once, roles gathered, every source row cited", async () => {
    const { timeline } = await query(TIMELINE, { id: id.person, first: 500 });
    expect(timeline).toEqual(personEvents);
  });

  it("`first` counts distinct events", async () => {
    const { timeline } = await query(TIMELINE, { id: id.person, first: 3 });
    expect(timeline).toEqual(personEvents.slice(0, 3));
  });

  it("a shipment: its own source rows once each, the arrest and conviction of the person", async () => {
    const { timeline } = await query(TIMELINE, { id: id.shipment, first: 500 });
    expect(timeline).toEqual([
      // The shipment's own rows: source A row 11 was written twice.
      event("2020-01-01", "SHIPMENT_DEPARTED", id.shipment, [], null, TWICE),
      event("2020-02-02", "SEIZURE", id.seizure, [], null, TWICE),
      event("2020-02-02", "ARREST", id.person, [], "smuggling", [a(11), b(22), b(66)]),
      event("2020-02-02", "CONVICTION", id.person, [], "4 years", [b(66)]),
    ]);
  });

  it("a company: its incorporation once, with its own source rows", async () => {
    const { timeline } = await query(TIMELINE, { id: id.company, first: 500 });
    expect(timeline).toEqual([event("2019-05-05", "COMPANY_INCORPORATED", id.company, [], null, TWICE)]);
  });
});
