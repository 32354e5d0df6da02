import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { answerOf, ask, type System, type Targets } from "../../bench/peer/ask.js";
import { countingDriver } from "../../bench/peer/counting-driver.js";
import { startPeerServer, type RunningPeer } from "../../bench/peer/peer-server.js";
import { RawCypher } from "../../bench/peer/raw-cypher.js";
import {
  lookupShape,
  neighbourSeizuresShape,
  sharedIdentifiersShape,
  topPersonsShape,
  type PeerShape,
} from "../../bench/peer/shapes.js";
import { Role } from "../../src/auth/role.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { connect, startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * The peer benchmark's questions (bench/peer/shapes.ts) asked of this API, of @neo4j/graphql built
 * from the committed bench/peer/peer-typedefs.graphql, and as the benchmark's raw Cypher, over a
 * small network this file writes (ids of its own; Tuvalu and Kiribati, which no other test uses).
 * The three canonical answers must be equal, and equal to what this file wrote: a change to the
 * API, to the peer's type definitions or to a raw query that makes one answer differently fails
 * here, before a benchmark run would.
 */
const P = "test-peer-answers-";
const HOME = "TV";
const AWAY = "KI";
const MARKER = `${P}marker`;

const id = {
  port: `${P}port`,
  species: `${P}species`,
  seizure1: `${P}seizure-1`,
  seizure2: `${P}seizure-2`,
  shipment1: `${P}shipment-1`,
  shipment2: `${P}shipment-2`,
  line1: `${P}line-1`,
  line2: `${P}line-2`,
  personA: `${P}person-a`,
  personB: `${P}person-b`,
  personC: `${P}person-c`,
  company: `${P}company`,
  phone: `PHONE:${P}1`,
  email: `EMAIL:${P}2@example.invalid`,
  address: `ADDRESS:${P}3`,
};

let api: TestApi;
let peer: RunningPeer;
let peerDriver: ReturnType<typeof connect>;
let peerQueries: () => number;
let targets: Targets;

beforeAll(async () => {
  api = await startTestApi();
  const write = (query: string, parameters: Record<string, unknown> = {}) => api.driver.executeQuery(query, parameters);
  for (const [code, name, iso3] of [
    [HOME, "Tuvalu", "TUV"],
    [AWAY, "Kiribati", "KIR"],
  ]) {
    await write(`MERGE (c:Country {id: $code}) ON CREATE SET c.name = $name, c.iso3 = $iso3, c.createdBy = $marker`, { code, name, iso3, marker: MARKER });
  }
  await write(
    `MATCH (home:Country {id: $home}), (away:Country {id: $away})
     CREATE (port:Place:Synthetic {id: $id.port, name: "Peer answers port", kind: "SEAPORT"})-[:IN_COUNTRY]->(home)
     CREATE (species:Species {id: $id.species, scientificName: "Manis peeranswers", name: "Manis peeranswers"})
     CREATE (s1:Seizure:Synthetic {id: $id.seizure1, date: date("2021-04-05")})
     CREATE (s2:Seizure:Synthetic {id: $id.seizure2, date: date("2021-06-07")})
     CREATE (sh1:Shipment:Synthetic {id: $id.shipment1, mode: "SEA"})
     CREATE (sh2:Shipment:Synthetic {id: $id.shipment2, mode: "AIR"})
     CREATE (l1:CommodityLine:Synthetic {id: $id.line1, product: "SCALES", quantity: 10.0, unit: "KG", weightKg: 10.0})
     CREATE (l2:CommodityLine:Synthetic {id: $id.line2, product: "MEAT", quantity: 3.0, unit: "INDIVIDUALS"})
     CREATE (a:Person:Synthetic {id: $id.personA, name: "Peer Answers A"})
     CREATE (b:Person:Synthetic {id: $id.personB, name: "Peer Answers B"})
     CREATE (c:Person:Synthetic {id: $id.personC, name: "Peer Answers C"})
     CREATE (co:Company:Synthetic {id: $id.company, name: "Peer Answers Ltd", kind: "TRADER"})
     CREATE (phone:Identifier:Synthetic {id: $id.phone, kind: "PHONE", value: "1"})
     CREATE (email:Identifier:Synthetic {id: $id.email, kind: "EMAIL", value: "2"})
     CREATE (address:Identifier:Synthetic {id: $id.address, kind: "ADDRESS", value: "3"})
     CREATE (home)-[:BORDERS]->(away)
     CREATE (s1)-[:SEIZED_IN]->(home), (s2)-[:SEIZED_IN]->(home), (s1)-[:SEIZED_AT]->(port)
     CREATE (s1)-[:INTERCEPTED]->(sh1), (s2)-[:INTERCEPTED]->(sh2)
     CREATE (s1)-[:RECOVERED]->(l1), (s1)-[:RECOVERED]->(l2), (sh1)-[:CARRIED]->(l1), (sh1)-[:CARRIED]->(l2)
     CREATE (l1)-[:OF_SPECIES]->(species)
     CREATE (s1)-[:ARRESTED {charge: "smuggling"}]->(a)
     CREATE (sh1)-[:STOPS_AT {seq: 0, role: "ORIGIN"}]->(away), (sh1)-[:STOPS_AT {seq: 1, role: "DESTINATION"}]->(port)
     CREATE (sh2)-[:STOPS_AT {seq: 0, role: "ORIGIN"}]->(port), (sh2)-[:STOPS_AT {seq: 1, role: "DESTINATION"}]->(away)
     CREATE (a)-[:PARTY_TO {role: "SHIPPER"}]->(sh1), (b)-[:PARTY_TO {role: "CONSIGNEE"}]->(sh1)
     CREATE (co)-[:PARTY_TO {role: "CONSIGNEE"}]->(sh1), (a)-[:PARTY_TO {role: "SHIPPER"}]->(sh2)
     CREATE (a)-[:HAS_IDENTIFIER]->(phone), (b)-[:HAS_IDENTIFIER]->(phone)
     CREATE (a)-[:HAS_IDENTIFIER]->(email), (co)-[:HAS_IDENTIFIER]->(email)
     CREATE (a)-[:HAS_IDENTIFIER]->(address)`,
    { home: HOME, away: AWAY, id },
  );

  const counted = countingDriver(connect());
  peerDriver = counted.driver;
  peerQueries = () => counted.counter.count;
  const { database } = neo4jFromContext();
  peer = await startPeerServer(peerDriver, database);
  targets = {
    api: { url: api.url, headers: { authorization: `Bearer ${await api.token(Role.ADMIN)}` } },
    peer: { url: peer.url, headers: {} },
    raw: await RawCypher.load(api.driver, database),
  };
});

