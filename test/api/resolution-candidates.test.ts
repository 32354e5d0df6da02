import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { Role } from "../../src/auth/role.js";
import { resolveCandidates, type ResolveCandidatesResult } from "../../src/resolution/resolve-candidates.js";
import { runResolveCli } from "../../src/resolution/resolve-command.js";
import type { NetworkFiles } from "../generate/network-files.js";
import { importGeneratedWorld, type GeneratedWorld } from "../helpers/generated-world.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { deleteWorld, uniquePrefix } from "../import/helpers/import-context.js";

/**
 * Resolution candidates through the command and the API: a generated network with duplicate
 * records (`duplicates`, whose clusters the ground truth lists) is imported into a world of this
 * file's own, `npm run resolve -- candidates` runs in-process on it, and `resolutionCandidates`
 * must list the planted pairs best first, with their evidence, paged, filtered, for INVESTIGATOR
 * and above only, every shown pair audited; a run again replaces what the last one stored. The
 * expected pairs and shared identifiers come from the generator's ground truth and CSV rows, and
 * from two persons this file plants itself.
 */
let api: TestApi;
let context: GeneratedWorld;
let prefix: string;
let network: NetworkFiles;
/** Two persons of a scope of their own: one spelling each, one phone each, one phone shared. */
let plantedPrefix: string;
let firstRun: ResolveCandidatesResult;
let cliOutput: string;

const PLANTED = {
  a: { name: "Nguyễn Văn Hùng", phone: "+84912000201" },
  b: { name: "NGUYEN VAN HUNG", phone: "+84912000202" },
  shared: "+84912000299",
};

const CANDIDATES = `query($kind: MatchKind, $minScore: Float, $scope: String, $first: Int, $after: String) {
  resolutionCandidates(kind: $kind, minScore: $minScore, scope: $scope, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id kind score computedAt
        features { name weight detail }
        a { __typename ... on Person { id name } ... on Company { id name } }
        b { __typename ... on Person { id name } ... on Company { id name } }
      }
    }
  }
}`;

interface Listed {
  id: string;
  kind: string;
  score: number;
  computedAt: string;
  features: { name: string; weight: number; detail: string }[];
  a: { __typename: string; id: string; name: string };
  b: { __typename: string; id: string; name: string };
}

interface Listing {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Listed }[];
}

async function list(variables: Record<string, unknown>, as: Role | { authorization: string } = Role.INVESTIGATOR): Promise<Listing> {
  const response = await api.post(CANDIDATES, { scope: prefix, ...variables }, as);
  expect(response.errors).toBeUndefined();
  return response.data!.resolutionCandidates as Listing;
}

/** Every candidate of the filter, page by page. */
async function listAll(variables: Record<string, unknown>, first: number): Promise<Listed[]> {
  const found: Listed[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const listing = await list({ ...variables, first, after });
    found.push(...listing.edges.map((edge) => edge.node));
    if (!listing.pageInfo.hasNextPage) return found;
    after = listing.pageInfo.endCursor;
  }
  throw new Error("more pages than expected");
}

/** The candidate nodes of a scope as stored, counted straight in the database. */
async function storedIds(scope: string): Promise<string[]> {
  const rows = await context.executor.read(
    `MATCH (candidate:MatchCandidate) WHERE candidate.aId STARTS WITH $scope AND candidate.bId STARTS WITH $scope
     RETURN candidate.id AS id ORDER BY id`,
    { scope },
  );
  return rows.map((row) => row.id as string);
}

const pairId = (label: string, x: string, y: string) => (x < y ? `${label}:${x}|${y}` : `${label}:${y}|${x}`);
const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

/** The identifiers (as `KIND:value`) a generated record holds, read from the CSV rows. */
function identifiersOf(generatedId: string): Set<string> {
  const byId = new Map(network.rows.identifiers.map((row) => [row.id, `${row.kind}:${row.value}`]));
  return new Set(network.rows.identifierHolders.filter((row) => row.holderId === generatedId).map((row) => byId.get(row.identifierId)!));
}

