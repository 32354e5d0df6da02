import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import neo4j, { type Driver } from "neo4j-driver";

import type { Neo4jSettings } from "../../src/config.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import type { Neo4jConnection } from "./neo4j-context.js";

/**
 * Empty databases lent to test files that need a whole database of their own (the analyst tests
 * count every seizure in it), served by the global setup over HTTP on the loopback: a file leases
 * one (scratch-neo4j.ts) and gives it back when it ends. A JVM is started only when no database is
 * free, and a database given back is emptied before it is lent again, so a run of several such
 * files starts one JVM instead of one each (a start costs 25 to 40 s on the 2-core CI machines).
 * A file that never gives its database back keeps it: the next one gets another.
 */
export interface ScratchPool {
  /** Where test files ask for a database (`POST /lease`) and give it back (`POST /release?id=`). */
  url: string;
  close(): Promise<void>;
}

interface Member {
  id: string;
  neo4j: RunningNeo4j;
  leased: boolean;
}

export interface Lease extends Neo4jConnection {
  id: string;
  origin: RunningNeo4j["origin"];
}

export async function startScratchPool(settings: Neo4jSettings, log: (line: string) => void): Promise<ScratchPool> {
  const members: Member[] = [];
  let starts = 0;
  // One lease at a time: two files asking at once each get a database of their own, never the same.
  let queue: Promise<unknown> = Promise.resolve();

  const lease = async (): Promise<Lease> => {
    // A configured server is someone's database: it is never emptied here.
    if (settings.uri !== undefined) throw new Error("NEO4J_URI is set: the run starts no database of its own to lend");
    let member = members.find((candidate) => !candidate.leased);
    if (member === undefined) {
      starts += 1;
      member = { id: `scratch-${starts}`, neo4j: await provideNeo4j(settings, { log: (line) => log(`scratch database: ${line}`) }), leased: false };
      members.push(member);
    }
    await emptyDatabase(member.neo4j);
    member.leased = true;
    const { uri, user, password, database, origin } = member.neo4j;
    return { id: member.id, uri, user, password, database, origin };
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "POST" && url.pathname === "/lease") {
      const leased = queue.then(lease);
      queue = leased.catch(() => {});
      leased.then(
        (body) => answer(200, body),
        (error: Error) => answer(500, { error: error.message }),
      );
    } else if (request.method === "POST" && url.pathname === "/release") {
      const member = members.find((candidate) => candidate.id === url.searchParams.get("id"));
      if (member) member.leased = false;
      answer(member ? 200 : 404, {});
    } else {
      answer(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await Promise.all(members.map((member) => member.neo4j.stop()));
      if (starts > 0) log(`scratch databases: ${starts} started for the run`);
    },
  };
}

/**
 * Makes the database as a new one is: no nodes or relationships, no constraints, and no indexes but
 * the two token lookup indexes every new database has. Checked before it is lent.
 */
async function emptyDatabase(connection: Neo4jConnection): Promise<void> {
  const driver: Driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), { connectionTimeout: 10_000 });
  const session = driver.session({ database: connection.database });
  try {
    // In batches, in auto-commit transactions: a large world in one transaction would need the memory of all of it.
    await session.run(`MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
    const constraints = await session.run(`SHOW CONSTRAINTS YIELD name RETURN name`);
    for (const record of constraints.records) await session.run(`DROP CONSTRAINT ${quoted(record.get("name"))} IF EXISTS`);
    const indexes = await session.run(`SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name`);
    for (const record of indexes.records) await session.run(`DROP INDEX ${quoted(record.get("name"))} IF EXISTS`);
    const left = {
      nodes: (await session.run(`MATCH (n) RETURN count(n) AS count`)).records[0].get("count").toNumber(),
      constraints: (await session.run(`SHOW CONSTRAINTS YIELD name RETURN name`)).records.length,
      indexes: (await session.run(`SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name`)).records.length,
    };
    if (left.nodes + left.constraints + left.indexes > 0) throw new Error(`the scratch database could not be emptied: ${JSON.stringify(left)}`);
  } finally {
    await session.close();
    await driver.close();
  }
}

/** A schema object's name as a Cypher identifier. */
function quoted(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}
