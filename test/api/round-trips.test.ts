import { afterAll, beforeAll, expect, it } from "vitest";

import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * DataLoader batching, proved by counting queries sent to Neo4j: 50 seizures, each with its
 * shipments, their routes and the places on them (three levels), take at most 4 round trips.
 */
const PLACE = "test-round-trips-place";
const PARENTS = 50;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.driver.executeQuery(
    `MERGE (p:Place:Synthetic {id: $place}) SET p.name = "Round-trip test port", p.kind = "SEAPORT"
     WITH p
     MATCH (vn:Country {id: "VN"}), (cn:Country {id: "CN"})
     MERGE (p)-[:IN_COUNTRY]->(vn)
     WITH p, cn
     UNWIND range(1, $parents) AS n
     MERGE (s:Seizure:Synthetic {id: "test-rt-seizure-" + n}) SET s.date = date("2020-01-01")
     MERGE (s)-[:SEIZED_AT]->(p)
     MERGE (sh:Shipment:Synthetic {id: "test-rt-shipment-" + n}) SET sh.mode = "SEA"
     MERGE (s)-[:INTERCEPTED]->(sh)
     MERGE (sh)-[:STOPS_AT {seq: 0, role: "ORIGIN"}]->(p)
     MERGE (sh)-[:STOPS_AT {seq: 1, role: "DESTINATION"}]->(cn)`,
    { place: PLACE, parents: PARENTS },
  );
});

afterAll(async () => {
  await api?.close();
});

it("answers a three-level query over 50 parents in at most 4 round trips", async () => {
  api.resetQueries();
  const response = await api.post(
    `query($place: ID!) { seizures(filter: { place: $place }, first: 50) {
      edges { node { id shipments { id route { sequence place { id name } country { code } } } } }
    } }`,
    { place: PLACE },
  );
  expect(response.errors).toBeUndefined();
  const edges = response.data!.seizures.edges;
  expect(edges).toHaveLength(PARENTS);
  for (const { node } of edges) {
    expect(node.shipments).toHaveLength(1);
    expect(node.shipments[0].route.map((stop: any) => stop.country.code)).toEqual(["VN", "CN"]);
  }
  // list page, shipments batch, routes batch, places' countries batch
  expect(api.queries.length).toBeLessThanOrEqual(4);
});

it("asks for the total only when the client asks for it", async () => {
  api.resetQueries();
  await api.post(`query($place: ID!) { seizures(filter: { place: $place }, first: 5) { edges { node { id } } } }`, {
    place: PLACE,
  });
  expect(api.queries).toHaveLength(1);
  api.resetQueries();
  const response = await api.post(`query($place: ID!) { seizures(filter: { place: $place }, first: 5) { totalCount } }`, {
    place: PLACE,
  });
  expect(response.data!.seizures.totalCount).toBe(PARENTS);
  // Only the count: the page is not read.
  expect(api.queries).toHaveLength(1);
  expect(api.queries[0]).not.toMatch(/LIMIT/);
});