beforeAll(async () => {
  plantedPrefix = uniquePrefix("resolution-planted");
  [api, context] = await Promise.all([startTestApi(), importGeneratedWorld("resolution", { seed: "resolution-candidates", shipments: 200, duplicates: 0.1 })]);
  ({ prefix, network } = context);
  await context.executor.write(
    `UNWIND $persons AS person
     CREATE (node:Person {id: person.id, name: person.name, aliases: []})
     WITH node, person
     UNWIND person.phones AS phone
     MERGE (identifier:Identifier {id: $prefix + 'PHONE:' + phone})
       ON CREATE SET identifier.kind = 'PHONE', identifier.value = phone
     CREATE (node)-[:HAS_IDENTIFIER {sourceId: $prefix + 'hand', sourceRow: 0}]->(identifier)`,
    {
      prefix: plantedPrefix,
      persons: [
        { id: `${plantedPrefix}person-a`, name: PLANTED.a.name, phones: [PLANTED.a.phone, PLANTED.shared] },
        { id: `${plantedPrefix}person-b`, name: PLANTED.b.name, phones: [PLANTED.b.phone, PLANTED.shared] },
      ],
    },
  );

  // The command as `npm run resolve -- candidates --scope <world>` runs it, on the test run's Neo4j.
  const connection = neo4jFromContext();
  vi.stubEnv("NEO4J_URI", connection.uri);
  vi.stubEnv("NEO4J_USER", connection.user);
  vi.stubEnv("NEO4J_PASSWORD", connection.password);
  vi.stubEnv("NEO4J_DATABASE", connection.database);
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
  try {
    expect(await runResolveCli(["candidates", "--scope", prefix, "--min-score", "0.5"])).toBe(0);
  } finally {
    log.mockRestore();
    error.mockRestore();
    vi.unstubAllEnvs();
  }
  cliOutput = printed.join("\n");
  // The same run again, in-process, for its figures (it finds what the command stored: nothing removed).
  firstRun = await resolveCandidates(context.executor, { scope: prefix, minScore: 0.5 });
}, 600_000);

afterAll(async () => {
  for (const scope of [prefix, plantedPrefix]) {
    if (!scope || !context) continue;
    await context.executor.write(
      `MATCH (candidate:MatchCandidate) WHERE candidate.aId STARTS WITH $scope AND candidate.bId STARTS WITH $scope DETACH DELETE candidate`,
      { scope },
    );
    if (scope === plantedPrefix) await deleteWorld(context.executor, scope);
  }
  await context?.remove();
  await api?.close();
});

describe("npm run resolve -- candidates", () => {
  it("prints counts and timings, and no name of the records it read", () => {
    expect(cliOutput).toMatch(/^candidates: \d+ stored, \d+ earlier ones removed/m);
    expect(cliOutput).toContain(`records: ${network.rows.persons.length} persons, ${network.rows.companies.length} companies`);
    const names = [...network.rows.persons, ...network.rows.companies].map((row) => row.name);
    expect(names.filter((name) => cliOutput.includes(name))).toStrictEqual([]);
  });

  it("reads every person and company of its scope, and stores what it found", async () => {
    expect(firstRun.persons).toBe(network.rows.persons.length);
    expect(firstRun.companies).toBe(network.rows.companies.length);
    expect(firstRun.written).toBe(firstRun.personCandidates + firstRun.companyCandidates);
    expect(firstRun.deleted).toBe(0);
    expect(await storedIds(prefix)).toHaveLength(firstRun.written);
  });

  it("refuses a score outside (0, 1]", async () => {
    await expect(resolveCandidates(context.executor, { scope: prefix, minScore: 0 })).rejects.toThrow(/minScore/);
    await expect(resolveCandidates(context.executor, { scope: prefix, minScore: 1.5 })).rejects.toThrow(/minScore/);
  });
});

