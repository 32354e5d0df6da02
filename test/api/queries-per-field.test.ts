import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Every root field sends at most the number of Cypher queries that docs/queries-per-request.md
 * gives for it, counted at the executor, for a selection that goes several levels deep into the
 * relationship fields (fixture graph, cypher/seed/fixture.cypher; as ADMIN, who may read every field).
 */
const DOC = path.join(projectRoot, "docs", "queries-per-request.md");

/** The table of the document: root field → queries. */
function documented(): Map<string, number> {
  const rows = readFileSync(DOC, "utf8").matchAll(/^\| `(\w+)` \| (\d+) \|/gm);
  return new Map([...rows].map(([, field, count]) => [field, Number(count)]));
}

const PARTY = `__typename ... on Person { id name seizureCount companyCount nationalities { code } }
  ... on Company { id name shipmentCount country { code } }`;

/** One request per root field, deep into what the field can reach. */
const SAMPLES: Record<string, string> = {
  seizure: `{ seizure(id: "fixture-seizure-1") { id date
    country { name } place { name country { code } }
    commodities { product quantity species { scientificName } }
    shipments { mode carrier { name } route { sequence role place { name } country { code } }
      parties { role party { ${PARTY} } } } } }`,
  seizures: `{ seizures(first: 5, filter: { country: "VN" }) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id country { name } commodities { product species { id } }
      shipments { route { sequence place { name } country { code } } parties { role party { ${PARTY} } } } } } } }`,
  shipment: `{ shipment(id: "fixture-shipment-1") { id mode seizures { id country { code } }
    commodities { id species { id } }
    route { place { id seizures(first: 2) { edges { node { id } } } shipments(first: 2) { totalCount } } }
    carrier { name shipments(first: 2) { totalCount edges { node { id } } } }
    parties { party { ${PARTY} } } } }`,
  shipments: `{ shipments(first: 5) { totalCount edges { node { id route { sequence country { code } }
    parties { party { ... on Company { id identifiers { id holders { __typename } } } } } } } } }`,
  person: `{ person(id: "fixture-person-1") { id name seizureCount shipmentCount identifierCount companyCount
    identifiers { value holders { ${PARTY} } }
    shipments { role shipment { id route { country { code } } } }
    arrests { charge seizure { id } }
    offices { role company { id name } } } }`,
  persons: `{ persons(first: 5, orderBy: { field: SEIZURE_COUNT, direction: DESC }) { totalCount
    edges { cursor node { id seizureCount shipmentCount shipments { role shipment { id seizures { id } } } } } } }`,
  company: `{ company(id: "fixture-company-1") { id name shipmentCount seizureCount officerCount identifierCount
    officers { role person { id name nationalities { code } } } country { code }
    identifiers { id holders { ${PARTY} } } shipments { role shipment { id carrier { name } } } sources { row } } }`,
  companies: `{ companies(first: 5) { totalCount edges { node { id shipmentCount country { code neighbours { code } } } } } }`,
  place: `{ place(id: "locode:VNHPH") { name country { code }
    seizures(first: 3) { totalCount edges { node { id commodities { species { id } } } } }
    shipments(first: 3) { edges { node { id route { sequence } } } } } }`,
  places: `{ places(first: 5) { totalCount edges { node { id country { code } seizures(first: 2) { totalCount } } } } }`,
  country: `{ country(code: "VN") { name neighbours { code } places(first: 3) { edges { node { id } } }
    seizures(first: 3) { totalCount edges { node { id commodities { species { id } } } } }
    shipments(first: 2) { totalCount } companies(first: 2) { totalCount edges { node { id } } } } }`,
  countries: `{ countries(first: 5) { totalCount edges { node { code
    seizures(first: 2) { edges { node { id commodities { product species { scientificName } } } } } } } } }`,
  species: `{ species(id: "manis-javanica") { id scientificName
    commodityLines(first: 3) { totalCount edges { node { id seizure { id country { code } } shipment { id } } } } } }`,
  speciesList: `{ speciesList(first: 5) { totalCount edges { node { id commodityLines(first: 2) { totalCount } } } } }`,
  identifier: `{ identifier(id: "PHONE:+84912000111") { id value holders { ${PARTY} } } }`,
  search: `{ search(query: "fixture") { totalCount edges { node { id kind label score } } } }`,
  network: `{ network(ids: ["fixture-person-1"], depth: 2) { nodeCount edgeCount nodes { id kind label } edges { id type citations { row } } } }`,
  connections: `{ connections(from: "fixture-person-1", to: "fixture-company-1") { length explanation nodes { id } hops { from to citations { row } } } }`,
  sharedIdentifiers: `{ sharedIdentifiers(id: "fixture-person-1") { sharedCount party { __typename } identifiers { id } } }`,
  timeline: `{ timeline(id: "fixture-person-1") { date kind title roles citations { row } entity { id } } }`,
  routes: `{ routes(from: "NG", to: "VN") { from { name } to { name } observedCount
    observed { seizureCount stops { country { code } place { name } } countries { code } evidence { id country { code } } }
    inferred { __typename } } }`,
  transitHubs: `{ transitHubs(origins: ["NG"]) { seizureCount share country { name } place { name } } }`,
  flows: `{ flows { level links { source target seizureCount } nodes { id } totals { linkCount } } }`,
  trends: `{ trends(interval: YEAR) { period key seizureCount } }`,
  resolutionCandidates: `{ resolutionCandidates(first: 5) { totalCount edges { node { id score features { name weight } a { __typename } b { __typename } } } } }`,
  resolutionDecisions: `{ resolutionDecisions(first: 5, includeUndone: true) { totalCount edges { node { id verdict a { __typename } b { __typename } } } } }`,
  rings: `{ rings { state ringCount rings { id size members { brokerRank party { __typename } } } } }`,
  ring: `{ ring(id: "no-such-ring") { id members { party { __typename } } } }`,
  ringOf: `{ ringOf(partyId: "fixture-person-1") { id members { party { __typename } } } }`,
  auditLog: `{ auditLog(first: 2) { totalCount edges { node { operationName } } } }`,
  watches: `{ watches { id kind targetId } }`,
  alerts: `{ alerts(first: 5) { alerts { id via watch { id kind } shipment { id } seizure { id } } hasNextPage } }`,
};

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

