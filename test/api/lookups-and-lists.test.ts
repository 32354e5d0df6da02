import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Lookups and lists over real HTTP against the fixture graph. Expected values are read straight
 * from Neo4j with hand-written Cypher, not through the API's queries.
 */
let api: TestApi;
let driver: Driver;

beforeAll(async () => {
  api = await startTestApi();
  driver = api.driver;
});

afterAll(async () => {
  await api?.close();
});

async function cypher<T = Record<string, unknown>>(query: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, parameters);
  return records.map((record) => record.toObject() as T);
}

async function fixtureSeizureIds(where = "", parameters: Record<string, unknown> = {}): Promise<string[]> {
  const rows = await cypher<{ id: string }>(
    `MATCH (s:Seizure) WHERE s.id STARTS WITH "fixture-" ${where} RETURN s.id AS id ORDER BY id`,
    parameters,
  );
  return rows.map((row) => row.id);
}

describe("lookups by key", () => {
  it("returns a seizure with its relationships in both directions", async () => {
    const response = await api.post(`{
      seizure(id: "fixture-seizure-1") {
        id date synthetic
        country { code name }
        place { id kind country { code } }
        commodities { product quantity unit weightKg species { id scientificName } seizure { id } }
        shipments { mode seizures { id } route { sequence role place { id } country { code } } }
        arrests { person { id } seizure { id } convicted }
        sources { row source { id kind reliability } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const seizure = response.data!.seizure;
    const [expected] = await cypher<{ date: string; country: string; place: string; lines: number }>(
      `MATCH (s:Seizure {id: "fixture-seizure-1"})-[:SEIZED_IN]->(c), (s)-[:SEIZED_AT]->(p)
       RETURN toString(s.date) AS date, c.id AS country, p.id AS place, COUNT { (s)-[:RECOVERED]->() } AS lines`,
    );
    expect(seizure.date).toBe(expected.date);
    expect(seizure.synthetic).toBe(true);
    expect(seizure.country.code).toBe(expected.country);
    expect(seizure.place.id).toBe(expected.place);
    expect(seizure.place.country.code).toBe(expected.country);
    expect(seizure.commodities).toHaveLength(Number(expected.lines));
    for (const line of seizure.commodities) expect(line.seizure.id).toBe("fixture-seizure-1");
    expect(seizure.shipments[0].seizures.map((s: { id: string }) => s.id)).toContain("fixture-seizure-1");

    const route = await cypher<{ seq: number; role: string; stop: string }>(
      `MATCH (:Seizure {id: "fixture-seizure-1"})-[:INTERCEPTED]->(:Shipment)-[r:STOPS_AT]->(stop)
       RETURN toInteger(r.seq) AS seq, r.role AS role, stop.id AS stop ORDER BY seq`,
    );
    expect(seizure.shipments[0].route.map((stop: any) => [stop.sequence, stop.role, stop.place.id])).toEqual(
      route.map((stop) => [Number(stop.seq), stop.role, stop.stop]),
    );
    expect(seizure.arrests.map((a: any) => [a.person.id, a.seizure.id])).toEqual([["fixture-person-1", "fixture-seizure-1"]]);
    expect(seizure.sources).toEqual([{ row: 0, source: { id: "fixture", kind: "SYNTHETIC", reliability: "F" } }]);
  });

  it("gives null for an unknown key, without an error", async () => {
    const response = await api.post(`{
      seizure(id: "no-such-seizure") { id }
      shipment(id: "no-such-shipment") { id }
      person(id: "no-such-person") { id }
      company(id: "no-such-company") { id }
      place(id: "no-such-place") { id }
      country(code: "AQ") { code }
      species(id: "no-such-species") { id }
    }`);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!)).toEqual([null, null, null, null, null, null, null]);
  });

  it("resolves a shipment's route, parties of both kinds and a country-level stop", async () => {
    const response = await api.post(`{
      shipment(id: "fixture-shipment-5") {
        route { sequence role place { id } country { code } }
        parties { role party { __typename ... on Person { id } ... on Company { id } } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { route, parties } = response.data!.shipment;
    expect(route[0]).toEqual({ sequence: 0, role: "ORIGIN", place: null, country: { code: "LA" } });
    expect(route.map((stop: any) => stop.country.code)).toEqual(["LA", "LA", "CN"]);
    const expected = await cypher<{ kind: string; id: string; role: string }>(
      `MATCH (p)-[r:PARTY_TO]->(:Shipment {id: "fixture-shipment-5"})
       RETURN labels(p)[0] AS kind, p.id AS id, r.role AS role ORDER BY id`,
    );
    const got = parties
      .map((p: any) => ({ kind: p.party.__typename, id: p.party.id, role: p.role }))
      .sort((a: any, b: any) => a.id.localeCompare(b.id));
    expect(got).toEqual(expected);
  });

  it("finds who else shares an identifier, from either side", async () => {
    const response = await api.post(`{
      person(id: "fixture-person-1") {
        identifiers { id kind holders { __typename ... on Person { id } ... on Company { id } } }
        offices { role company { id officers { person { id } } } }
        nationalities { code }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const person = response.data!.person;
    const phone = person.identifiers.find((i: any) => i.kind === "PHONE");
    expect(phone.holders.map((h: any) => `${h.__typename}:${h.id}`).sort()).toEqual([
      "Company:fixture-company-1",
      "Person:fixture-person-1",
    ]);
    expect(person.offices).toEqual([
      { role: "director", company: { id: "fixture-company-1", officers: [{ person: { id: "fixture-person-1" } }] } },
    ]);
    expect(person.nationalities).toEqual([{ code: "VN" }]);
  });
});

describe("lists as Relay connections", () => {
  it("filters seizures by country, and counts them", async () => {
    const response = await api.post(`{ seizures(filter: { country: "VN" }, first: 100) {
      totalCount edges { node { id } } } }`);
    expect(response.errors).toBeUndefined();
    const expected = await cypher<{ id: string }>(
      `MATCH (s:Seizure)-[:SEIZED_IN]->(:Country {id: "VN"}) RETURN s.id AS id ORDER BY id`,
    );
    expect(response.data!.seizures.edges.map((e: any) => e.node.id)).toEqual(expected.map((row) => row.id));
    expect(response.data!.seizures.totalCount).toBe(expected.length);
  });

  it.each([
    ["species", `{ species: "manis-tricuspis" }`, `AND EXISTS { (s)-[:RECOVERED]->()-[:OF_SPECIES]->(:Species {id: "manis-tricuspis"}) }`],
    ["product", `{ product: SCALES }`, `AND EXISTS { (s)-[:RECOVERED]->(:CommodityLine {product: "SCALES"}) }`],
    ["mode", `{ mode: SEA }`, `AND EXISTS { (s)-[:INTERCEPTED]->(:Shipment {mode: "SEA"}) }`],
    ["place", `{ place: "iata:HAN" }`, `AND EXISTS { (s)-[:SEIZED_AT]->(:Place {id: "iata:HAN"}) }`],
    ["date range", `{ dateFrom: "2019-01-01", dateTo: "2020-12-31" }`, `AND s.date >= date("2019-01-01") AND s.date <= date("2020-12-31")`],
    ["several at once", `{ country: "VN", product: SCALES }`, `AND EXISTS { (s)-[:SEIZED_IN]->(:Country {id: "VN"}) } AND EXISTS { (s)-[:RECOVERED]->(:CommodityLine {product: "SCALES"}) }`],
  ])("filters seizures by %s", async (_name, filter, where) => {
    const response = await api.post(`{ seizures(filter: ${filter}, first: 100) { totalCount edges { node { id } } } }`);
    expect(response.errors).toBeUndefined();
    const expected = await fixtureSeizureIds(where);
    const got = response.data!.seizures.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith("fixture-"));
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("filters shipments by origin and destination country, at place or country level", async () => {
    const response = await api.post(`{ shipments(filter: { origin: "LA" }, first: 100) { edges { node { id } } } }`);
    expect(response.errors).toBeUndefined();
    const expected = await cypher<{ id: string }>(
      `MATCH (s:Shipment)-[:STOPS_AT {role: "ORIGIN"}]->(stop)
       WHERE stop.id = "LA" OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: "LA"}) }
       RETURN DISTINCT s.id AS id ORDER BY id`,
    );
    expect(response.data!.shipments.edges.map((e: any) => e.node.id)).toEqual(expected.map((row) => row.id));
    expect(expected.map((row) => row.id)).toEqual(["fixture-shipment-3", "fixture-shipment-5"]);
  });

  it("pages forward with cursors until the end, without gaps or repeats", async () => {
    const all = await cypher<{ id: string }>(`MATCH (c:Country) RETURN c.id AS id ORDER BY id`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const response = await api.post(
        `query($after: String) { countries(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page = response.data!.countries;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e: any) => e.node.code));
      if (page.edges.length > 0) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((row) => row.id));
  });

  it("pages a hub's relationship field and counts it", async () => {
    const response = await api.post(`{ country(code: "VN") { places(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } } }`);
    expect(response.errors).toBeUndefined();
    const expected = await cypher<{ id: string }>(
      `MATCH (p:Place)-[:IN_COUNTRY]->(:Country {id: "VN"}) RETURN p.id AS id ORDER BY id`,
    );
    const places = response.data!.country.places;
    expect(places.totalCount).toBe(expected.length);
    expect(places.edges.map((e: any) => e.node.id)).toEqual(expected.slice(0, 2).map((row) => row.id));
    expect(places.pageInfo.hasNextPage).toBe(expected.length > 2);
  });

  it("lists species with common names in one language", async () => {
    const response = await api.post(`{ speciesList(filter: { citesAppendix: I }, first: 100) {
      edges { node { id citesAppendix commonNames(language: "zh") { language name } } } } }`);
    expect(response.errors).toBeUndefined();
    const pangolin = response.data!.speciesList.edges.find((e: any) => e.node.id === "manis-javanica").node;
    const [expected] = await cypher<{ names: string[] }>(`MATCH (s:Species {id: "manis-javanica"}) RETURN s.commonNamesZh AS names`);
    expect(pangolin.commonNames).toEqual(expected.names.map((name) => ({ language: "zh", name })));
  });

  it("gives each taxon its rank and synonyms, and lists the taxa of one rank", async () => {
    const ids = { genus: "test-lists-rank-genus", species: "test-lists-rank-species" };
    await cypher(
      `CREATE (:Species {id: $genus, scientificName: "Testgenus", name: "Testgenus", rank: "GENUS", genus: "Testgenus"})
       CREATE (:Species {id: $species, scientificName: "Testgenus primus", name: "First test", genus: "Testgenus",
         synonyms: ["Oldgenus primus (Author, 1821)"]})`,
      ids,
    );
    try {
      const response = await api.post(`query($genus: ID!, $species: ID!) {
        genus: species(id: $genus) { rank synonyms }
        species: species(id: $species) { rank synonyms }
        genera: speciesList(filter: { rank: GENUS }, first: 100) { totalCount edges { node { id rank } } }
        ranked: speciesList(filter: { rank: SPECIES }, first: 1) { totalCount }
        all: speciesList(first: 1) { totalCount }
      }`, ids);
      expect(response.errors).toBeUndefined();
      const data = response.data!;
      expect(data.genus).toEqual({ rank: "GENUS", synonyms: [] });
      expect(data.species).toEqual({ rank: "SPECIES", synonyms: ["Oldgenus primus (Author, 1821)"] });
      const [counts] = await cypher<{ genera: number; species: number; all: number }>(
        `MATCH (s:Species) RETURN count(CASE WHEN s.rank = "GENUS" THEN 1 END) AS genera,
           count(CASE WHEN s.rank IS NULL THEN 1 END) AS species, count(s) AS all`,
      );
      expect(data.genera.totalCount).toBe(Number(counts.genera));
      expect(data.genera.edges.map((e: any) => e.node.id)).toContain(ids.genus);
      expect(data.genera.edges.every((e: any) => e.node.rank === "GENUS")).toBe(true);
      expect(data.ranked.totalCount).toBe(Number(counts.species));
      expect(data.all.totalCount).toBe(Number(counts.all));
    } finally {
      await cypher(`MATCH (s:Species) WHERE s.id IN [$genus, $species] DETACH DELETE s`, ids);
    }
  });
});
