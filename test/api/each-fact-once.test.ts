import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Each fact once: the import writes a relationship once per source row that states it, so one fact
 * from two sources is two parallel relationships. This file writes such facts itself, with ids of its
 * own (and Nauru, a country no other test uses), and checks over real HTTP that every list shows
 * each fact once with both its sources, that every totalCount is the length of its list, and that
 * relationship properties that do tell facts apart (a route's stop order, a party's role, an office)
 * still do. Expected values are what this file wrote.
 */
const P = "test-each-fact-once-";
const COUNTRY = "NR";
const SOURCE_A = `${P}source-a`;
const SOURCE_B = `${P}source-b`;
/** The two statements of every fact written twice: source A row 11, source B row 22. */
const TWICE = [
  { sourceId: SOURCE_A, sourceRow: 11 },
  { sourceId: SOURCE_B, sourceRow: 22 },
];
const TWO_CITATIONS = [
  { row: 11, source: { id: SOURCE_A } },
  { row: 22, source: { id: SOURCE_B } },
];

const id = {
  person: `${P}person`,
  company: `${P}company`,
  seizure1: `${P}seizure-1`,
  seizure2: `${P}seizure-2`,
  shipment1: `${P}shipment-1`,
  shipment2: `${P}shipment-2`,
  line: `${P}line`,
  species: `${P}species`,
  carrier: `${P}carrier`,
  port: `${P}port`,
  identifier1: `EMAIL:${P}1@example.invalid`,
  identifier2: `EMAIL:${P}2@example.invalid`,
  identifier3: `PHONE:${P}3`,
};

/** The relationships written, each as (from, type, properties, to, statements). */
const FACTS: { from: string; type: string; props: Record<string, unknown>; to: string; cites: typeof TWICE }[] = [
  // A person with three identifiers, each cited twice; the third held through five rows.
  { from: id.person, type: "HAS_IDENTIFIER", props: {}, to: id.identifier1, cites: TWICE },
  { from: id.person, type: "HAS_IDENTIFIER", props: {}, to: id.identifier2, cites: TWICE },
  {
    from: id.person,
    type: "HAS_IDENTIFIER",
    props: {},
    to: id.identifier3,
    cites: [1, 2, 3].map((row) => ({ sourceId: SOURCE_A, sourceRow: row })).concat(
      [4, 5].map((row) => ({ sourceId: SOURCE_B, sourceRow: row })),
    ),
  },
  { from: id.company, type: "HAS_IDENTIFIER", props: {}, to: id.identifier1, cites: TWICE },
  // Two seizures in Nauru at the test's port, the first with its shipment, goods and arrest.
  { from: id.seizure1, type: "SEIZED_IN", props: {}, to: COUNTRY, cites: TWICE },
  { from: id.seizure2, type: "SEIZED_IN", props: {}, to: COUNTRY, cites: TWICE },
  { from: id.seizure1, type: "SEIZED_AT", props: {}, to: id.port, cites: TWICE },
  { from: id.seizure2, type: "SEIZED_AT", props: {}, to: id.port, cites: TWICE },
  { from: id.seizure1, type: "INTERCEPTED", props: {}, to: id.shipment1, cites: TWICE },
  { from: id.seizure1, type: "RECOVERED", props: {}, to: id.line, cites: TWICE },
  { from: id.seizure1, type: "ARRESTED", props: { charge: "smuggling" }, to: id.person, cites: TWICE },
  { from: id.shipment1, type: "CARRIED", props: {}, to: id.line, cites: TWICE },
  { from: id.shipment1, type: "CARRIED_BY", props: {}, to: id.carrier, cites: TWICE },
  { from: id.line, type: "OF_SPECIES", props: {}, to: id.species, cites: TWICE },
  // A route port; Nauru; port: the port twice, at two positions.
  { from: id.shipment1, type: "STOPS_AT", props: { seq: 0, role: "ORIGIN" }, to: id.port, cites: TWICE },
  { from: id.shipment1, type: "STOPS_AT", props: { seq: 1, role: "TRANSIT" }, to: COUNTRY, cites: TWICE },
  { from: id.shipment1, type: "STOPS_AT", props: { seq: 2, role: "DESTINATION" }, to: id.port, cites: TWICE },
  { from: id.shipment2, type: "STOPS_AT", props: { seq: 0, role: "ORIGIN" }, to: COUNTRY, cites: TWICE },
  { from: id.shipment2, type: "STOPS_AT", props: { seq: 1, role: "DESTINATION" }, to: id.port, cites: TWICE },
  // The person is shipper (two sources) and consignee (one) of one shipment; the company consignee.
  { from: id.person, type: "PARTY_TO", props: { role: "SHIPPER" }, to: id.shipment1, cites: TWICE },
  { from: id.person, type: "PARTY_TO", props: { role: "CONSIGNEE" }, to: id.shipment1, cites: [{ sourceId: SOURCE_A, sourceRow: 33 }] },
  { from: id.company, type: "PARTY_TO", props: { role: "CONSIGNEE" }, to: id.shipment1, cites: TWICE },
  // Two offices of the person in the company, each cited twice.
  { from: id.person, type: "OFFICER_OF", props: { role: "director" }, to: id.company, cites: TWICE },
  { from: id.person, type: "OFFICER_OF", props: { role: "owner" }, to: id.company, cites: TWICE },
  { from: id.person, type: "NATIONAL_OF", props: {}, to: COUNTRY, cites: TWICE },
  { from: id.company, type: "REGISTERED_IN", props: {}, to: COUNTRY, cites: TWICE },
  { from: id.port, type: "IN_COUNTRY", props: {}, to: COUNTRY, cites: TWICE },
];