it("documents every root field of the schema", async () => {
  const schema = await buildGraphQLSchema();
  const roots = Object.keys(schema.getQueryType()!.getFields()).sort();
  expect([...documented().keys()].sort()).toEqual(roots);
  expect(Object.keys(SAMPLES).sort()).toEqual(roots);
});

describe("queries per root field", () => {
  for (const [field, query] of Object.entries(SAMPLES)) {
    it(`${field} sends at most the documented number of queries`, async () => {
      const limit = documented().get(field);
      api.resetQueries();
      const response = await api.post(query);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data![field] === undefined).toBe(false);
      expect(api.queries.length, api.queries.map((text) => text.slice(0, 200)).join("\n---\n")).toBeLessThanOrEqual(limit!);
    });
  }
});

it("reads a node's whole selection in one query, however deep, and a list's total beside its page", async () => {
  // The lookups and lists above, one query each: nothing below them went through the loaders.
  for (const field of ["seizure", "seizures", "shipment", "person", "persons", "company", "country", "countries", "species"]) {
    api.resetQueries();
    const response = await api.post(SAMPLES[field]);
    expect(response.errors).toBeUndefined();
    expect(api.queries, field).toHaveLength(1);
  }
});

it("reads a selection of more relationship fields than one query may fold through the loaders, one query per field and level", async () => {
  // 18 relationship fields (a route stop's country is its place's): over MAX_FOLDED_FIELDS (12).
  const query = `{ seizure(id: "fixture-seizure-1") { id
    country { name neighbours { code } } place { name country { code } seizures(first: 3) { totalCount } }
    commodities { species { scientificName commodityLines(first: 2) { totalCount } } }
    shipments { carrier { name } route { place { name } country { code } } parties { party { ${PARTY} } } }
    arrests { person { id } } } }`;
  api.resetQueries();
  const response = await api.post(query);
  expect(response.errors).toBeUndefined();
  expect(response.data!.seizure.shipments[0].route.length).toBeGreaterThan(1);
  expect(api.queries.length).toBeGreaterThan(1);
  // The seizure, one query per field, and one more for each of the two pages' totals.
  expect(api.queries.length).toBeLessThanOrEqual(1 + 18 + 2);
});

