import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { analyzeRings, type AnalyzeRingsResult } from "../../src/analysis/analyze-rings.js";
import { RingRepository } from "../../src/repositories/ring.repository.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * `rings` over a generated network: the analysis (`analyzeRings`, what `npm run analyze` runs) must
 * recover every ring the generator planted, with its brokers among the first three, and the query
 * must serve what it stored with how fresh it is. The expected values come from the generator's
 * ground truth and its CSV rows, not from the code under test.
 */
let api: TestApi;
let world: GeneratedWorld;
let first: AnalyzeRingsResult;
let before: number;

const RINGS = `query($scope: String!, $first: Int, $minSize: Int) {
  rings(scope: $scope, first: $first, minSize: $minSize) {
    state scope computedAt ageSeconds durationMs partyCount linkCount ringCount
    rings {
      id rank size seizureCount totalWeightKg shipmentCount computedAt density closure meanCohesion stability
      members { brokerRank brokerScore cohesion party { __typename ... on Person { id } ... on Company { id } } }
      brokers(first: 3) { brokerRank party { ... on Person { id } ... on Company { id } } }
    }
  }
}`;

interface FoundRing {
  id: string;
  rank: number;
  size: number;
  seizureCount: number;
  totalWeightKg: number | null;
  shipmentCount: number;
  computedAt: string;
  density: number | null;
  closure: number | null;
  meanCohesion: number | null;
  stability: number | null;
  members: { brokerRank: number | null; brokerScore: number; cohesion: number; party: { __typename: string; id: string } }[];
  brokers: { brokerRank: number; party: { id: string } }[];
}

async function rings(variables: Record<string, unknown> = {}) {
  const response = await api.post(RINGS, { scope: world.prefix, first: 200, ...variables });
  expect(response.errors).toBeUndefined();
  return response.data!.rings as {
    state: string;
    scope: string;
    computedAt: string | null;
    ageSeconds: number | null;
    durationMs: number | null;
    partyCount: number;
    linkCount: number;
    ringCount: number;
    rings: FoundRing[];
  };
}

beforeAll(async () => {
  [api, world] = await Promise.all([startTestApi(), importGeneratedWorld("rings", { seed: "rings", shipments: 300 })]);
}, 420_000);

afterAll(async () => {
  await world?.remove();
  await api?.close();
});

describe("before any analysis", () => {
  it("says the scope was never analysed, with no rings", async () => {
    const result = await rings();
    expect(result).toEqual({
      state: "NEVER_COMPUTED",
      scope: world.prefix,
      computedAt: null,
      ageSeconds: null,
      durationMs: null,
      partyCount: 0,
      linkCount: 0,
      ringCount: 0,
      rings: [],
    });
  });
});