let api: TestApi;
let createdCountry = false;

beforeAll(async () => {
  api = await startTestApi();
  const session = api.driver.session();
  try {
    await session.executeWrite(async (tx) => {
      const country = await tx.run(
        `MERGE (c:Country {id: $country}) ON CREATE SET c.name = "Nauru", c.iso3 = "NRU", c.createdBy = $marker
         RETURN c.createdBy = $marker AS created`,
        { country: COUNTRY, marker: P },
      );
      createdCountry = country.records[0].get("created") === true;
      await tx.run(
        `CREATE (:Source {id: $a, title: "Each-fact-once source A", kind: "DATASET", reliability: "B"})
         CREATE (:Source {id: $b, title: "Each-fact-once source B", kind: "REPORT", reliability: "C"})
         CREATE (:Person:Synthetic {id: $id.person, name: "Each Fact Once"})
         CREATE (:Company:Synthetic {id: $id.company, name: "Each Fact Once Ltd", kind: "TRADER"})
         CREATE (:Seizure:Synthetic {id: $id.seizure1, date: date("2020-02-02")})
         CREATE (:Seizure:Synthetic {id: $id.seizure2, date: date("2020-03-03")})
         CREATE (:Shipment:Synthetic {id: $id.shipment1, mode: "SEA"})
         CREATE (:Shipment:Synthetic {id: $id.shipment2, mode: "AIR"})
         CREATE (:CommodityLine:Synthetic {id: $id.line, product: "SCALES"})
         CREATE (:Species {id: $id.species, scientificName: "Manis eachfactonce", name: "Manis eachfactonce"})
         CREATE (:Carrier:Synthetic {id: $id.carrier, name: "Each Fact Once Lines", kind: "SHIPPING_LINE"})
         CREATE (:Place:Synthetic {id: $id.port, name: "Each Fact Once port", kind: "SEAPORT"})
         CREATE (:Identifier:Synthetic {id: $id.identifier1, kind: "EMAIL", value: "1"})
         CREATE (:Identifier:Synthetic {id: $id.identifier2, kind: "EMAIL", value: "2"})
         CREATE (:Identifier:Synthetic {id: $id.identifier3, kind: "PHONE", value: "3"})`,
        { a: SOURCE_A, b: SOURCE_B, id },
      );
      // Every node of the test's own cited by both sources; the person's source A twice over.
      await tx.run(
        `MATCH (node) WHERE node.id STARTS WITH $prefix AND NOT node:Source
         MATCH (a:Source {id: $a}), (b:Source {id: $b})
         CREATE (node)-[:SOURCED_FROM {row: 11}]->(a)
         CREATE (node)-[:SOURCED_FROM {row: 22}]->(b)
         WITH node, a WHERE node:Person
         CREATE (node)-[:SOURCED_FROM {row: 11}]->(a)`,
        { prefix: P, a: SOURCE_A, b: SOURCE_B },
      );
      for (const fact of FACTS) {
        // Relationship types cannot be parameters: these come from the constant table above.
        await tx.run(
          `MATCH (from {id: $from}), (to {id: $to})
           UNWIND $cites AS cite
           CREATE (from)-[rel:${fact.type}]->(to)
           SET rel = $props, rel.sourceId = cite.sourceId, rel.sourceRow = toInteger(cite.sourceRow)
           SET rel.seq = CASE WHEN $props.seq IS NULL THEN null ELSE toInteger($props.seq) END`,
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
    await api.driver.executeQuery(
      `MATCH (node) WHERE node.id STARTS WITH $prefix OR node.id CONTAINS $prefix DETACH DELETE node`,
      { prefix: P },
    );
    if (createdCountry) {
      await api.driver.executeQuery(`MATCH (c:Country {id: $country, createdBy: $marker}) DETACH DELETE c`, {
        country: COUNTRY,
        marker: P,
      });
    }
    await api.close();
  }
});

async function query(text: string, variables: Record<string, unknown> = {}) {
  const response = await api.post(text, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const nodeIds = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

/** Every connection of a response (an object with `edges` and `totalCount`), wherever it sits. */
function connectionsIn(value: unknown, path = "data"): { path: string; totalCount: number; ids: string[] }[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => connectionsIn(item, `${path}[${index}]`));
  const object = value as Record<string, unknown>;
  const own =
    Array.isArray(object.edges) && typeof object.totalCount === "number"
      ? [{ path, totalCount: object.totalCount, ids: nodeIds(object as { edges: { node: { id: string } }[] }) }]
      : [];
  return own.concat(Object.entries(object).flatMap(([key, inner]) => connectionsIn(inner, `${path}.${key}`)));
}

describe("relationship fields list each fact once, with every source", () => {
  it("a seizure: its country, place, shipment, goods and arrest once each", async () => {
    const data = await query(
      `query($s: ID!) {
        seizure(id: $s) {
          country { code }
          place { id }
          shipments { id seizures { id } }
          commodities { id seizure { id } shipment { id } species { id } }
          arrests { person { id } seizure { id } charge citation { row source { id } } citations { row source { id } } }
          sources { row source { id } }
        }
      }`,
      { s: id.seizure1 },
    );
    const seizure = data.seizure;
    expect(seizure.country).toEqual({ code: COUNTRY });
    expect(seizure.place).toEqual({ id: id.port });
    expect(seizure.shipments).toEqual([{ id: id.shipment1, seizures: [{ id: id.seizure1 }] }]);
    expect(seizure.commodities).toEqual([
      { id: id.line, seizure: { id: id.seizure1 }, shipment: { id: id.shipment1 }, species: { id: id.species } },
    ]);
    expect(seizure.arrests).toEqual([
      {
        person: { id: id.person },
        seizure: { id: id.seizure1 },
        charge: "smuggling",
        citation: TWO_CITATIONS[0],
        citations: TWO_CITATIONS,
      },
    ]);
    expect(seizure.sources).toEqual(TWO_CITATIONS);
  });

  it("a shipment: a route through the port twice keeps both stops, each once, and its parties by role", async () => {
    const data = await query(
      `query($s: ID!) {
        shipment(id: $s) {
          route { sequence role place { id } country { code } citation { row source { id } } citations { row source { id } } }
          parties { role party { __typename ... on Person { id } ... on Company { id } } citations { row source { id } } }
          commodities { id }
          seizures { id }
          carrier { id shipments { totalCount edges { node { id } } } }
          sources { row source { id } }
        }
      }`,
      { s: id.shipment1 },
    );
    const shipment = data.shipment;
    expect(shipment.route).toEqual([
      { sequence: 0, role: "ORIGIN", place: { id: id.port }, country: { code: COUNTRY }, citation: TWO_CITATIONS[0], citations: TWO_CITATIONS },
      { sequence: 1, role: "TRANSIT", place: null, country: { code: COUNTRY }, citation: TWO_CITATIONS[0], citations: TWO_CITATIONS },
      { sequence: 2, role: "DESTINATION", place: { id: id.port }, country: { code: COUNTRY }, citation: TWO_CITATIONS[0], citations: TWO_CITATIONS },
    ]);
    const parties = [...shipment.parties].sort((a, b) => `${a.party.id}${a.role}`.localeCompare(`${b.party.id}${b.role}`));
    expect(parties).toEqual([
      { role: "CONSIGNEE", party: { __typename: "Company", id: id.company }, citations: TWO_CITATIONS },
      { role: "CONSIGNEE", party: { __typename: "Person", id: id.person }, citations: [{ row: 33, source: { id: SOURCE_A } }] },
      { role: "SHIPPER", party: { __typename: "Person", id: id.person }, citations: TWO_CITATIONS },
    ]);
    expect(shipment.commodities).toEqual([{ id: id.line }]);
    expect(shipment.seizures).toEqual([{ id: id.seizure1 }]);
    expect(shipment.carrier).toEqual({ id: id.carrier, shipments: { totalCount: 1, edges: [{ node: { id: id.shipment1 } }] } });
    expect(shipment.sources).toEqual(TWO_CITATIONS);
  });

  it("a person: identifiers, shipments, arrests, offices, nationality and sources once each", async () => {
    const data = await query(
      `query($p: ID!) {
        person(id: $p) {
          identifiers { id holders { __typename ... on Person { id } ... on Company { id } } }
          shipments { role shipment { id } citation { row source { id } } citations { row source { id } } }
          arrests { seizure { id } citations { row source { id } } }
          offices { role company { id } citations { row source { id } } }
          nationalities { code }
          sources { row source { id } }
          seizureCount shipmentCount identifierCount companyCount
        }
      }`,
      { p: id.person },
    );
    const person = data.person;
    const holders = Object.fromEntries(
      person.identifiers.map((identifier: { id: string; holders: { id: string }[] }) => [identifier.id, ids(identifier.holders).sort()]),
    );
    expect(holders).toEqual({
      [id.identifier1]: [id.company, id.person],
      [id.identifier2]: [id.person],
      // Held through five rows of two sources: one holder.
      [id.identifier3]: [id.person],
    });
    expect(person.identifiers).toHaveLength(3);
    const shipments = [...person.shipments].sort((a, b) => a.role.localeCompare(b.role));
    expect(shipments).toEqual([
      {
        role: "CONSIGNEE",
        shipment: { id: id.shipment1 },
        citation: { row: 33, source: { id: SOURCE_A } },
        citations: [{ row: 33, source: { id: SOURCE_A } }],
      },
      { role: "SHIPPER", shipment: { id: id.shipment1 }, citation: TWO_CITATIONS[0], citations: TWO_CITATIONS },
    ]);
    expect(person.arrests).toEqual([{ seizure: { id: id.seizure1 }, citations: TWO_CITATIONS }]);
    const offices = [...person.offices].sort((a, b) => a.role.localeCompare(b.role));
    expect(offices).toEqual([
      { role: "director", company: { id: id.company }, citations: TWO_CITATIONS },
      { role: "owner", company: { id: id.company }, citations: TWO_CITATIONS },
    ]);
    expect(person.nationalities).toEqual([{ code: COUNTRY }]);
    // Source A at row 11 was written twice: one citation.
    expect(person.sources).toEqual(TWO_CITATIONS);
    // Counts are of distinct nodes: one shipment in two roles, one company through two offices.
    expect({
      seizureCount: person.seizureCount,
      shipmentCount: person.shipmentCount,
      identifierCount: person.identifierCount,
      companyCount: person.companyCount,
    }).toEqual({ seizureCount: 1, shipmentCount: 1, identifierCount: 3, companyCount: 1 });
  });

  it("a company: its identifier, shipment, officers and country once each", async () => {
    const data = await query(
      `query($c: ID!) {
        company(id: $c) {
          identifiers { id holders { __typename ... on Person { id } ... on Company { id } } }
          shipments { role shipment { id } citations { row source { id } } }
          officers { role person { id } citations { row source { id } } }
          country { code }
          sources { row source { id } }
          shipmentCount seizureCount officerCount identifierCount
        }
      }`,
      { c: id.company },
    );
    const company = data.company;
    expect(company.identifiers).toHaveLength(1);
    expect(company.identifiers[0].id).toBe(id.identifier1);
    expect(ids(company.identifiers[0].holders).sort()).toEqual([id.company, id.person]);
    expect(company.shipments).toEqual([{ role: "CONSIGNEE", shipment: { id: id.shipment1 }, citations: TWO_CITATIONS }]);
    const officers = [...company.officers].sort((a, b) => a.role.localeCompare(b.role));
    expect(officers).toEqual([
      { role: "director", person: { id: id.person }, citations: TWO_CITATIONS },
      { role: "owner", person: { id: id.person }, citations: TWO_CITATIONS },
    ]);
    expect(company.country).toEqual({ code: COUNTRY });
    expect(company.sources).toEqual(TWO_CITATIONS);
    expect({
      shipmentCount: company.shipmentCount,
      seizureCount: company.seizureCount,
      officerCount: company.officerCount,
      identifierCount: company.identifierCount,
    }).toEqual({ shipmentCount: 1, seizureCount: 1, officerCount: 1, identifierCount: 1 });
  });
});

describe("paged relationship fields: each node once, totalCount the list's length", () => {
  const CONNECTION = "{ totalCount edges { node { id } } }";
  // One request each: a request's database time is bounded, and a loaded test machine is slow.
  it.each([
    { field: `country(code: "${COUNTRY}") { seizures ${CONNECTION} }`, expected: [id.seizure1, id.seizure2] },
    { field: `country(code: "${COUNTRY}") { shipments ${CONNECTION} }`, expected: [id.shipment1, id.shipment2] },
    { field: `country(code: "${COUNTRY}") { companies ${CONNECTION} }`, expected: [id.company] },
    { field: `country(code: "${COUNTRY}") { places ${CONNECTION} }`, expected: [id.port] },
    { field: `place(id: "${id.port}") { seizures ${CONNECTION} }`, expected: [id.seizure1, id.seizure2] },
    { field: `place(id: "${id.port}") { shipments ${CONNECTION} }`, expected: [id.shipment1, id.shipment2] },
    { field: `species(id: "${id.species}") { commodityLines ${CONNECTION} }`, expected: [id.line] },
    { field: `shipment(id: "${id.shipment1}") { carrier { shipments ${CONNECTION} } }`, expected: [id.shipment1] },
  ])("$field", async ({ field, expected }) => {
    const data = await query(`{ ${field} }`);
    const [connection] = connectionsIn(data);
    expect(connectionsIn(data)).toHaveLength(1);
    expect(connection.ids).toEqual(expected);
    expect(connection.totalCount).toBe(expected.length);
  });

  it("pages of one: each node on one page, the next page after it, no page repeating one", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data: Record<string, any> = await query(
        `query($after: String) { country(code: "${COUNTRY}") { seizures(first: 1, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
        } } }`,
        { after },
      );
      const connection = data.country.seizures;
      expect(connection.totalCount).toBe(2);
      seen.push(...nodeIds(connection));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([id.seizure1, id.seizure2]);
  });
});

describe("root lists filtered through facts stated twice: each item once, totalCount the list's length", () => {
  const CONNECTION = "{ totalCount edges { node { id } } }";
  it.each([
    { field: `seizures(filter: { country: "${COUNTRY}" })`, expected: [id.seizure1, id.seizure2] },
    { field: `seizures(filter: { place: "${id.port}", species: "${id.species}" })`, expected: [id.seizure1] },
    // The first shipment leaves from the port, in Nauru, and comes back to it; the second leaves from Nauru itself.
    { field: `shipments(filter: { origin: "${COUNTRY}" })`, expected: [id.shipment1, id.shipment2] },
    { field: `shipments(filter: { destination: "${COUNTRY}" })`, expected: [id.shipment1, id.shipment2] },
    { field: `shipments(filter: { country: "${COUNTRY}" })`, expected: [id.shipment1, id.shipment2] },
    { field: `shipments(filter: { place: "${id.port}", species: "${id.species}" })`, expected: [id.shipment1] },
    { field: `persons(filter: { nationality: "${COUNTRY}" })`, expected: [id.person] },
    { field: `companies(filter: { country: "${COUNTRY}" })`, expected: [id.company] },
    { field: `places(filter: { country: "${COUNTRY}" })`, expected: [id.port] },
  ])("$field", async ({ field, expected }) => {
    const data = await query(`{ ${field} ${CONNECTION} }`);
    const [connection] = connectionsIn(data);
    expect(connection.ids).toEqual(expected);
    expect(connection.totalCount).toBe(expected.length);
  });
});
