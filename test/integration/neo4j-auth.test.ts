import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import neo4j, { type AuthToken } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { ensureLauncherLibs, neo4jPasswordFile, startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../src/db/embedded-neo4j.js";

const jvmStartTimeoutMs = 150_000;
const unauthorized = "Neo.ClientError.Security.Unauthorized";

describe("embedded Neo4j authentication", () => {
  let embedded: EmbeddedNeo4j;

  beforeAll(async () => {
    embedded = await startEmbeddedNeo4j();
  }, jvmStartTimeoutMs);

  afterAll(async () => {
    await embedded?.stop();
  });

  it("lets the harness in with the password of its data folder", async () => {
    expect(await returnOne(embedded.uri, neo4j.auth.basic(embedded.user, embedded.password))).toBe(1);
    expect(embedded.password).toBe((await readFile(neo4jPasswordFile(embedded.home), "utf8")).trim());
    expect(embedded.password).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a connection without credentials", async () => {
    await expect(returnOne(embedded.uri, undefined)).rejects.toMatchObject({ code: unauthorized });
  });

  it("refuses the default password and a wrong one", async () => {
    // Neo4j locks a user for 5 s after 3 failed attempts in a row, so this test makes only two.
    await expect(returnOne(embedded.uri, neo4j.auth.basic("neo4j", "neo4j"))).rejects.toMatchObject({ code: unauthorized });
    await expect(returnOne(embedded.uri, neo4j.auth.basic("neo4j", "x" + embedded.password))).rejects.toMatchObject({
      code: unauthorized,
    });
  });

  it("keeps the password in a file only its owner can read", async () => {
    expect((await stat(neo4jPasswordFile(embedded.home))).mode & 0o777).toBe(0o600);
  });

  it("writes the password nowhere else: not in the folder, its logs, nor the JVM's command line", async () => {
    const passwordFile = neo4jPasswordFile(embedded.home);
    const holders: string[] = [];
    for (const file of await filesUnder(embedded.home)) {
      if (file !== passwordFile && (await readFile(file)).includes(embedded.password)) holders.push(file);
    }
    expect(holders).toEqual([]);
    const cmdline = `/proc/${embedded.pid}/cmdline`;
    if (existsSync(cmdline)) expect(await readFile(cmdline, "utf8")).not.toContain(embedded.password);
  });
});

describe("a data folder made while the embedded Neo4j had no authentication", () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), "neo4j-before-auth-"));
    await makeFolderWithoutAuth(home);
  }, jvmStartTimeoutMs);

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it(
    "gets a password on its next start, keeps its data, and refuses connections without it",
    async () => {
      expect(existsSync(neo4jPasswordFile(home))).toBe(false);
      const embedded = await startEmbeddedNeo4j({ home });
      try {
        expect((await stat(neo4jPasswordFile(home))).mode & 0o777).toBe(0o600);
        await expect(returnOne(embedded.uri, undefined)).rejects.toMatchObject({ code: unauthorized });
        // Such a folder's `neo4j` user had Neo4j's default password until now.
        await expect(returnOne(embedded.uri, neo4j.auth.basic("neo4j", "neo4j"))).rejects.toMatchObject({ code: unauthorized });
        expect(await markers(embedded.uri, neo4j.auth.basic(embedded.user, embedded.password))).toBe(1);
      } finally {
        await embedded.stop();
      }
    },
    jvmStartTimeoutMs,
  );

  it(
    "gets a new password when its password file is gone, and the old one stops working",
    async () => {
      const oldPassword = (await readFile(neo4jPasswordFile(home), "utf8")).trim();
      await rm(neo4jPasswordFile(home));
      const embedded = await startEmbeddedNeo4j({ home });
      try {
        expect(embedded.password).not.toBe(oldPassword);
        await expect(returnOne(embedded.uri, neo4j.auth.basic("neo4j", oldPassword))).rejects.toMatchObject({ code: unauthorized });
        expect(await markers(embedded.uri, neo4j.auth.basic(embedded.user, embedded.password))).toBe(1);
      } finally {
        await embedded.stop();
      }
    },
    jvmStartTimeoutMs,
  );
});

async function returnOne(uri: string, auth: AuthToken | undefined): Promise<number> {
  return single(uri, auth, "RETURN 1 AS n");
}

async function markers(uri: string, auth: AuthToken): Promise<number> {
  return single(uri, auth, "MATCH (m:AuthTestMarker) RETURN count(m) AS n");
}

async function single(uri: string, auth: AuthToken | undefined, query: string): Promise<number> {
  const driver = neo4j.driver(uri, auth);
  try {
    const { records } = await driver.executeQuery(query, {}, { database: "neo4j" });
    return records[0]!.get("n").toNumber();
  } finally {
    await driver.close();
  }
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * What the launcher made before it turned authentication on: a folder whose system database has
 * `neo4j` with the default password, and one node to show the data survives. Neo4j embedded has
 * authentication off unless told otherwise.
 */
async function makeFolderWithoutAuth(home: string): Promise<void> {
  await ensureLauncherLibs(() => {});
  const source = path.join(home, "MakeFolderWithoutAuth.java");
  await writeFile(
    source,
    `import java.nio.file.Path;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class MakeFolderWithoutAuth {
    public static void main(String[] args) {
        var service = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .setConfig(BoltConnector.enabled, false)
                .build();
        service.database("neo4j").executeTransactionally("CREATE (:AuthTestMarker)");
        service.shutdown();
    }
}
`,
  );
  const classpath = path.join(projectRoot, "neo4j-launcher", "lib", "*");
  await promisify(execFile)("java", ["--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", classpath, source, home], {
    maxBuffer: 16 * 1024 * 1024,
  });
  await rm(source);
}
