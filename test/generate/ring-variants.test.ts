import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateNetwork } from "../../src/generate/generate-network.js";
import { runCli } from "../../src/generate/run-cli.js";
import { hashFolder, readNetwork, type NetworkFiles } from "./network-files.js";

/**
 * The optional ring variants (--small-rings, --shared-brokers, --single-link-members), read back
 * from the files with a CSV parser: each is planted as its ground truth says, and asking for none
 * writes the same bytes as not asking.
 */
const SEED = "variants";
const SHIPMENTS = 1500;
const VARIANTS = { smallRings: 2, sharedBrokers: 2, singleLinkMembers: 3 };

let root: string;
let network: NetworkFiles;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ring-variants-"));
  await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: path.join(root, "on"), variants: VARIANTS });
  network = await readNetwork(path.join(root, "on"));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Holder id → the identifiers it holds; identifier → its holders. */
function holdings() {
  const held = new Map<string, Set<string>>();
  const holders = new Map<string, Set<string>>();
  for (const row of network.rows.identifierHolders) {
    held.set(row.holderId, (held.get(row.holderId) ?? new Set()).add(row.identifierId));
    holders.set(row.identifierId, (holders.get(row.identifierId) ?? new Set()).add(row.holderId));
  }
  return { held, holders };
}

/** Shipment id → its parties' ids. */
function shipmentParties(): Map<string, string[]> {
  const parties = new Map<string, string[]>();
  for (const row of network.rows.parties) parties.set(row.shipmentId, [...(parties.get(row.shipmentId) ?? []), row.partyId]);
  return parties;
}

describe("without variants", () => {
  test("variants of 0 write the same bytes as no option, and the ground truth says nothing of them", async () => {
    const [a, b] = [path.join(root, "none"), path.join(root, "zero")];
    await generateNetwork({ seed: SEED, shipments: 300, outDir: a });
    const truth = await generateNetwork({ seed: SEED, shipments: 300, outDir: b, variants: { smallRings: 0, sharedBrokers: 0, singleLinkMembers: 0 } });
    expect(await hashFolder(b)).toEqual(await hashFolder(a));
    expect(truth.summary.smallRings).toBeUndefined();
    expect(truth.rings.some((ring) => ring.small !== undefined || ring.members.some((member) => member.singleLink !== undefined))).toBe(false);
    expect(truth.brokers.some((broker) => broker.memberOfBoth !== undefined)).toBe(false);
  });

  test("a count that is not a whole number from 0 to 200 is refused", async () => {
    await expect(generateNetwork({ seed: SEED, shipments: 60, outDir: path.join(root, "bad"), variants: { smallRings: 1.5 } })).rejects.toThrow(/smallRings must be a whole number/);
    const err: string[] = [];
    const code = await runCli(["--shipments", "60", "--seed", "x", "--shared-brokers", "201"], { out: () => undefined, err: (line) => err.push(line) });
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/--shared-brokers must be a whole number from 0 to 200/);
  });
});

describe(`with ${JSON.stringify(VARIANTS)} at ${SHIPMENTS} shipments`, () => {
  test("the summary counts what was planted", () => {
    const { truth } = network;
    expect(truth.summary).toMatchObject({ smallRings: 2, sharedBrokers: 2, singleLinkMembers: 3 });
    expect(truth.rings.filter((ring) => ring.small).length).toBe(2);
  });

  test("a small ring has six members, each sharing an identifier with at least three of the others, and shipments among them", () => {
    const { held, holders } = holdings();
    const parties = shipmentParties();
    for (const ring of network.truth.rings.filter((entry) => entry.small)) {
      expect(ring.members.length).toBe(6);
      expect(ring.brokers).toEqual([]);
      const ids = new Set(ring.members.map((member) => member.id));
      for (const member of ring.members) {
        const partners = new Set([...(held.get(member.id) ?? [])].flatMap((identifier) => [...holders.get(identifier)!]).filter((id) => id !== member.id && ids.has(id)));
        expect(partners.size, member.id).toBeGreaterThanOrEqual(3);
      }
      const inner = [...parties.values()].filter((list) => list.some((id) => ids.has(id)));
      expect(inner.length).toBe(ring.shipments);
      expect(ring.shipments).toBeGreaterThanOrEqual(5);
    }
  });

  test("a shared broker is a member and a broker of both his rings, shares identifiers with members of each and works on shipments of each", () => {
    const { held, holders } = holdings();
    const parties = shipmentParties();
    const shared = network.truth.brokers.filter((broker) => broker.memberOfBoth);
    expect(shared.length).toBe(2);
    for (const broker of shared) {
      for (const ringId of broker.bridges) {
        const ring = network.truth.rings.find((entry) => entry.id === ringId)!;
        expect(ring.members.some((member) => member.id === broker.id)).toBe(true);
        expect(ring.brokers).toContain(broker.id);
        expect(ring.brokers.length).toBeLessThanOrEqual(3);
        const others = new Set(ring.members.map((member) => member.id).filter((id) => id !== broker.id));
        const sharing = [...held.get(broker.id)!].filter((identifier) => [...holders.get(identifier)!].some((id) => others.has(id)));
        expect(sharing.length, `${broker.id} in ${ringId}`).toBeGreaterThanOrEqual(4);
        const worked = [...parties.values()].filter((list) => list.includes(broker.id) && list.some((id) => others.has(id)));
        expect(worked.length, `${broker.id} in ${ringId}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  test("a single-link member holds no shared identifier and no office, and is party only to shipments with his handler alone", () => {
    const { held, holders } = holdings();
    const parties = shipmentParties();
    const officers = new Set(network.rows.officers.map((row) => row.personId));
    const singles = network.truth.rings.flatMap((ring) => ring.members.filter((member) => member.singleLink));
    expect(singles.length).toBe(3);
    for (const member of singles) {
      expect([...(held.get(member.id) ?? [])].every((identifier) => holders.get(identifier)!.size === 1)).toBe(true);
      expect(officers.has(member.id)).toBe(false);
      const his = [...parties.values()].filter((list) => list.includes(member.id));
      expect(his.length).toBe(member.singleLink!.shipments);
      expect(his.length).toBeGreaterThanOrEqual(4);
      for (const list of his) expect([...list].sort()).toEqual([member.id, member.singleLink!.handler].sort());
    }
  });
});