describe("resolutionCandidates", () => {
  it("lists a planted duplicate pair that shares an identifier, with the evidence", async () => {
    const truth = network.truth.duplicates!;
    expect(truth.persons.length).toBeGreaterThan(0);
    const all = await listAll({ kind: "PERSON" }, 100);
    const byId = new Map(all.map((candidate) => [candidate.id, candidate]));
    // Pairs whose names differ only in accents or case, and that hold an identifier in common.
    const easy = truth.persons.flatMap((cluster) =>
      cluster.members
        .slice(1)
        .filter((double) => double.sharesIdentifier && ["no-diacritics", "upper-case"].includes(double.variant))
        .map((double) => ({ original: cluster.members[0]!.id, double: double.id })),
    );
    expect(easy.length).toBeGreaterThan(0);
    for (const { original, double } of easy) {
      const listed = byId.get(pairId("Person", prefix + original, prefix + double));
      expect(listed, `${original} and ${double}`).toBeDefined();
      expect(listed!.kind).toBe("PERSON");
      expect([listed!.a.id, listed!.b.id].sort()).toStrictEqual([prefix + original, prefix + double].sort());
      expect(listed!.a.__typename).toBe("Person");
      expect(listed!.a.id < listed!.b.id).toBe(true);
      // The identifiers both hold, by the CSV rows, are the evidence the feature quotes.
      const mine = identifiersOf(original);
      const shared = [...identifiersOf(double)].filter((identifier) => mine.has(identifier));
      expect(shared.length).toBeGreaterThan(0);
      const identifiers = listed!.features.find((feature) => feature.name === "identifiers");
      expect(identifiers?.weight).toBeGreaterThan(0);
      for (const identifier of shared) expect(identifiers!.detail).toContain(identifier);
      expect(listed!.features.map((feature) => feature.name)).toContain("names");
    }
  });

  it("pairs the two spellings of one man who share a phone, quoting only the shared one", async () => {
    await resolveCandidates(context.executor, { scope: plantedPrefix, minScore: 0.5 });
    const listing = await list({ scope: plantedPrefix, first: 10 });
    expect(listing.totalCount).toBe(1);
    const [{ node }] = listing.edges;
    expect(node.id).toBe(`Person:${plantedPrefix}person-a|${plantedPrefix}person-b`);
    expect([node.a.name, node.b.name]).toStrictEqual([PLANTED.a.name, PLANTED.b.name]);
    const identifiers = node.features.find((feature) => feature.name === "identifiers")!;
    expect(identifiers.detail).toContain(`PHONE:${PLANTED.shared}`);
    expect(identifiers.detail).not.toContain(PLANTED.a.phone);
    expect(identifiers.detail).not.toContain(PLANTED.b.phone);
  });

  it("explains each score exactly by its features, best first", async () => {
    const all = await listAll({}, 100);
    expect(all.length).toBe(firstRun.written);
    for (const candidate of all) {
      const sum = candidate.features.reduce((total, feature) => total + feature.weight, 0);
      expect(candidate.score).toBeCloseTo(logistic(sum), 9);
    }
    for (let i = 1; i < all.length; i++) {
      const [before, after] = [all[i - 1]!, all[i]!];
      expect(before.score > after.score || (before.score === after.score && before.id < after.id), `${i}`).toBe(true);
    }
  });

  it("pages through the same list, each candidate once, with its total", async () => {
    const whole = await listAll({}, 100);
    const paged = await listAll({}, 7);
    expect(paged.map((candidate) => candidate.id)).toStrictEqual(whole.map((candidate) => candidate.id));
    expect(new Set(paged.map((candidate) => candidate.id)).size).toBe(paged.length);
    const first = await list({ first: 7 });
    expect(first.totalCount).toBe(whole.length);
    expect(first.edges).toHaveLength(Math.min(7, whole.length));
    expect(first.pageInfo.hasNextPage).toBe(whole.length > 7);
    // A cursor belongs to its list: another filter refuses it.
    const other = await api.post(CANDIDATES, { scope: prefix, minScore: 0.9, first: 7, after: first.pageInfo.endCursor }, Role.INVESTIGATOR);
    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps only candidates of at least minScore, and of the kind asked", async () => {
    const whole = await listAll({}, 100);
    const high = await listAll({ minScore: 0.9 }, 100);
    expect(high.map((candidate) => candidate.id)).toStrictEqual(whole.filter((candidate) => candidate.score >= 0.9).map((candidate) => candidate.id));
    expect(high.length).toBeLessThan(whole.length);
    const companies = await listAll({ kind: "COMPANY" }, 100);
    expect(companies.length).toBe(firstRun.companyCandidates);
    expect(companies.every((candidate) => candidate.kind === "COMPANY" && candidate.a.__typename === "Company")).toBe(true);
    const bad = await api.post(CANDIDATES, { scope: prefix, minScore: 1.5 }, Role.INVESTIGATOR);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reads a page, its total and its entities in one query each, whatever the page's size", async () => {
    const sizes: number[] = [];
    for (const first of [5, 100]) {
      api.resetQueries();
      const listing = await list({ first });
      const kinds = new Set(listing.edges.map((edge) => edge.node.kind));
      sizes.push(kinds.size);
      // The page, its total, then one batch of persons and (when the page has companies) one of companies.
      expect(api.queries).toHaveLength(2 + kinds.size);
    }
    expect(sizes.at(-1)).toBe(2);
  });

  it.each([Role.PUBLIC, Role.ANALYST])("is FORBIDDEN to %s", async (role) => {
    const response = await api.post(CANDIDATES, { scope: prefix, first: 5 }, role);
    expect(response.errors?.map((error) => [error.extensions?.code, error.path])).toStrictEqual([["FORBIDDEN", ["resolutionCandidates"]]]);
    expect(response.data ?? null).toBeNull();
  });

  it("records the pairs it shows as disclosed in the audit trail", async () => {
    const subject = `resolution-${Date.now().toString(36)}`;
    const authorization = `Bearer ${await api.token(Role.INVESTIGATOR, subject)}`;
    const listing = await list({ first: 5 }, { authorization });
    expect(listing.edges.length).toBeGreaterThan(0);
    const page = await api.security.audit.list({ first: 10, subject: `token:${subject}` });
    expect(page.records).toHaveLength(1);
    const expected = listing.edges.flatMap(({ node }) => [`Person:${node.a.id}`, `Person:${node.b.id}`].map((entry) => (node.kind === "COMPANY" ? entry.replace("Person:", "Company:") : entry)));
    expect(page.records[0]!.disclosed).toEqual(expect.arrayContaining(expected));
  });
});