it("still shows a list's own fields when its selection folds more relationship fields than one query may", async () => {
  // 13 relationship fields below each species (over MAX_FOLDED_FIELDS): the page reads the species'
  // own properties, and the loaders what lies below.
  const line = `id seizure { id country { name } place { name } shipments { id mode } commodities { id } }
    shipment { id mode route { place { name } country { name } } commodities { id } seizures { id } carrier { name } }`;
  const query = `{ speciesList(first: 3) { edges { node { id scientificName genus
    commodityLines(first: 2) { edges { node { ${line} species { id scientificName } } } } } } } }`;
  const response = await api.post(query);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  const species = response.data!.speciesList.edges.map((edge: { node: { scientificName: string } }) => edge.node);
  expect(species.length).toBeGreaterThan(0);
  const [{ scientificName }] = await api.executor.read(`MATCH (s:Species {id: $id}) RETURN s.scientificName AS scientificName`, { id: species[0].id });
  expect(species[0].scientificName).toBe(scientificName);
});

it("shows the parent again where its small type names it (an office's company, under a company's officers)", async () => {
  const [office] = await api.executor.read(
    `MATCH (p:Person)-[:OFFICER_OF]->(c:Company) RETURN p.id AS person, p.name AS personName, c.id AS company, c.name AS companyName ORDER BY c.id LIMIT 1`,
  );
  // Neither parent asks for its own name: only the office's back-reference does.
  const response = await api.post(
    `query($company: ID!, $person: ID!) { company(id: $company) { id officers { company { name } } }
      person(id: $person) { id offices { person { name } } } }`,
    { company: office.company, person: office.person },
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.data!.company.officers[0].company.name).toBe(office.companyName);
  expect(response.data!.person.offices[0].person.name).toBe(office.personName);
});

it("sends values as parameters: no id, code or date asked for is in the query text", async () => {
  api.resetQueries();
  const response = await api.post(`query($id: ID!) { seizure(id: $id) { id country { name } commodities { species { id } } }
    q2: seizures(first: 3, filter: { country: "NG", dateFrom: "2011-02-03" }) { totalCount edges { node { id place { name } } } } }`, { id: "fixture-seizure-1" });
  expect(response.errors).toBeUndefined();
  expect(api.queries).toHaveLength(2);
  for (const text of api.queries) {
    for (const value of ["fixture-seizure-1", '"NG"', "2011-02-03"]) expect(text, value).not.toContain(value);
  }
});

it("folds no field a role may not read: its resolver refuses it, and the query never reads it", async () => {
  // Arrests (ANALYST), parties (ANALYST) and sources (ANALYST) asked as PUBLIC.
  api.resetQueries();
  const response = await api.post(
    `{ seizure(id: "fixture-seizure-1") { id country { name } arrests { charge } shipments { parties { role } } sources { row } } }`,
    undefined,
    Role.PUBLIC,
  );
  // The first refusal nulls the seizure (the fields are non-null), so the others are not reached.
  expect(response.errors?.length).toBeGreaterThan(0);
  expect(response.errors!.every((error) => error.extensions?.code === "FORBIDDEN")).toBe(true);
  expect(api.queries).toHaveLength(1);
  expect(api.queries[0]).toContain(":SEIZED_IN");
  for (const type of [":ARRESTED", ":PARTY_TO", ":SOURCED_FROM"]) expect(api.queries[0], type).not.toContain(type);
  // The same selection as ANALYST folds them in.
  api.resetQueries();
  const analyst = await api.post(
    `{ seizure(id: "fixture-seizure-1") { id country { name } arrests { charge } shipments { parties { role } } sources { row } } }`,
    undefined,
    Role.ANALYST,
  );
  expect(analyst.errors).toBeUndefined();
  expect(api.queries).toHaveLength(1);
  for (const type of [":ARRESTED", ":PARTY_TO", ":SOURCED_FROM"]) expect(api.queries[0], type).toContain(type);
});

