import "reflect-metadata";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { buildGraphQLSchema } from "../../src/graphql/build-schema.js";
import { snapshotDatabase, type DatabaseSnapshot } from "../helpers/database-snapshot.js";
import { textArguments, type TextArgument } from "../helpers/schema-walk.js";
import { startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

/**
 * Every argument of the schema that takes text, input objects' fields included, is sent Cypher,
 * GraphQL and Lucene injection payloads as variables (the way clients send values). Only
 * BAD_USER_INPUT, NOT_FOUND or ordinary answers may come back, never a stack trace or the
 * payload itself; the database (the run's own, with the fixture graph; files run one at a time)
 * is unchanged afterwards, and the API never even tried to write. Arguments that take enum values
 * (labels, relationship types, sort keys) are sent the same payloads and must refuse them all.
 */

const PAYLOADS: [string, string][] = [
  ["quote and always-true", "' OR 1=1 //"],
  ["double quote and delete", '"}) MATCH (n) DETACH DELETE n //'],
  ["single quote and delete", "'}) MATCH (n) DETACH DELETE n //"],
  ["closing a map and union", "x'}) RETURN 1 AS x UNION MATCH (n) RETURN n.id AS x //"],
  ["escaped quote, as text", "\\u0027 OR 1=1 //"],
  ["a real quote", "'"],
  ["backslash at the end", "abc\\"],
  ["a parameter name", "$x"],
  ["a backticked identifier", "`a`"],
  ["a label injection", "`) DETACH DELETE n //"],
  ["a template slot", "{{PATHS}}"],
  ["a JavaScript template", "${process.exit(1)}"],
  ["an introspection field name", "__schema"],
  ["a GraphQL document", "{ __schema { types { name } } }"],
  ["a procedure call", "CALL dbms.killQueries(['x']) //"],
  ["a write procedure", "' CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) YIELD value RETURN 1 //"],
  ["LOAD CSV", "' LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line //"],
  ["a null byte", "fixture\u0000-person-1"],
  ["control characters", "\u0001\u0002\u001b[31m\r\n"],
  ["right-to-left override and emoji", "\u202efixture 🐘"],
  ["a very long string", "x".repeat(100_000)],
  ["an empty string", ""],
  ["only spaces", "   "],
  ["Lucene match-all", "*:*"],
  ["Lucene field query", "name:* OR id:*"],
  ["Lucene operators", "a~ AND b^2 OR -c +d"],
  ["Lucene range", "[* TO *]"],
  ["Lucene regex", "/.*/"],
  ["Lucene unbalanced", "(((("],
  ["Lucene wildcard first", "*a?"],
  ["a path", "../../../../etc/passwd"],
  ["a number", "1e309"],
  ["JSON", '{"$ne": null}'],
];

const ALLOWED_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND"]);
const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|file:\/\/|\/work\//;

const schema = await buildGraphQLSchema();
const textSites = textArguments(schema);
const enumSites = textArguments(schema, { enums: true });

let api: TestApi;
let before: DatabaseSnapshot;
let writes: ReturnType<typeof vi.spyOn>[];

beforeAll(async () => {
  api = await startTestApi({
    // The payloads reach arguments deep in the graph; thousands of requests come from one identity.
    env: { QUERY_MAX_DEPTH: "20", RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  // On the class: each request reaches the database through a copy made for its budget.
  writes = [vi.spyOn(CypherExecutor.prototype, "write"), vi.spyOn(CypherExecutor.prototype, "writeAll")];
  before = await snapshotDatabase(api.driver, api.config.neo4j.database);
});

afterAll(async () => {
  // The spies are on the class: the next file in this worker must find it as it was.
  for (const write of writes ?? []) write.mockRestore();
  await api?.close();
});

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

interface Outcome {
  site: string;
  payload: string;
  problem: string;
}

async function feed(site: TextArgument, allowed: ReadonlySet<string>, mustRefuse: boolean): Promise<Outcome[]> {
  const problems: Outcome[] = [];
  await inBatches(PAYLOADS, 4, async ([payloadName, payload]) => {
    const response: GraphQLResponse = await api.post(site.query, { value: site.variableFor(payload) });
    // An answer may repeat the text it was given (a search's echo, a label): that is not a leak.
    const text = JSON.stringify(response).split(JSON.stringify(payload).slice(1, -1)).join("");
    const report = (problem: string) => problems.push({ site: site.name, payload: payloadName, problem });
    if (response.status >= 500) report(`HTTP ${response.status}`);
    if (STACK_TRACE.test(text)) report("a stack trace or file path in the response");
    const codes = (response.errors ?? []).map((error) => error.extensions?.code ?? "none");
    for (const code of codes) if (!allowed.has(code)) report(`code ${code}: ${response.errors?.find((e) => e.extensions?.code === code)?.message.slice(0, 200)}`);
    if (mustRefuse && codes.length === 0) report("accepted");
    if (payload.length >= 8 && (response.errors ?? []).some((error) => error.message.includes(payload))) report("the payload echoed in an error");
  });
  return problems;
}

describe("injection payloads", () => {
  it("walks the schema to dozens of text arguments", () => {
    expect(textSites.length).toBeGreaterThan(40);
    // Reached through lists, not only root fields: a relationship field's cursor.
    expect(textSites.map((site) => site.name)).toContain("Country.seizures(after)");
  });

  it.each(textSites.map((site) => [site.name, site] as const))("%s: only BAD_USER_INPUT, NOT_FOUND or answers", async (_name, site) => {
    expect(await feed(site, ALLOWED_CODES, false)).toEqual([]);
  });

  it.each(enumSites.map((site) => [site.name, site] as const))("%s (an enum): every payload refused", async (_name, site) => {
    expect(await feed(site, new Set(["BAD_USER_INPUT"]), true)).toEqual([]);
  });

  it("left the database unchanged, and nothing tried to write", async () => {
    expect(await snapshotDatabase(api.driver, api.config.neo4j.database)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(50);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });
});
