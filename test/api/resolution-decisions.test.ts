import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { Role } from "../../src/auth/role.js";
import { applyDecisions } from "../../src/resolution/apply-decisions.js";
import { resolveCandidates } from "../../src/resolution/resolve-candidates.js";
import { runResolveCli } from "../../src/resolution/resolve-command.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { deleteResolutionRecords, deleteWorld, uniquePrefix } from "../import/helpers/import-context.js";

/**
 * Decisions on resolution candidates through the API: confirm, reject, link by hand and undo, each
 * a record of who, when, why and on what evidence, written to the graph and to the audit trail,
 * FORBIDDEN below INVESTIGATOR, never changing or deleting an entity. The persons are this file's
 * own (a prefix of its own), and their candidates come from the resolver run on that prefix.
 */
let api: TestApi;
let prefix: string;

const PERSONS = {
  hung: "Nguyễn Văn Hùng",
  hungUpper: "NGUYEN VAN HUNG",
  mai: "Trần Thị Mai",
  maiUpper: "TRAN THI MAI",
  tam: "Lê Văn Tám",
  tuan: "Phạm Minh Tuấn",
  tuanUpper: "PHAM MINH TUAN",
};
type Key = keyof typeof PERSONS;

const id = (key: Key) => `${prefix}${key}`;
const pair = (x: Key, y: Key) => (id(x) < id(y) ? `Person:${id(x)}|${id(y)}` : `Person:${id(y)}|${id(x)}`);

const DECISION_FIELDS = `id kind verdict candidateId reason decidedBy decidedAt automatic score features undoneAt undoneBy undoReason
  a { ... on Person { id name } } b { ... on Person { id name } }`;
const CONFIRM = `mutation($candidateId: ID!, $reason: String!) { confirmMatch(candidateId: $candidateId, reason: $reason) { ${DECISION_FIELDS} } }`;
const REJECT = `mutation($candidateId: ID!, $reason: String!) { rejectMatch(candidateId: $candidateId, reason: $reason) { ${DECISION_FIELDS} } }`;
const LINK = `mutation($aId: ID!, $bId: ID!, $reason: String!) { linkEntities(kind: PERSON, aId: $aId, bId: $bId, reason: $reason) { ${DECISION_FIELDS} } }`;
const UNDO = `mutation($id: ID!, $reason: String!) { undoDecision(id: $id, reason: $reason) { ${DECISION_FIELDS} } }`;
const DECISIONS = `query($entityId: ID, $includeUndone: Boolean, $first: Int, $after: String) {
  resolutionDecisions(entityId: $entityId, includeUndone: $includeUndone, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id verdict undoneAt } }
  }
}`;

interface Decision {
  id: string;
  kind: string;
  verdict: string;
  candidateId: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  automatic: boolean;
  score: number | null;
  features: string[];
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
  a: { id: string; name: string };
  b: { id: string; name: string };
}

async function ok<T>(query: string, variables: Record<string, unknown>, field: string, as: Parameters<TestApi["post"]>[2] = Role.INVESTIGATOR): Promise<T> {
  const response = await api.post(query, variables, as);
  expect(response.errors).toBeUndefined();
  return response.data![field] as T;
}

async function codeOf(query: string, variables: Record<string, unknown>, as: Parameters<TestApi["post"]>[2] = Role.INVESTIGATOR): Promise<unknown> {
  const response = await api.post(query, variables, as);
  return response.errors?.[0]?.extensions?.code;
}

/** SAME_AS relationships among this file's persons, as `a|b|decisionId`, read straight from the graph. */
async function sameAs(): Promise<string[]> {
  const rows = await api.executor.read(
    `MATCH (a:Person)-[same:SAME_AS]->(b:Person) WHERE a.id STARTS WITH $prefix RETURN a.id + '|' + b.id + '|' + same.decisionId AS row ORDER BY row`,
    { prefix },
  );
  return rows.map((row) => row.row as string);
}

/** Every property of this file's persons, to show that no decision touches them. */
async function persons(): Promise<string> {
  const rows = await api.executor.read(`MATCH (p:Person) WHERE p.id STARTS WITH $prefix RETURN p.id AS id, properties(p) AS properties ORDER BY id`, { prefix });
  return JSON.stringify(rows);
}