describe("planted rings", () => {
  beforeAll(async () => {
    before = Date.now();
    first = await analyzeRings(world.executor, world.registry, { scope: world.prefix });
    console.log(
      `ring analysis of ${world.network.truth.shipments} shipments: ${first.parties} parties, ${first.links} links, ` +
        `${first.rings} rings in ${Math.round(first.durationMs)} ms (export ${Math.round(first.exportMs)}, ` +
        `detection ${Math.round(first.detectMs)}, store ${Math.round(first.storeMs)})`,
    );
  }, 120_000);

  it("the ground truth plants rings with brokers (so the checks below check something)", () => {
    expect(world.network.truth.rings.length).toBeGreaterThanOrEqual(6);
    expect(world.network.truth.brokers.length).toBeGreaterThanOrEqual(6);
  });

  it("recovers every planted ring (recall >= 0.95, precision >= 0.9) with each planted broker in its top 3", async () => {
    const found = (await rings()).rings;
    const figures = world.network.truth.rings.map((planted) => {
      const truth = new Set(planted.members.map((member) => world.id(member.id)));
      // The found ring that shares most members with the planted one.
      let best: FoundRing | undefined;
      let overlap = 0;
      for (const ring of found) {
        const shared = ring.members.filter((member) => truth.has(member.party.id)).length;
        if (shared > overlap) [best, overlap] = [ring, shared];
      }
      const brokerRanks = planted.brokers.map((broker) => best?.members.find((member) => member.party.id === world.id(broker))?.brokerRank ?? null);
      return {
        ring: planted.id,
        foundId: best?.id ?? null,
        members: truth.size,
        found: best?.size ?? 0,
        recall: overlap / truth.size,
        precision: best ? overlap / best.size : 0,
        brokerRanks,
      };
    });
    console.table(figures.map((figure) => ({ ...figure, brokerRanks: JSON.stringify(figure.brokerRanks) })));
    for (const figure of figures) {
      expect(figure.recall, `recall of ${figure.ring}`).toBeGreaterThanOrEqual(0.95);
      expect(figure.precision, `precision of ${figure.ring}`).toBeGreaterThanOrEqual(0.9);
      for (const rank of figure.brokerRanks) {
        expect(rank, `a broker of ${figure.ring}`).not.toBeNull();
        expect(rank!, `a broker of ${figure.ring}`).toBeLessThanOrEqual(3);
      }
    }
    // Two planted rings never come back as one.
    expect(new Set(figures.map((figure) => figure.foundId)).size).toBe(figures.length);
  });

  it("lists rings largest first, members as persons and companies, brokers by rank", async () => {
    const result = await rings();
    expect(result.rings.length).toBe(first.rings);
    expect(result.ringCount).toBe(first.rings);
    expect(result.rings.map((ring) => ring.rank)).toEqual(result.rings.map((_, index) => index + 1));
    const sizes = result.rings.map((ring) => ring.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const persons = new Set(world.network.rows.persons.map((row) => world.id(row.id)));
    const companies = new Set(world.network.rows.companies.map((row) => world.id(row.id)));
    for (const ring of result.rings) {
      expect(ring.members.length).toBe(ring.size);
      expect(ring.size).toBeGreaterThanOrEqual(8);
      for (const { party } of ring.members) {
        expect(party.__typename === "Person" ? persons.has(party.id) : companies.has(party.id), party.id).toBe(true);
      }
      const ranked = ring.members.filter((member) => member.brokerRank !== null);
      expect(ring.brokers.map((broker) => broker.party.id)).toEqual(
        [...ranked].sort((a, b) => a.brokerRank! - b.brokerRank!).slice(0, 3).map((member) => member.party.id),
      );
      expect(ring.brokers.map((broker) => broker.brokerRank)).toEqual(ring.brokers.map((_, index) => index + 1));
      for (const member of ring.members) expect(member.brokerRank === null).toBe(member.brokerScore === 0);
    }
  });

  it("gives each ring its quality: density and closure counted from the CSV rows, mean cohesion, stability", async () => {
    const { rows } = world.network;
    // The party graph's links as the rows give them: pairs sharing an identifier (of at most 10
    // holders), a shipment or an office.
    const linked = new Set<string>();
    const pair = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
    const groups = (entries: [string, string][]) => {
      const byKey = new Map<string, Set<string>>();
      for (const [key, party] of entries) byKey.set(key, (byKey.get(key) ?? new Set()).add(party));
      return [...byKey.values()].map((set) => [...set]);
    };
    const holders = groups(rows.identifierHolders.map((row) => [row.identifierId, row.holderId]));
    const parties = groups(rows.parties.map((row) => [row.shipmentId, row.partyId]));
    for (const list of [...holders.filter((list) => list.length <= 10), ...parties]) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) linked.add(pair(list[i], list[j]));
    }
    for (const row of rows.officers) linked.add(pair(row.personId, row.companyId));
    for (const ring of (await rings()).rings) {
      const ids = ring.members.map((member) => world.generatedId(member.party.id));
      let pairs = 0;
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (linked.has(pair(ids[i], ids[j]))) pairs++;
      expect(ring.density!, ring.id).toBeCloseTo(pairs / ((ids.length * (ids.length - 1)) / 2), 10);
      expect(ring.closure!, ring.id).toBeGreaterThanOrEqual(0.8);
      expect(ring.closure!, ring.id).toBeLessThanOrEqual(1);
      expect(ring.meanCohesion!, ring.id).toBeCloseTo(ring.members.reduce((sum, member) => sum + member.cohesion, 0) / ring.size, 6);
      expect(ring.stability!, ring.id).toBeGreaterThan(0);
      expect(ring.stability!, ring.id).toBeLessThanOrEqual(1);
    }
  });

  it("gives each ring the seizures its members touch and their known weight, as the CSV rows say", async () => {
    const { rows } = world.network;
    const found = (await rings()).rings;
    for (const ring of found) {
      const members = new Set(ring.members.map((member) => world.generatedId(member.party.id)));
      const shipments = new Set(rows.parties.filter((row) => members.has(row.partyId)).map((row) => row.shipmentId));
      const seizures = new Set([
        ...rows.seizures.filter((row) => shipments.has(row.shipmentId)).map((row) => row.id),
        ...rows.arrests.filter((row) => members.has(row.personId)).map((row) => row.seizureId),
      ]);
      const weights = rows.commodityLines.filter((row) => seizures.has(row.seizureId) && row.weightKg !== "").map((row) => Number(row.weightKg));
      expect(ring.shipmentCount, ring.id).toBe(shipments.size);
      expect(ring.seizureCount, ring.id).toBe(seizures.size);
      if (weights.length === 0) expect(ring.totalWeightKg).toBeNull();
      else expect(ring.totalWeightKg!).toBeCloseTo(weights.reduce((sum, weight) => sum + weight, 0), 6);
    }
    expect(found.some((ring) => ring.seizureCount > 0)).toBe(true);
  });

  it("serves a ring's seizures as Seizure objects, latest first", async () => {
    const [ring] = (await rings()).rings.filter((candidate) => candidate.seizureCount > 1);
    const response = await api.post(`query($id: ID!) { ring(id: $id) { id seizureCount seizures(first: 1000) { id date } } }`, { id: ring.id });
    expect(response.errors).toBeUndefined();
    const seizures = response.data!.ring.seizures as { id: string; date: string | null }[];
    expect(seizures.length).toBe(ring.seizureCount);
    const dates = seizures.map((seizure) => seizure.date ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("says when the results were computed and how old they are", async () => {
    const result = await rings();
    expect(result.state).toBe("READY");
    const computedAt = Date.parse(result.computedAt!);
    expect(computedAt).toBe(first.computedAt.getTime());
    expect(computedAt).toBeGreaterThanOrEqual(before);
    expect(computedAt).toBeLessThanOrEqual(Date.now());
    expect(result.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(result.ageSeconds).toBeLessThanOrEqual(Math.ceil((Date.now() - computedAt) / 1000));
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.partyCount).toBe(first.parties);
    expect(result.linkCount).toBe(first.links);
    for (const ring of result.rings) expect(ring.computedAt).toBe(result.computedAt);
  });

  it("filters by minSize and cuts at first", async () => {
    const all = (await rings()).rings;
    const threshold = all[Math.floor(all.length / 2)].size;
    const large = await rings({ minSize: threshold });
    expect(large.rings.map((ring) => ring.id)).toEqual(all.filter((ring) => ring.size >= threshold).map((ring) => ring.id));
    expect(large.ringCount).toBe(large.rings.length);
    const two = await rings({ first: 2 });
    expect(two.rings.map((ring) => ring.id)).toEqual(all.slice(0, 2).map((ring) => ring.id));
    expect(two.ringCount).toBe(all.length);
  });

  it("ring(id) and ringOf(partyId) find the ring of a planted broker; parties in no ring get null", async () => {
    const all = (await rings()).rings;
    const broker = world.id(world.network.truth.brokers[0].id);
    const home = all.find((ring) => ring.members.some((member) => member.party.id === broker))!;
    const response = await api.post(
      `query($id: ID!, $party: ID!, $scope: String!) {
        ring(id: $id) { id size members { party { ... on Person { id } ... on Company { id } } } }
        ringOf(partyId: $party, scope: $scope) { id size }
        nobody: ringOf(partyId: "no-such-party", scope: $scope) { id }
        elsewhere: ringOf(partyId: $party, scope: "no-such-scope-") { id }
        unknown: ring(id: "no-such-ring") { id }
      }`,
      { id: home.id, party: broker, scope: world.prefix },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.ring.id).toBe(home.id);
    expect(response.data!.ring.members.map((member: { party: { id: string } }) => member.party.id).sort()).toEqual(
      home.members.map((member) => member.party.id).sort(),
    );
    expect(response.data!.ringOf).toEqual({ id: home.id, size: home.size });
    expect(response.data!.nobody).toBeNull();
    expect(response.data!.elsewhere).toBeNull();
    expect(response.data!.unknown).toBeNull();
  });

  it("a scope nobody analysed stays NEVER_COMPUTED", async () => {
    const result = await rings({ scope: `${world.prefix}nothing-` });
    expect(result.state).toBe("NEVER_COMPUTED");
    expect(result.rings).toEqual([]);
  });

  it("a new run replaces the old one whole, and finds the same rings (seeded)", async () => {
    const old = await rings();
    const second = await analyzeRings(world.executor, world.registry, { scope: world.prefix });
    const now = await rings();
    expect(second.runId).not.toBe(first.runId);
    expect(Date.parse(now.computedAt!)).toBe(second.computedAt.getTime());
    const membership = (list: FoundRing[]) => list.map((ring) => ring.members.map((member) => member.party.id).sort());
    expect(membership(now.rings)).toEqual(membership(old.rings));
    expect(now.rings.map((ring) => ring.brokers.map((broker) => broker.party.id))).toEqual(
      old.rings.map((ring) => ring.brokers.map((broker) => broker.party.id)),
    );
    const { records } = await api.driver.executeQuery(
      `MATCH (run:AnalysisRun {kind: 'rings', scope: $scope}) RETURN run.id AS id, COUNT { (run)-[:FOUND]->(:Ring) } AS rings`,
      { scope: world.prefix },
    );
    expect(records.map((record) => record.get("id"))).toEqual([second.runId]);
    expect(records[0].get("rings").toNumber()).toBe(second.rings);
    const stale = await api.post(`query($id: ID!) { ring(id: $id) { id } }`, { id: old.rings[0].id });
    expect(stale.data!.ring).toBeNull();
    const leftovers = await api.driver.executeQuery(`MATCH (ring:Ring {runId: $run}) RETURN count(ring) AS n`, { run: first.runId });
    expect(leftovers.records[0].get("n").toNumber()).toBe(0);
  }, 120_000);
});

describe("a member of two rings", () => {
  it("is stored in both, listed among the members of each, and ringOf gives the ring he is most tied to", async () => {
    // A run stored as the analysis stores it, in a scope of its own: two rings sharing one party.
    const scope = `${world.prefix}two-rings-`;
    const [shared, ...others] = world.network.rows.persons.slice(0, 5).map((row) => world.id(row.id));
    const member = (id: string, cohesion: number) => ({ id, kind: "Person" as const, brokerRank: null, brokerScore: 0, cohesion });
    const quality = { density: 1, closure: 0.9, meanCohesion: 2, stability: 1 };
    await new RingRepository(world.executor).store(
      { id: `${scope}run`, scope, computedAt: new Date(), parameters: "{}", durationMs: 1, partyCount: 5, linkCount: 4, communityCount: 2 },
      [
        { id: `${scope}ring-1`, rank: 1, members: [member(shared, 1), member(others[0], 2), member(others[1], 2)], quality },
        { id: `${scope}ring-2`, rank: 2, members: [member(shared, 3), member(others[2], 2), member(others[3], 2)], quality: { ...quality, stability: 0.5 } },
      ],
    );
    // Rings of three: under the field's default minSize.
    const result = await rings({ scope, minSize: 2 });
    expect(result.rings.map((ring) => [ring.id, ring.members.map((entry) => entry.party.id).sort()])).toEqual([
      [`${scope}ring-1`, [shared, others[0], others[1]].sort()],
      [`${scope}ring-2`, [shared, others[2], others[3]].sort()],
    ]);
    expect(result.rings.map((ring) => ring.stability)).toEqual([1, 0.5]);
    const response = await api.post(`query($party: ID!, $scope: String!) { ringOf(partyId: $party, scope: $scope) { id } }`, { party: shared, scope });
    expect(response.errors).toBeUndefined();
    expect(response.data!.ringOf).toEqual({ id: `${scope}ring-2` });
  });
});

describe("invalid arguments", () => {
  it.each([
    ["rings first 0", `{ rings(first: 0) { state } }`, "first"],
    ["rings first over the maximum", `{ rings(first: 201) { state } }`, "first"],
    ["rings minSize 1", `{ rings(minSize: 1) { state } }`, "minSize"],
    ["rings scope too long", `{ rings(scope: "${"x".repeat(201)}") { state } }`, "scope"],
    // Field arguments are checked when the field resolves: on the rings of this world.
    ["brokers first 0", `query($scope: String!) { rings(scope: $scope) { rings { brokers(first: 0) { brokerRank } } } }`, "first"],
    ["seizures first 0", `query($scope: String!) { rings(scope: $scope) { rings { seizures(first: 0) { id } } } }`, "first"],
    ["ringOf partyId too long", `{ ringOf(partyId: "${"x".repeat(1001)}") { id } }`, "partyId"],
  ])("%s: BAD_USER_INPUT naming the argument", async (_case, query, argument) => {
    const response = await api.post(query, query.includes("$scope") ? { scope: world.prefix } : undefined);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
  });

  it.each([
    [{ minSize: 1 }, "minSize"],
    [{ resolution: 0 }, "resolution"],
    [{ seed: 1.5 }, "seed"],
    [{ pageSize: 0 }, "pageSize"],
    [{ scope: "x".repeat(201) }, "scope"],
    [{ weights: { maxIdentifierHolders: 1 } }, "weights.maxIdentifierHolders"],
  ])("analyzeRings(%j) refuses with BAD_USER_INPUT", async (options, argument) => {
    await expect(analyzeRings(world.executor, world.registry, options)).rejects.toMatchObject({ code: "BAD_USER_INPUT", argument });
  });
});
