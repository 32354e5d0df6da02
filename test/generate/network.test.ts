import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateNetwork } from "../../src/generate/generate-network.js";
import { layout, type TableName } from "../../src/generate/layout.js";
import { graphOf, hashFolder, readNetwork, type NetworkFiles, type Row } from "./network-files.js";

/**
 * Generates networks of three sizes (the smallest the CLI allows, a test size, and one with more
 * rings) and checks each against its ground truth and the model, reading the files back with a
 * CSV parser. Determinism is checked on the test size.
 */
const CONFIGS = [
  { seed: "t7", shipments: 4000 },
  { seed: "tiny", shipments: 50 },
  { seed: "m3", shipments: 20_000 },
] as const;

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "generate-test-"));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const tableNames = Object.keys(layout) as TableName[];
const REFERENCE_TABLES = new Set<TableName>(["countries", "places", "species"]);

function index(rows: readonly Row[], key = "id"): Map<string, Row> {
  return new Map(rows.map((row) => [row[key], row]));
}

/** Appends to the list under `key`, creating it. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

describe("determinism", () => {
  const { seed, shipments } = CONFIGS[0];

  test("the same seed and size give byte-identical files", async () => {
    const [a, b] = [path.join(root, "same-1"), path.join(root, "same-2")];
    await generateNetwork({ seed, shipments, outDir: a });
    await generateNetwork({ seed, shipments, outDir: b });
    const [first, second] = [await hashFolder(a), await hashFolder(b)];
    expect(Object.keys(first)).toEqual([...tableNames.map((name) => layout[name].file), "ground-truth.json"].sort());
    expect(second).toEqual(first);
  });

  test("another seed gives other people, the same reference rows, and ids that carry the seed", async () => {
    const [a, b] = [path.join(root, "seed-a"), path.join(root, "seed-b")];
    await generateNetwork({ seed, shipments, outDir: a });
    await generateNetwork({ seed: "t8", shipments, outDir: b });
    const [first, other] = [await hashFolder(a), await hashFolder(b)];
    expect(other["persons.csv"]).not.toBe(first["persons.csv"]);
    expect(other["places.csv"]).toBe(first["places.csv"]);
    const otherNetwork = await readNetwork(b);
    expect(otherNetwork.rows.persons.every((row) => row.id.startsWith("gen-t8-person-"))).toBe(true);
  });
});

describe.each(CONFIGS)("a network of $shipments shipments (seed $seed)", ({ seed, shipments }) => {
  let first: string;
  let network: NetworkFiles;

  beforeAll(async () => {
    first = path.join(root, `${seed}-first`);
    await generateNetwork({ seed, shipments, outDir: first });
    network = await readNetwork(first);
  });

  /** Holder id → identifier ids, and identifier id → holder ids, from identifier-holders.csv. */
  function holdings(): { byHolder: Map<string, string[]>; byIdentifier: Map<string, string[]> } {
    const byHolder = new Map<string, string[]>();
    const byIdentifier = new Map<string, string[]>();
    for (const row of network.rows.identifierHolders) {
      push(byHolder, row.holderId, row.identifierId);
      push(byIdentifier, row.identifierId, row.holderId);
    }
    return { byHolder, byIdentifier };
  }

  /** Shipment id → party ids. */
  function shipmentParties(): Map<string, string[]> {
    const parties = new Map<string, string[]>();
    for (const row of network.rows.parties) push(parties, row.shipmentId, row.partyId);
    return parties;
  }

  describe("files and ground truth", () => {
    test.each(tableNames)("%s has the documented header", (name) => {
      expect(network.headers[name]).toEqual([...layout[name].columns]);
    });

    test("ground truth counts the data rows of every file, recounted with a CSV parser", () => {
      const recount = Object.fromEntries(tableNames.map((name) => [layout[name].file, network.rows[name].length]));
      expect(network.truth.files).toEqual(recount);
      expect(network.truth.shipments).toBe(shipments);
      expect(network.rows.shipments).toHaveLength(shipments);
    });

    test("the summary agrees with the files", () => {
      const { summary } = network.truth;
      expect(summary.rings).toBe(network.truth.rings.length);
      expect(summary.ringMembers).toBe(network.truth.rings.reduce((sum, ring) => sum + ring.members.length, 0));
      expect(summary.seizedShipments).toBe(network.rows.seizures.length);
      expect(summary.ringShipments).toBe(network.truth.rings.reduce((sum, ring) => sum + ring.shipments, 0));
      expect(summary.sharedIdentifiers).toBe(Object.keys(network.truth.identifierSharers).length);
    });

    test("every generated row is marked synthetic and every reference row is not", () => {
      for (const name of tableNames) {
        if (!layout[name].columns.includes("synthetic" as never)) continue;
        const expected = REFERENCE_TABLES.has(name) ? "false" : "true";
        expect(new Set(network.rows[name].map((row) => row.synthetic)), name).toEqual(new Set([expected]));
      }
    });

    test("generated ids carry the gen-<seed>- prefix, are unique, and identifiers are KIND:value", () => {
      const prefix = `gen-${seed}-`;
      for (const name of ["sources", "persons", "companies", "carriers", "shipments", "commodityLines", "seizures"] as const) {
        const ids = network.rows[name].map((row) => row.id);
        expect(ids.every((id) => id.startsWith(prefix)), name).toBe(true);
        expect(new Set(ids).size, name).toBe(ids.length);
      }
      const identifiers = network.rows.identifiers;
      expect(new Set(identifiers.map((row) => row.id)).size).toBe(identifiers.length);
      for (const row of identifiers) expect(row.id).toBe(`${row.kind}:${row.value}`);
    });

    test("identifier sharers in the ground truth are exactly the identifiers the files give several holders", () => {
      const { byIdentifier } = holdings();
      const fromFiles: Record<string, string[]> = {};
      for (const [id, holders] of byIdentifier) if (holders.length > 1) fromFiles[id] = [...holders].sort();
      const fromTruth = Object.fromEntries(Object.entries(network.truth.identifierSharers).map(([id, entry]) => [id, entry.holders]));
      expect(fromTruth).toEqual(fromFiles);
    });

    test("hub counts in the ground truth match the files", () => {
      const stops = new Map<string, number>();
      for (const row of network.rows.routeStops) if (row.placeId) stops.set(row.placeId, (stops.get(row.placeId) ?? 0) + 1);
      for (const hub of network.truth.hubs.places) expect(stops.get(hub.id), hub.id).toBe(hub.stops);
      const lines = new Map<string, number>();
      for (const row of network.rows.commodityLines) lines.set(row.speciesId, (lines.get(row.speciesId) ?? 0) + 1);
      for (const hub of network.truth.hubs.species) expect(lines.get(hub.id), hub.id).toBe(hub.lines);
      const forwarded = new Map<string, number>();
      for (const row of network.rows.parties) if (row.role === "FREIGHT_FORWARDER") forwarded.set(row.partyId, (forwarded.get(row.partyId) ?? 0) + 1);
      for (const hub of network.truth.hubs.forwarders) expect(forwarded.get(hub.id) ?? 0, hub.id).toBe(hub.shipments);
      // A hub's share means something only where there are enough shipments to share (at 50 it is a few draws).
      if (shipments >= 1000) expect(network.truth.hubs.forwarders[0].shipments).toBeGreaterThan(shipments / 20);
    });
  });

  describe("referential integrity", () => {
    test("every foreign id in a relationship column exists in its node file", () => {
      const { rows } = network;
      const persons = index(rows.persons);
      const companies = index(rows.companies);
      const identifiers = index(rows.identifiers);
      const shipments = index(rows.shipments);
      const seizures = index(rows.seizures);
      const places = index(rows.places);
      const countries = index(rows.countries);
      const species = index(rows.species);
      const carriers = index(rows.carriers);
      const holder = (kind: string): Map<string, Row> => (kind === "Person" ? persons : companies);
      const missing: string[] = [];
      const check = (file: string, column: string, value: string, target: Map<string, Row>): void => {
        if (!target.has(value)) missing.push(`${file}.${column} = ${value}`);
      };

      for (const row of rows.persons) check("persons", "nationalityId", row.nationalityId, countries);
      for (const row of rows.companies) check("companies", "countryId", row.countryId, countries);
      for (const row of rows.places) check("places", "countryId", row.countryId, countries);
      for (const row of rows.identifierHolders) {
        expect(["Person", "Company"]).toContain(row.holderKind);
        check("identifier-holders", "holderId", row.holderId, holder(row.holderKind));
        check("identifier-holders", "identifierId", row.identifierId, identifiers);
      }
      for (const row of rows.officers) {
        check("officers", "personId", row.personId, persons);
        check("officers", "companyId", row.companyId, companies);
      }
      for (const row of rows.shipments) if (row.carrierId) check("shipments", "carrierId", row.carrierId, carriers);
      for (const row of rows.routeStops) {
        check("route-stops", "shipmentId", row.shipmentId, shipments);
        expect(Boolean(row.placeId) !== Boolean(row.countryId), `${row.shipmentId} stop ${row.seq} names exactly one of place and country`).toBe(true);
        if (row.placeId) check("route-stops", "placeId", row.placeId, places);
        else check("route-stops", "countryId", row.countryId, countries);
      }
      for (const row of rows.parties) {
        check("parties", "partyId", row.partyId, holder(row.partyKind));
        check("parties", "shipmentId", row.shipmentId, shipments);
      }
      for (const row of rows.commodityLines) {
        check("commodity-lines", "shipmentId", row.shipmentId, shipments);
        check("commodity-lines", "speciesId", row.speciesId, species);
        if (row.seizureId) {
          check("commodity-lines", "seizureId", row.seizureId, seizures);
          expect(seizures.get(row.seizureId)?.shipmentId).toBe(row.shipmentId);
        }
      }
      for (const row of rows.seizures) {
        check("seizures", "shipmentId", row.shipmentId, shipments);
        check("seizures", "countryId", row.countryId, countries);
        if (row.placeId) {
          check("seizures", "placeId", row.placeId, places);
          expect(places.get(row.placeId)?.countryId).toBe(row.countryId);
        }
      }
      const parties = shipmentParties();
      for (const row of rows.arrests) {
        check("arrests", "seizureId", row.seizureId, seizures);
        check("arrests", "personId", row.personId, persons);
        const shipment = seizures.get(row.seizureId)?.shipmentId ?? "";
        expect(parties.get(shipment), "an arrested person took part in the shipment").toContain(row.personId);
      }
      expect(missing).toEqual([]);
    });

    test("routes run from seq 0 (ORIGIN) through TRANSIT stops to one DESTINATION", () => {
      const byShipment = new Map<string, Row[]>();
      for (const row of network.rows.routeStops) push(byShipment, row.shipmentId, row);
      expect(byShipment.size).toBe(shipments);
      for (const [shipment, stops] of byShipment) {
        const roles = stops.map((stop) => stop.role);
        expect(stops.map((stop) => Number(stop.seq)), shipment).toEqual(stops.map((_, i) => i));
        expect(roles, shipment).toEqual(["ORIGIN", ...Array<string>(stops.length - 2).fill("TRANSIT"), "DESTINATION"]);
      }
    });

    test("seizures come after departure and name a stop of the shipment's route", () => {
      const shipments = index(network.rows.shipments);
      const stopsOf = new Map<string, string[]>();
      for (const row of network.rows.routeStops) push(stopsOf, row.shipmentId, row.placeId || row.countryId);
      for (const seizure of network.rows.seizures) {
        expect(seizure.date >= (shipments.get(seizure.shipmentId)?.departedOn ?? "")).toBe(true);
        expect(stopsOf.get(seizure.shipmentId)).toContain(seizure.placeId || seizure.countryId);
        expect(Number(seizure.arrestCount)).toBeGreaterThanOrEqual(network.rows.arrests.filter((arrest) => arrest.seizureId === seizure.id).length);
      }
    });

    test("each shipment has parties, one of each role at most, and at least one commodity line", () => {
      const roles = new Map<string, string[]>();
      for (const row of network.rows.parties) push(roles, row.shipmentId, row.role);
      const lines = new Set(network.rows.commodityLines.map((row) => row.shipmentId));
      for (const shipment of network.rows.shipments) {
        const list = roles.get(shipment.id) ?? [];
        expect(list.length, shipment.id).toBeGreaterThanOrEqual(2);
        expect(new Set(list).size, shipment.id).toBe(list.length);
        expect(lines.has(shipment.id), shipment.id).toBe(true);
      }
    });
  });

  describe("planted rings", () => {
    test("rings are disjoint, of 20 to 36 members, and every member exists", () => {
      const persons = index(network.rows.persons);
      const companies = index(network.rows.companies);
      const seen = new Set<string>();
      for (const ring of network.truth.rings) {
        expect(ring.members.length, ring.id).toBeGreaterThanOrEqual(20);
        expect(ring.members.length, ring.id).toBeLessThanOrEqual(36);
        for (const member of ring.members) {
          expect((member.kind === "Person" ? persons : companies).has(member.id), member.id).toBe(true);
          expect(seen.has(member.id), `${member.id} is in one ring only`).toBe(false);
          seen.add(member.id);
        }
        for (const broker of ring.brokers) expect(ring.members.map((member) => member.id)).toContain(broker);
      }
    });

    test("inside each ring, every member shares an identifier with another member and the sharing connects the ring", () => {
      const { byHolder, byIdentifier } = holdings();
      for (const ring of network.truth.rings) {
        const members = new Set(ring.members.map((member) => member.id));
        const neighbours = (id: string): string[] =>
          [...(byHolder.get(id) ?? [])].flatMap((identifier) => [...(byIdentifier.get(identifier) ?? [])]).filter((other) => other !== id && members.has(other));
        for (const member of members) expect(neighbours(member).length, `${member} of ${ring.id}`).toBeGreaterThan(0);
        const start = ring.members[0].id;
        const reached = new Set([start]);
        const queue = [start];
        while (queue.length > 0) for (const next of neighbours(queue.shift() ?? "")) if (!reached.has(next)) reached.add(next), queue.push(next);
        expect(reached.size, ring.id).toBe(members.size);
      }
    });

    test("ring members act together: most of a ring's shipments have two or more of its members", () => {
      const ringOf = new Map<string, string>();
      for (const ring of network.truth.rings) for (const member of ring.members) ringOf.set(member.id, ring.id);
      const average = network.truth.summary.ringShipments / network.truth.rings.length;
      for (const ring of network.truth.rings) expect(ring.shipments, ring.id).toBeGreaterThan(average / 4);
      let together = 0;
      let ringShipments = 0;
      for (const parties of shipmentParties().values()) {
        const rings = parties.map((party) => ringOf.get(party)).filter((ring) => ring !== undefined);
        if (rings.length === 0) continue;
        ringShipments++;
        if (rings.length >= 2) together++;
      }
      expect(together / ringShipments).toBeGreaterThan(0.8);
    });

    /** Pairs of ring members of different rings in direct contact: a shared identifier or a shared shipment. */
    function crossRingContacts(): { a: string; b: string }[] {
      const ringOf = new Map<string, string>();
      for (const ring of network.truth.rings) for (const member of ring.members) ringOf.set(member.id, ring.id);
      const contacts: { a: string; b: string }[] = [];
      const groups = [...holdings().byIdentifier.values(), ...shipmentParties().values()];
      for (const group of groups) {
        const members = [...group].filter((id) => ringOf.has(id));
        for (const a of members) for (const b of members) if (a < b && ringOf.get(a) !== ringOf.get(b)) contacts.push({ a, b });
      }
      return contacts;
    }

    test("brokers bridge exactly the rings recorded, and every contact between rings goes through a broker or a planted path", () => {
      const ringOf = new Map<string, string>();
      for (const ring of network.truth.rings) for (const member of ring.members) ringOf.set(member.id, ring.id);
      const bridges = new Map(network.truth.brokers.map((broker) => [broker.id, new Set(broker.bridges)]));
      const reached = new Map<string, Set<string>>([...bridges.keys()].map((id) => [id, new Set([ringOf.get(id) ?? ""])]));
      const plantedPairs = new Set(
        network.truth.plantedPaths.filter((planted) => planted.length === 2).map((planted) => [planted.from, planted.to].sort().join(" ")),
      );
      for (const { a, b } of crossRingContacts()) {
        reached.get(a)?.add(ringOf.get(b) ?? "");
        reached.get(b)?.add(ringOf.get(a) ?? "");
        const explained =
          bridges.get(a)?.has(ringOf.get(b) ?? "") || bridges.get(b)?.has(ringOf.get(a) ?? "") || plantedPairs.has([a, b].sort().join(" "));
        expect(explained, `${a} (${ringOf.get(a)}) and ${b} (${ringOf.get(b)})`).toBe(true);
      }
      expect(network.truth.brokers.length).toBeGreaterThanOrEqual(network.truth.rings.length);
      for (const [broker, rings] of bridges) expect(reached.get(broker), broker).toEqual(rings);
      for (const ring of network.truth.rings) {
        expect(ring.brokers.length, ring.id).toBeGreaterThanOrEqual(1);
        expect(ring.brokers.length, ring.id).toBeLessThanOrEqual(2);
      }
    });

    test("core members have no neighbour outside their ring but the ends of their planted paths", () => {
      const ringOf = new Map<string, string>();
      for (const ring of network.truth.rings) for (const member of ring.members) ringOf.set(member.id, ring.id);
      const planted = new Map<string, Set<string>>();
      for (const path of network.truth.plantedPaths) {
        for (const end of [path.from, path.to]) planted.set(end, new Set(path.nodes.map((node) => node.id)));
      }
      const { byHolder, byIdentifier } = holdings();
      const parties = shipmentParties();
      const shipmentsOf = new Map<string, string[]>();
      for (const row of network.rows.parties) push(shipmentsOf, row.partyId, row.shipmentId);
      const companiesOf = new Map<string, string[]>();
      for (const row of network.rows.officers) {
        push(companiesOf, row.personId, row.companyId);
        push(companiesOf, row.companyId, row.personId);
      }
      for (const ring of network.truth.rings) {
        for (const member of ring.members.filter((entry) => !entry.exposed)) {
          const allowed = planted.get(member.id) ?? new Set<string>();
          const outside = [
            ...[...(byHolder.get(member.id) ?? [])].flatMap((identifier) => [...(byIdentifier.get(identifier) ?? [])]),
            ...(shipmentsOf.get(member.id) ?? []).flatMap((shipment) => parties.get(shipment) ?? []),
            ...(companiesOf.get(member.id) ?? []),
          ].filter((other) => other !== member.id && ringOf.get(other) !== ring.id && !allowed.has(other));
          expect(outside, `${member.id} (${ring.id})`).toEqual([]);
        }
      }
    });
  });

  describe("planted paths", () => {
    test("there are planted paths of 2 to 5 hops between core members of rings no broker joins", () => {
      const { plantedPaths, brokers, rings } = network.truth;
      expect(plantedPaths.length).toBeGreaterThanOrEqual(4);
      expect(new Set(plantedPaths.map((path) => path.length))).toEqual(new Set([2, 3, 4, 5]));
      const bridged = new Set(brokers.map((broker) => [...broker.bridges].sort().join(" ")));
      const member = new Map(rings.flatMap((ring) => ring.members.map((entry) => [entry.id, { ring: ring.id, exposed: entry.exposed }] as const)));
      for (const path of plantedPaths) {
        expect(bridged.has([path.fromRing, path.toRing].sort().join(" ")), `${path.fromRing}–${path.toRing}`).toBe(false);
        expect(member.get(path.from)).toEqual({ ring: path.fromRing, exposed: false });
        expect(member.get(path.to)).toEqual({ ring: path.toRing, exposed: false });
        expect(path.edges).toHaveLength(path.length);
        expect(path.nodes).toHaveLength(path.length + 1);
      }
    });

    test("every edge of a planted path is in the files", () => {
      const edges = new Set([
        ...network.rows.identifierHolders.map((row) => `HAS_IDENTIFIER ${row.holderId} ${row.identifierId}`),
        ...network.rows.officers.map((row) => `OFFICER_OF ${row.personId} ${row.companyId}`),
        ...network.rows.parties.map((row) => `PARTY_TO ${row.partyId} ${row.shipmentId}`),
      ]);
      for (const path of network.truth.plantedPaths) {
        path.edges.forEach((edge, i) => {
          expect(edges.has(`${edge.type} ${edge.from} ${edge.to}`), `${edge.type} ${edge.from} ${edge.to}`).toBe(true);
          expect([edge.from, edge.to].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
        });
      }
    });

    test("each planted path is the only shortest path between its ends, over the types it names", () => {
      const graph = graphOf(network.rows);
      for (const path of network.truth.plantedPaths) {
        const found = graph.shortestPaths(path.from, path.to, new Set(path.uniqueUnder), path.length);
        expect(found, `${path.from} → ${path.to}`).toEqual({ distance: path.length, count: 1 });
      }
    });
  });

  describe("realism", () => {
    test("phones are E.164, e-mails use the example domains only, names carry diacritics and aliases", () => {
      for (const row of network.rows.identifiers) {
        if (row.kind === "PHONE") expect(row.value).toMatch(/^\+[1-9]\d{7,13}$/);
        if (row.kind === "EMAIL") expect(row.value).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
        if (row.kind === "ADDRESS") expect(row.value).toBe(row.value.toLowerCase());
      }
      const names = network.rows.persons.map((row) => row.name);
      expect(names.some((name) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(name))).toBe(true);
      expect(network.rows.persons.some((row) => /[\u4e00-\u9fff]/.test(row.aliases))).toBe(true);
      expect(network.rows.persons.filter((row) => row.aliases !== "").length / names.length).toBeGreaterThan(0.5);
    });

    test("some stops name only a country, and a few percent of shipments are seized", () => {
      const countryOnly = network.rows.routeStops.filter((row) => row.countryId !== "").length;
      expect(countryOnly).toBeGreaterThan(0);
      expect(countryOnly / network.rows.routeStops.length).toBeLessThan(0.1);
      expect(network.rows.seizures.length).toBeGreaterThan(0);
      if (shipments >= 1000) {
        const seized = network.rows.seizures.length / shipments;
        expect(seized).toBeGreaterThan(0.04);
        expect(seized).toBeLessThan(0.12);
      }
    });

    test("normalised weights agree with the reported quantity for kilograms", () => {
      for (const row of network.rows.commodityLines) {
        if (row.unit === "KG") expect(row.weightKg).toBe(row.quantity);
        if (row.unit === "UNKNOWN") expect([row.quantity, row.weightKg]).toEqual(["", ""]);
      }
    });
  });
});