afterAll(async () => {
  await peer?.close();
  await peerDriver?.close();
  if (api) {
    await api.driver.executeQuery(`MATCH (node) WHERE node.id STARTS WITH $prefix OR node.id CONTAINS $prefix DETACH DELETE node`, { prefix: P });
    await api.driver.executeQuery(`MATCH (c:Country {createdBy: $marker}) DETACH DELETE c`, { marker: MARKER });
    await api.close();
  }
});

/** The canonical answers of the three systems to one round of a shape. */
async function answers(shape: PeerShape): Promise<Record<System, unknown>> {
  const found = {} as Record<System, unknown>;
  for (const system of ["api", "peer", "raw"] as const) {
    found[system] = answerOf(system, shape, (await ask(targets, system, shape, 0)).reply);
  }
  return found;
}

describe("the peer benchmark's three systems answer alike", () => {
  it("nested seizure lookup", async () => {
    const { api: fromApi, peer: fromPeer, raw: fromRaw } = await answers(lookupShape([id.seizure1]));
    const port = { id: id.port, name: "Peer answers port" };
    expect(fromApi).toEqual({
      seizure: {
        id: id.seizure1,
        date: "2021-04-05",
        country: { code: HOME, name: "Tuvalu" },
        place: port,
        commodities: [
          { id: id.line1, product: "SCALES", quantity: 10, weightKg: 10, species: { id: id.species, scientificName: "Manis peeranswers" } },
          { id: id.line2, product: "MEAT", quantity: 3, weightKg: null, species: null },
        ],
        shipments: [
          {
            id: id.shipment1,
            mode: "SEA",
            route: [
              { sequence: 0, role: "ORIGIN", place: null, country: AWAY },
              { sequence: 1, role: "DESTINATION", place: port, country: HOME },
            ],
            parties: [
              { role: "CONSIGNEE", kind: "Company", id: id.company, name: "Peer Answers Ltd" },
              { role: "SHIPPER", kind: "Person", id: id.personA, name: "Peer Answers A" },
              { role: "CONSIGNEE", kind: "Person", id: id.personB, name: "Peer Answers B" },
            ],
          },
        ],
      },
    });
    expect(fromPeer).toEqual(fromApi);
    expect(fromRaw).toEqual(fromApi);
  });

  it("persons with the most seizures (among this file's persons), the peer's statements counted", async () => {
    const shape = topPersonsShape([id.personA, id.personB, id.personC]);
    const before = peerQueries();
    const { api: fromApi, peer: fromPeer, raw: fromRaw } = await answers(shape);
    expect(fromApi).toEqual([
      { id: id.personA, name: "Peer Answers A", seizureCount: 2 },
      { id: id.personB, name: "Peer Answers B", seizureCount: 1 },
      { id: id.personC, name: "Peer Answers C", seizureCount: 0 },
    ]);
    expect(fromPeer).toEqual(fromApi);
    expect(fromRaw).toEqual(fromApi);
    // The counting driver sees the peer's statements (its version check may come with the first request).
    expect(peerQueries() - before).toBeGreaterThanOrEqual(1);
  });

  it("persons and companies sharing an identifier", async () => {
    const { api: fromApi, peer: fromPeer, raw: fromRaw } = await answers(sharedIdentifiersShape([id.personA]));
    expect(fromApi).toEqual([
      { sharedCount: 1, party: id.company, identifiers: [id.email] },
      { sharedCount: 1, party: id.personB, identifiers: [id.phone] },
    ]);
    expect(fromPeer).toEqual(fromApi);
    expect(fromRaw).toEqual(fromApi);
  });

  it("countries -> seizures -> commodities -> species", async () => {
    const { api: fromApi, peer: fromPeer, raw: fromRaw } = await answers(neighbourSeizuresShape([AWAY]));
    expect(fromApi).toEqual([
      {
        code: HOME,
        name: "Tuvalu",
        seizures: [
          {
            id: id.seizure1,
            date: "2021-04-05",
            commodities: [
              { product: "MEAT", species: null },
              { product: "SCALES", species: "Manis peeranswers" },
            ],
          },
          { id: id.seizure2, date: "2021-06-07", commodities: [] },
        ],
      },
    ]);
    expect(fromPeer).toEqual(fromApi);
    expect(fromRaw).toEqual(fromApi);
  });
});