async function decisionCount(): Promise<number> {
  const [row] = await api.executor.read(`MATCH (d:ResolutionDecision) WHERE d.aId STARTS WITH $prefix RETURN count(d) AS count`, { prefix });
  return Number(row!.count);
}

beforeAll(async () => {
  prefix = uniquePrefix("decisions");
  api = await startTestApi();
  await api.executor.write(
    `UNWIND $persons AS person
     CREATE (node:Person {id: person.id, name: person.name, aliases: []})
     WITH node, person
     MERGE (identifier:Identifier {id: person.id + '-phone'})
       ON CREATE SET identifier.kind = 'PHONE', identifier.value = person.phone
     CREATE (node)-[:HAS_IDENTIFIER {sourceId: $prefix + 'hand', sourceRow: 0}]->(identifier)`,
    {
      prefix,
      persons: Object.entries(PERSONS).map(([key, name], at) => ({ id: `${prefix}${key}`, name, phone: `+8491200030${at}` })),
    },
  );
  await resolveCandidates(api.executor, { scope: prefix, minScore: 0.5 });
}, 240_000);

afterAll(async () => {
  if (prefix && api) {
    await deleteResolutionRecords(api.executor, prefix);
    await deleteWorld(api.executor, prefix);
  }
  await api?.close();
});

