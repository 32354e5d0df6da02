import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import neo4j, { type Driver, type QueryConfig, type SessionConfig } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { renderQuery, type AnyCypherQuery } from "../../src/db/cypher-query.js";
import { adminDatabaseIsEmpty, apiKeysRevoke, countryList, queries } from "../../src/db/queries.generated.js";
import { NodeLabel, RelType } from "../../src/domain/graph-schema.js";
import { connect } from "../helpers/test-api.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

/**
 * Reads go to readers, writes to the leader: through `neo4j://` (a cluster, Aura) the driver
 * routes a READ session or READ `executeQuery` to a follower or read replica, and a WRITE one to
 * the leader. Checked here three ways: the access mode the executor asks the driver for in each of
 * its methods; the mode of every query file (from its text, src/db/emit-queries.ts) against what
 * Neo4j's planner says the query does; and each call site's method against its query's mode.
 * Neo4j itself refuses a write in a READ session, so a misrouted write fails loudly.
 */
let driver: Driver;
const asked: string[] = [];
let executor: CypherExecutor;

/** The real driver, noting the access mode of each session and `executeQuery` it is asked for. */
function recordingDriver(real: Driver): Driver {
  return new Proxy(real, {
    get(target, property) {
      if (property === "session") {
        return (config: SessionConfig) => {
          asked.push(`session ${config.defaultAccessMode}`);
          return target.session(config);
        };
      }
      if (property === "executeQuery") {
        return (query: string, parameters: Record<string, unknown>, config: QueryConfig) => {
          asked.push(`executeQuery ${config.routing}`);
          return target.executeQuery(query, parameters, config);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(() => {
  driver = connect();
  executor = new CypherExecutor(recordingDriver(driver), { database: neo4jFromContext().database, timeoutMs: 30_000 });
});

afterAll(async () => {
  await driver?.close();
});

/** What the executor asked the driver for while `work` ran. */
async function modesOf(work: () => Promise<unknown>): Promise<string[]> {
  asked.length = 0;
  await work();
  return [...asked];
}

describe("the executor's access modes", () => {
  it("reads in READ sessions", async () => {
    expect(await modesOf(() => executor.readQuery(adminDatabaseIsEmpty, {}))).toEqual(["session READ"]);
    expect(await modesOf(() => executor.readEach(adminDatabaseIsEmpty, {}, () => {}))).toEqual(["session READ"]);
    expect(await modesOf(() => executor.read("RETURN 1"))).toEqual(["session READ"]);
    expect(await modesOf(() => executor.isReachable())).toEqual(["session READ"]);
  });

  it("writes with WRITE routing or in WRITE sessions", async () => {
    const nobody = { id: "read-write-routing-no-such-key", revokedAt: new Date().toISOString() };
    expect(await modesOf(() => executor.writeQuery(apiKeysRevoke, nobody))).toEqual(["executeQuery WRITE"]);
    expect(await modesOf(() => executor.write("CREATE (n) DELETE n"))).toEqual(["executeQuery WRITE"]);
    expect(await modesOf(() => executor.writeAll([{ query: "CREATE (n) DELETE n" }]))).toEqual(["session WRITE"]);
    expect(await modesOf(() => executor.writeTransaction((tx) => tx.run("CREATE (n) DELETE n")))).toEqual(["session WRITE"]);
  });

  it("hands a read's rows over one at a time (readEach): the rows readQuery returns, in order, over several fetches", async () => {
    // More rows than the driver fetches at once (1,000), so that the stream is pulled again.
    await executor.write("UNWIND range(1, 2500) AS i CREATE (:Country {id: 'read-each-' + i, name: 'Read each ' + i})");
    try {
      const parameters = { borders: null, after: null, limit: neo4j.int(1_000_000) };
      const rows: unknown[] = [];
      const count = await executor.readEach(countryList, parameters, (row) => rows.push(row));
      const all = await executor.readQuery(countryList, parameters);
      expect(all.length).toBeGreaterThanOrEqual(2500);
      expect(count).toBe(all.length);
      expect(rows).toEqual(all);
    } finally {
      await executor.write("MATCH (country:Country) WHERE country.id STARTS WITH 'read-each-' DETACH DELETE country");
    }
  });

  it("a write sent as a read is refused by Neo4j, not run", async () => {
    await expect(executor.read("CREATE (n) DELETE n")).rejects.toMatchObject({ code: "Neo.ClientError.Statement.AccessMode" });
  });
});

/** A value of a header's declared type, enough for EXPLAIN: nothing runs. */
function sampleValue(type: string): unknown {
  if (type.endsWith("| null")) return null;
  if (type === "string") return "x";
  if (type === "integer") return neo4j.int(1);
  if (type === "boolean") return true;
  if (type.endsWith("[][]")) return [["x"]];
  if (type === "string[]") return ["x"];
  if (type.endsWith("[]")) return [];
  return {};
}

const SLOT_SAMPLES: Record<string, string> = {
  NodeLabel: NodeLabel.Person,
  NodeLabels: NodeLabel.Person,
  RelType: Object.values(RelType)[0]!,
  // "-" fits either side of a relationship pattern; "<-" and "->" fit one side each.
  Arrow: "-",
  Count: "1",
};

const render = renderQuery as unknown as (query: AnyCypherQuery, slots: Record<string, string>) => string;

describe("every query file's mode", () => {
  const all = Object.values(queries) as AnyCypherQuery[];

  // A few hundred EXPLAINs: seconds on an idle machine, more on a busy one.
  it("is what Neo4j's planner says the query does: read only ('r') for read, else write", { timeout: 300_000 }, async () => {
    const session = driver.session({ database: neo4jFromContext().database, defaultAccessMode: neo4j.session.WRITE });
    const wrong: string[] = [];
    try {
      for (const query of all) {
        const slots = Object.fromEntries(Object.entries(query.slots).map(([slot, kind]) => [slot, SLOT_SAMPLES[kind]!]));
        const parameters = Object.fromEntries(Object.entries(query.parameters).map(([name, type]) => [name, sampleValue(type)]));
        try {
          const { summary } = await session.run(`EXPLAIN ${render(query, slots)}`, parameters);
          const planned = summary.queryType === "r" ? "read" : "write";
          if (planned !== query.mode) wrong.push(`${query.file}: declared ${query.mode}, planned ${summary.queryType}`);
        } catch (error) {
          wrong.push(`${query.file}: EXPLAIN failed: ${(error as Error).message.split("\n")[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(all.length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it("matches the executor method each call site uses (readQuery or readEach for reads, writeQuery for writes)", () => {
    const byName = new Map(all.map((query) => [query.name, query]));
    const misused: string[] = [];
    let calls = 0;
    for (const file of sourceFiles(path.join(projectRoot, "src"))) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\.(readQuery|readEach|writeQuery)\(\s*([A-Za-z_$][\w$]*)\s*,/g)) {
        const query = byName.get(match[2]!);
        if (!query) continue;
        calls += 1;
        const expected = match[1] === "writeQuery" ? "write" : "read";
        if (query.mode !== expected) misused.push(`${path.relative(projectRoot, file)}: ${match[1]}(${match[2]}) of a ${query.mode} query`);
      }
    }
    expect(calls).toBeGreaterThan(20);
    expect(misused).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && entry.name !== "queries.generated.ts")
    .map((entry) => path.join(entry.parentPath, entry.name));
}
