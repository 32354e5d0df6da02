import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { startEmbeddedNeo4j, parseJavaMajorVersion } from "../../src/db/embedded-neo4j.js";
import { neo4jFromContext } from "../helpers/neo4j-context.js";

const childScript = fileURLToPath(new URL("../helpers/embedded-neo4j-child.mjs", import.meta.url));
const jvmStartTimeoutMs = 150_000;

describe("the shared Neo4j of the test run", () => {
  it("answers RETURN 1", async () => {
    const { uri, user, password, database } = neo4jFromContext();
    expect(await returnOne(uri, user, password, database)).toBe(1);
  });
});

describe("embedded Neo4j", () => {
  it(
    "serves Bolt, and after stop() leaves neither a JVM nor its temporary folder",
    async () => {
      const embedded = await startEmbeddedNeo4j();
      try {
        expect(isRunning(embedded.pid)).toBe(true);
        expect(await returnOne(embedded.uri, embedded.user, embedded.password, embedded.database)).toBe(1);
      } finally {
        await embedded.stop();
      }
      expect(isRunning(embedded.pid)).toBe(false);
      expect(existsSync(embedded.home)).toBe(false);
    },
    jvmStartTimeoutMs,
  );

  it(
    "shuts down when the Node process that started it is killed with SIGKILL",
    async () => {
      const parent = spawn(process.execPath, [childScript], { stdio: ["ignore", "pipe", "pipe"] });
      let started: { pid: number; home: string } | undefined;
      try {
        started = await firstJsonLine(parent);
        expect(isRunning(started.pid)).toBe(true);

        parent.kill("SIGKILL");
        await waitFor(() => !isRunning(started!.pid), 30_000);
        expect(isRunning(started.pid)).toBe(false);
        // The launcher removes a throwaway folder itself, as nobody else is left to do it.
        expect(existsSync(started.home)).toBe(false);
      } finally {
        parent.kill("SIGKILL");
        if (started && isRunning(started.pid)) process.kill(started.pid, "SIGKILL");
      }
    },
    jvmStartTimeoutMs,
  );
});

describe("parseJavaMajorVersion", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"', 8],
    ["no banner at all", undefined],
  ])("reads %j as %j", (banner, major) => {
    expect(parseJavaMajorVersion(banner)).toBe(major);
  });
});

async function returnOne(uri: string, user: string, password: string, database: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const { records } = await driver.executeQuery("RETURN 1 AS one", {}, { database });
    return records[0]!.get("one").toNumber();
  } finally {
    await driver.close();
  }
}

/** True while the process exists and is not a zombie (an orphan that nobody has reaped yet). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return true; // no /proc (macOS): kill(0) succeeding is the best evidence there is
  }
}

function firstJsonLine(child: ReturnType<typeof spawn>): Promise<{ pid: number; home: string }> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline >= 0) resolve(JSON.parse(stdout.slice(0, newline)));
    });
    child.once("exit", (code) => reject(new Error(`child exited (code ${code}) before starting Neo4j:\n${stderr}`)));
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
