import { unlinkSync } from "node:fs";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { ConfigError, loadConfig, type Neo4jSettings } from "../config.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { CypherExecutor } from "./cypher-executor.js";
import { createDriver } from "./driver.js";
import { neo4jPasswordFile } from "./embedded-neo4j.js";
import { provideNeo4j, type RunningNeo4j } from "./neo4j-harness.js";
import { applyConstraints } from "./schema-setup.js";

/**
 * For command-line tools: runs `work` on the configured Neo4j (started if need be, as `npm start`
 * does, in the same data folder) once it answers and its constraints are applied, then closes
 * the driver and stops what it started. DatabaseUnavailableError when it does not answer.
 * Beside a running `npm start`, the command's entry file has called `adoptRunningDatabase` first,
 * so the settings name the server's database and nothing is started.
 */
export async function withCommandDatabase<T>(
  settings: Neo4jSettings,
  options: { timeoutMs?: number },
  work: (executor: CypherExecutor) => Promise<T>,
): Promise<T> {
  const neo4j = await provideNeo4j(settings, { dataDir: settings.dataDir, log: (line) => console.error(line) });
  const driver = createDriver({ ...settings, uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    const executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: options.timeoutMs ?? settings.queryTimeoutMs });
    if (!(await executor.isReachable())) throw new DatabaseUnavailableError();
    await applyConstraints(executor);
    return await work(executor);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

/**
 * The file in the data folder of a Neo4j that `npm start` started (embedded or in a container),
 * naming where it listens while the server runs: `{ uri, user, database, pid }` (the API's process).
 * Mode 0600, like the password kept beside it (`neo4j-password`), which it does not repeat. An
 * embedded database's files can be open in one process only, so the commands (`keys`, `import`,
 * `analyze`, `aggregates`) connect to that Neo4j instead of starting their own.
 */
export const RUNNING_DATABASE_FILE = "running-neo4j.json";

export interface RunningDatabaseRecord {
  uri: string;
  user: string;
  database: string;
  /** The process of the API that started the database. */
  pid: number;
}

export function runningDatabaseFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), RUNNING_DATABASE_FILE);
}

/**
 * Writes the running-database file for a Neo4j the server started in `dataDir`; returns what removes
 * it (called on a clean stop; a file left by a process that died is recognised as stale by its
 * pid and port). A database the server did not start (NEO4J_URI) gets no file: the commands read
 * the same NEO4J_URI.
 */
export async function announceRunningDatabase(dataDir: string, neo4j: RunningNeo4j): Promise<() => Promise<void>> {
  if (neo4j.origin === "external") return async () => {};
  const file = runningDatabaseFile(dataDir);
  const record: RunningDatabaseRecord = { uri: neo4j.uri, user: neo4j.user, database: neo4j.database, pid: process.pid };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
  // Last resort when the process ends without the clean stop (an uncaught error, process.exit).
  const onExit = () => {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", onExit);
  return async () => {
    process.off("exit", onExit);
    await rm(file, { force: true });
  };
}

/**
 * The Neo4j a running `npm start` holds in `settings.dataDir`, with the password kept in its data
 * folder, or null: when NEO4J_URI is set, when no server announced one, or when the server that
 * did is gone (its process ended, or nothing listens at the address any more).
 */
export async function findRunningDatabase(settings: Neo4jSettings): Promise<(RunningDatabaseRecord & { password: string }) | null> {
  if (settings.uri !== undefined) return null;
  let record: RunningDatabaseRecord;
  try {
    record = JSON.parse(await readFile(runningDatabaseFile(settings.dataDir), "utf8")) as RunningDatabaseRecord;
  } catch {
    return null;
  }
  if (typeof record.uri !== "string" || typeof record.pid !== "number" || !processIsAlive(record.pid)) return null;
  if (!(await boltAnswers(record.uri))) return null;
  let password: string;
  try {
    password = (await readFile(neo4jPasswordFile(path.resolve(settings.dataDir)), "utf8")).trim();
  } catch {
    return null;
  }
  return { ...record, password };
}

/**
 * For a command's entry file, before it reads its configuration: when a running `npm start` holds
 * the database of this data folder, points NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE
 * of this process at it (never on a command line, never printed), so that the command uses it as it
 * would any configured server. Says which server it found (without the password), or null.
 */
export async function adoptRunningDatabase(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  let settings: Neo4jSettings;
  try {
    settings = loadConfig(env).neo4j;
  } catch (error) {
    // The command reads its configuration again and reports what is wrong with it.
    if (error instanceof ConfigError) return null;
    throw error;
  }
  const running = await findRunningDatabase(settings);
  if (running === null) return null;
  env.NEO4J_URI = running.uri;
  env.NEO4J_USER = running.user;
  env.NEO4J_PASSWORD = running.password;
  env.NEO4J_DATABASE = running.database;
  return `using the Neo4j of the running server (process ${running.pid}) at ${running.uri}`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when something accepts a TCP connection at the URI's host and port within a second. */
async function boltAnswers(uri: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  const port = Number(url.port || 7687);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