it("reads only the properties a selection shows, all of them where a field reads more", async () => {
  api.resetQueries();
  await api.post(`{ seizure(id: "fixture-seizure-1") { id commodities { species { scientificName } } } }`);
  expect(api.queries[0]).toMatch(/\{\.id, \.scientificName, synthetic: n2:Synthetic\}/);
  api.resetQueries();
  await api.post(`{ seizure(id: "fixture-seizure-1") { id commodities { species { commonNames(language: "en") { name } } } } }`);
  expect(api.queries[0]).toMatch(/n2 \{\.\*, synthetic/);
});

it("returns relationships' properties only for fields that show them, and labels only where a field reaches several kinds", async () => {
  // A country, goods and species: nodes only, each of one kind.
  api.resetQueries();
  const plain = await api.post(`{ seizure(id: "fixture-seizure-1") { id country { name } commodities { species { scientificName } } } }`);
  expect(plain.errors).toBeUndefined();
  expect(plain.data!.seizure.commodities.length).toBeGreaterThan(0);
  expect(api.queries).toHaveLength(1);
  expect(api.queries[0]).not.toContain("properties(r");
  expect(api.queries[0]).not.toContain("labels(");
  // Route stops (a place or a country, with their position and citations) and parties (a person or a company, by role).
  api.resetQueries();
  const shown = await api.post(`{ shipment(id: "fixture-shipment-1") { id
    route { sequence role citations { row } place { id } country { code } } parties { role party { __typename } } } }`);
  expect(shown.errors).toBeUndefined();
  expect(api.queries).toHaveLength(1);
  expect(api.queries[0]).toContain("properties(r1)");
  expect(api.queries[0]).toContain("labels(n1)");
  const [expected] = await api.executor.read(
    `MATCH (:Shipment {id: $id})-[stop:STOPS_AT]->() WITH stop ORDER BY stop.seq RETURN collect(DISTINCT stop.seq) AS sequences, count(stop.sourceId) AS cited`,
    { id: "fixture-shipment-1" },
  );
  const route = shown.data!.shipment.route as { sequence: number; citations: unknown[] }[];
  expect(route.map((stop) => stop.sequence)).toEqual(expected.sequences);
  expect(route.flatMap((stop) => stop.citations).length).toBeGreaterThan(0);
  expect(route.flatMap((stop) => stop.citations).length).toBeLessThanOrEqual(expected.cited as number);
});

it("reads what a field asks in all its mentions, when a later mention would pass the bound on nodes read", async () => {
  // 100 countries' first two places (200 nodes) and their first two seizures (400), then the first
  // 93 shipments of each (9,300): the bound (MAX_PLANNED_NODES, 10,000) is reached. The places
  // mentioned again read the nodes counted already, and what that mention asks of them is read
  // with them (their names), or by the loaders (their seizures' dates: 400 more nodes).
  const query = `{ countries(first: 100) { edges { node { code
    places(first: 2) { edges { cursor node { seizures(first: 2) { edges { cursor } } } } }
    shipments(first: 93) { totalCount }
    ... on Country { places(first: 2) { edges { node { id name seizures(first: 2) { edges { node { id date } } } } } } } } } } }`;
  const response = await api.post(query);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  type Place = { id: string; name: string; seizures: { edges: { node: { id: string; date: string | null } }[] } };
  const places: Place[] = response.data!.countries.edges.flatMap((edge: { node: { places: { edges: { node: Place }[] } } }) =>
    edge.node.places.edges.map((placeEdge) => placeEdge.node),
  );
  const seizures = places.flatMap((place) => place.seizures.edges.map((seizureEdge) => seizureEdge.node));
  expect(places.length).toBeGreaterThan(0);
  expect(seizures.length).toBeGreaterThan(0);
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(places.map(({ id, name }) => ({ id, name })))).toEqual(
    await api.executor.read(`MATCH (place:Place) WHERE place.id IN $ids RETURN place.id AS id, place.name AS name ORDER BY id`, {
      ids: places.map((place) => place.id),
    }),
  );
  expect(byId(seizures)).toEqual(
    await api.executor.read(`MATCH (seizure:Seizure) WHERE seizure.id IN $ids RETURN seizure.id AS id, toString(seizure.date) AS date ORDER BY id`, {
      ids: seizures.map((seizure) => seizure.id),
    }),
  );
});