describe("a run again", () => {
  it("replaces the scope's candidates: no duplicates, those it no longer finds removed, other scopes untouched", async () => {
    const before = await storedIds(prefix);
    const plantedBefore = await storedIds(plantedPrefix);
    expect(plantedBefore).toHaveLength(1);
    const whole = await listAll({}, 100);

    // The same run: the same pairs, each once, with the new run's time.
    const again = await resolveCandidates(context.executor, { scope: prefix, minScore: 0.5 });
    expect(again.deleted).toBe(0);
    expect(await storedIds(prefix)).toStrictEqual(before);
    const relisted = await listAll({}, 100);
    expect(relisted.map((candidate) => candidate.id)).toStrictEqual(whole.map((candidate) => candidate.id));
    expect(new Set(relisted.map((candidate) => candidate.computedAt))).toStrictEqual(new Set([again.computedAt.toISOString()]));

    // A stricter run finds fewer: the others go.
    const strict = await resolveCandidates(context.executor, { scope: prefix, minScore: 0.9 });
    const kept = whole.filter((candidate) => candidate.score >= 0.9).map((candidate) => candidate.id);
    expect(strict.deleted).toBe(whole.length - kept.length);
    expect(await storedIds(prefix)).toStrictEqual([...kept].sort());
    expect((await list({ first: 1 })).totalCount).toBe(kept.length);

    // A candidate whose entity is gone: left out of the list at once, removed by the next run.
    const [gone] = relisted.filter((candidate) => kept.includes(candidate.id) && candidate.kind === "PERSON");
    await context.executor.write(`MATCH (person:Person {id: $id}) DETACH DELETE person`, { id: gone!.a.id });
    expect((await listAll({}, 100)).map((candidate) => candidate.id)).not.toContain(gone!.id);
    const afterDeletion = await resolveCandidates(context.executor, { scope: prefix, minScore: 0.9 });
    expect(afterDeletion.deleted).toBeGreaterThanOrEqual(1);
    expect(await storedIds(prefix)).not.toContain(gone!.id);

    // Another scope's candidates were never touched.
    expect(await storedIds(plantedPrefix)).toStrictEqual(plantedBefore);
  });
});
