import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { neo4jPasswordFile } from "./embedded-neo4j.js";

/** Neo4j Community in a Docker container, managed by testcontainers. */
export interface ContainerNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  origin: "container";
  stop(): Promise<void>;
}

export interface ContainerOptions {
  /** Persistent folder, laid out as the embedded launcher's (`data/`, `logs/`); undefined = inside the container. */
  dataDir?: string;
  log?: (line: string) => void;
}

const image = "neo4j:5.26-community";

/**
 * True when a Docker (or compatible) engine answers. Where none runs, testcontainers gives up in a
 * few milliseconds and logs nothing unless DEBUG asks it to. It is imported lazily because loading
 * it takes a few hundred milliseconds that a configured NEO4J_URI should not pay.
 */
export async function dockerEngineAnswers(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function startContainerNeo4j(options: ContainerOptions = {}): Promise<ContainerNeo4j> {
  const log = options.log ?? (() => {});
  const began = performance.now();
  const { Neo4jContainer } = await import("@testcontainers/neo4j");
  // The module always enables auth and otherwise uses a fixed, published password. Neo4j's image
  // sets it only while the database still has the default one, so a kept folder keeps its password
  // in the same file as the embedded launcher's.
  const password = options.dataDir === undefined ? newPassword() : await keptPassword(neo4jPasswordFile(path.resolve(options.dataDir)));
  let container = new Neo4jContainer(image).withPassword(password);
  if (options.dataDir !== undefined) {
    const data = path.resolve(options.dataDir, "data");
    const logs = path.resolve(options.dataDir, "logs");
    // Created here, because folders Docker creates for a bind mount belong to root.
    await Promise.all([mkdir(data, { recursive: true }), mkdir(logs, { recursive: true })]);
    container = container.withBindMounts([
      { source: data, target: "/data" },
      { source: logs, target: "/logs" },
    ]);
    // Running as our own user keeps the files ours, as Neo4j's Docker docs advise for bind mounts.
    if (process.getuid && process.getgid) container = container.withUser(`${process.getuid()}:${process.getgid()}`);
  }
  log(`starting ${image} in Docker (the first start pulls the image)`);
  const started = await container.start();
  const uri = started.getBoltUri();
  log(`Neo4j container ready at ${uri} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: started.getUsername(),
    password: started.getPassword(),
    database: "neo4j",
    origin: "container",
    stop: () => (stopping ??= started.stop().then(() => undefined)),
  };
}

function newPassword(): string {
  return randomBytes(32).toString("hex");
}

/** The password in `file`, or a new one written there readable by its owner only. */
async function keptPassword(file: string): Promise<string> {
  const kept = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (kept !== undefined && kept.trim() !== "") return kept.trim();
  const password = newPassword();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}