describe("decisions on candidates", () => {
  it("has the two spellings of each name as candidates, and no others", async () => {
    const rows = await api.executor.read(`MATCH (c:MatchCandidate) WHERE c.aId STARTS WITH $prefix RETURN c.id AS id ORDER BY id`, { prefix });
    expect(rows.map((row) => row.id)).toStrictEqual([pair("hung", "hungUpper"), pair("mai", "maiUpper"), pair("tuan", "tuanUpper")].sort());
  });

  it("confirms a candidate: a record with the evidence, SAME_AS in the graph, the persons unchanged", async () => {
    const before = await persons();
    const subject = `decider-${Date.now().toString(36)}`;
    const authorization = `Bearer ${await api.token(Role.INVESTIGATOR, subject)}`;
    const started = Date.now();
    const decision = await ok<Decision>(CONFIRM, { candidateId: pair("hung", "hungUpper"), reason: "same passport photo" }, "confirmMatch", { authorization });
    const [candidate] = await api.executor.read(`MATCH (c:MatchCandidate {id: $id}) RETURN c.score AS score, c.featureNames AS features`, {
      id: pair("hung", "hungUpper"),
    });
    expect(decision).toMatchObject({
      kind: "PERSON",
      verdict: "SAME",
      candidateId: pair("hung", "hungUpper"),
      reason: "same passport photo",
      decidedBy: `token:${subject}`,
      automatic: false,
      score: candidate!.score,
      features: candidate!.features,
      undoneAt: null,
    });
    expect(Date.parse(decision.decidedAt)).toBeGreaterThanOrEqual(started - 1_000);
    expect([decision.a.name, decision.b.name].sort()).toStrictEqual([PERSONS.hung, PERSONS.hungUpper].sort());
    expect(await sameAs()).toStrictEqual([[id("hung"), id("hungUpper")].sort().join("|") + `|${decision.id}`]);
    expect(await persons()).toBe(before);

    // Audited: the request, by its subject, with both persons disclosed.
    const page = await api.security.audit.list({ first: 10, subject: `token:${subject}` });
    expect(page.records).toHaveLength(1);
    expect(page.records[0]!.disclosed).toEqual(expect.arrayContaining([`Person:${id("hung")}`, `Person:${id("hungUpper")}`]));
  });

  it("refuses a second decision on a pair that has a live one", async () => {
    const count = await decisionCount();
    expect(await codeOf(CONFIRM, { candidateId: pair("hung", "hungUpper"), reason: "again" })).toBe("BAD_USER_INPUT");
    expect(await codeOf(REJECT, { candidateId: pair("hung", "hungUpper"), reason: "changed my mind" })).toBe("BAD_USER_INPUT");
    expect(await decisionCount()).toBe(count);
  });

  it("rejects a candidate: a DIFFERENT record, no SAME_AS", async () => {
    const same = await sameAs();
    const decision = await ok<Decision>(REJECT, { candidateId: pair("mai", "maiUpper"), reason: "two sisters" }, "rejectMatch");
    expect(decision).toMatchObject({ verdict: "DIFFERENT", candidateId: pair("mai", "maiUpper"), automatic: false });
    expect(decision.score).toBeGreaterThan(0.5);
    expect(await sameAs()).toStrictEqual(same);
  });

  it("links two persons by hand, without a candidate", async () => {
    const decision = await ok<Decision>(LINK, { aId: id("tam"), bId: id("maiUpper"), reason: "court file 12/2024" }, "linkEntities");
    expect(decision).toMatchObject({ verdict: "SAME", score: null, features: [], candidateId: pair("tam", "maiUpper") });
    expect(await sameAs()).toContain([id("tam"), id("maiUpper")].sort().join("|") + `|${decision.id}`);
  });

  it("undoes a decision: marked undone with who and why, its SAME_AS gone, listed only with includeUndone", async () => {
    const link = (await ok<{ edges: { node: { id: string; verdict: string } }[] }>(DECISIONS, { entityId: id("tam") }, "resolutionDecisions")).edges;
    expect(link).toHaveLength(1);
    const undone = await ok<Decision>(UNDO, { id: link[0]!.node.id, reason: "wrong file" }, "undoDecision");
    expect(undone.undoneAt).not.toBeNull();
    expect(undone).toMatchObject({ undoReason: "wrong file", undoneBy: "token:test-investigator", verdict: "SAME" });
    expect((await sameAs()).some((row) => row.includes(id("tam")))).toBe(false);
    expect((await ok<{ totalCount: number }>(DECISIONS, { entityId: id("tam") }, "resolutionDecisions")).totalCount).toBe(0);
    const all = await ok<{ edges: { node: { id: string; undoneAt: string | null } }[] }>(DECISIONS, { entityId: id("tam"), includeUndone: true }, "resolutionDecisions");
    expect(all.edges.map((edge) => edge.node)).toStrictEqual([{ id: undone.id, verdict: "SAME", undoneAt: undone.undoneAt }]);
    // Undone once: a second undo finds no live decision; the pair may be decided again.
    expect(await codeOf(UNDO, { id: undone.id, reason: "again" })).toBe("NOT_FOUND");
    const again = await ok<Decision>(LINK, { aId: id("tam"), bId: id("maiUpper"), reason: "second look" }, "linkEntities");
    await ok<Decision>(UNDO, { id: again.id, reason: "not after all" }, "undoDecision");
  });

  it("lists decisions latest first, page by page", async () => {
    const whole = await ok<{ totalCount: number; edges: { node: { id: string } }[] }>(DECISIONS, { includeUndone: true, first: 100 }, "resolutionDecisions");
    const ours = await api.executor.read(
      `MATCH (d:ResolutionDecision) RETURN d.id AS id ORDER BY d.decidedAt DESC, d.id`,
      {},
    );
    expect(whole.edges.map((edge) => edge.node.id)).toStrictEqual(ours.map((row) => row.id));
    expect(whole.totalCount).toBe(ours.length);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const listing: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } = await ok(
        DECISIONS,
        { includeUndone: true, first: 2, after },
        "resolutionDecisions",
      );
      paged.push(...listing.edges.map((edge) => edge.node.id));
      if (!listing.pageInfo.hasNextPage) break;
      after = listing.pageInfo.endCursor;
    }
    expect(paged).toStrictEqual(whole.edges.map((edge) => edge.node.id));
  });

  it.each([
    ["an empty reason", CONFIRM, () => ({ candidateId: pair("mai", "maiUpper"), reason: "  " }), "BAD_USER_INPUT"],
    ["a reason too long", LINK, () => ({ aId: id("tam"), bId: id("hung"), reason: "x".repeat(1_001) }), "BAD_USER_INPUT"],
    ["a malformed candidate id", CONFIRM, () => ({ candidateId: "not a pair", reason: "r" }), "BAD_USER_INPUT"],
    ["an unknown candidate", CONFIRM, () => ({ candidateId: pair("tam", "hung"), reason: "r" }), "NOT_FOUND"],
    ["an unknown person", LINK, () => ({ aId: id("tam"), bId: `${prefix}nobody`, reason: "r" }), "NOT_FOUND"],
    ["one person twice", LINK, () => ({ aId: id("tam"), bId: id("tam"), reason: "r" }), "BAD_USER_INPUT"],
    ["an unknown decision", UNDO, () => ({ id: "decision-none", reason: "r" }), "NOT_FOUND"],
  ])("refuses %s and writes nothing", async (_name, query, variables, code) => {
    const [count, same] = [await decisionCount(), await sameAs()];
    expect(await codeOf(query, variables())).toBe(code);
    expect([await decisionCount(), await sameAs()]).toStrictEqual([count, same]);
  });

  it.each([Role.PUBLIC, Role.ANALYST])("is FORBIDDEN to %s, and writes nothing", async (role) => {
    const [count, same] = [await decisionCount(), await sameAs()];
    const live = (await ok<{ edges: { node: { id: string } }[] }>(DECISIONS, { entityId: id("hung") }, "resolutionDecisions")).edges[0]!.node.id;
    for (const [query, variables, field] of [
      [CONFIRM, { candidateId: pair("mai", "maiUpper"), reason: "r" }, "confirmMatch"],
      [REJECT, { candidateId: pair("mai", "maiUpper"), reason: "r" }, "rejectMatch"],
      [LINK, { aId: id("tam"), bId: id("hung"), reason: "r" }, "linkEntities"],
      [UNDO, { id: live, reason: "r" }, "undoDecision"],
      [DECISIONS, {}, "resolutionDecisions"],
    ] as const) {
      const response = await api.post(query, variables, role);
      expect(response.errors?.map((error) => [error.extensions?.code, error.path]), field).toStrictEqual([["FORBIDDEN", [field]]]);
    }
    expect([await decisionCount(), await sameAs()]).toStrictEqual([count, same]);
  });

  it("applies, as automatic decisions, only the candidates on which no decision was ever taken", async () => {
    const before = await api.executor.read(
      `MATCH (d:ResolutionDecision) WHERE d.aId STARTS WITH $prefix RETURN d.pairId AS pair, count(d) AS decisions ORDER BY pair`,
      { prefix },
    );
    expect(before.map((row) => row.pair)).not.toContain(pair("tuan", "tuanUpper"));
    expect(await applyDecisions(api.executor, { minScore: 0.5, scope: prefix })).toStrictEqual({ applied: 1, skipped: 0 });
    const listed = await ok<{ edges: { node: { id: string } }[] }>(DECISIONS, { entityId: id("tuan") }, "resolutionDecisions");
    expect(listed.edges).toHaveLength(1);
    const [row] = await api.executor.read(`MATCH (d:ResolutionDecision {id: $id}) RETURN d.automatic AS automatic, d.decidedBy AS by, d.verdict AS verdict`, {
      id: listed.edges[0]!.node.id,
    });
    expect(row).toStrictEqual({ automatic: true, by: "resolve-command", verdict: "SAME" });
    // The other pairs keep exactly the decisions investigators took; a second run applies nothing.
    const after = await api.executor.read(
      `MATCH (d:ResolutionDecision) WHERE d.aId STARTS WITH $prefix AND d.pairId <> $tuan RETURN d.pairId AS pair, count(d) AS decisions ORDER BY pair`,
      { prefix, tuan: pair("tuan", "tuanUpper") },
    );
    expect(after).toStrictEqual(before);
    expect(await applyDecisions(api.executor, { minScore: 0.5, scope: prefix })).toStrictEqual({ applied: 0, skipped: 0 });
  });

  it("npm run resolve -- apply needs a score", async () => {
    const printed: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    try {
      expect(await runResolveCli(["apply"])).toBe(1);
    } finally {
      error.mockRestore();
    }
    expect(printed.join("\n")).toMatch(/apply needs --min-score/);
  });
});
