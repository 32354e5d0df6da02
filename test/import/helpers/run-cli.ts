import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { projectRoot } from "../../../src/config.js";
import { neo4jFromContext } from "../../helpers/neo4j-context.js";

const REGISTER = path.join(path.dirname(fileURLToPath(import.meta.url)), "register-ts.mjs");
const CLI = path.join(projectRoot, "src", "import", "cli.ts");

/** The import command in a child process, writing into the test run's Neo4j. */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const { uri, user, password } = neo4jFromContext();
  return spawn(process.execPath, ["--import", REGISTER, CLI, ...args], {
    cwd: projectRoot,
    // The test database runs without authentication and accepts any password.
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user || "neo4j", NEO4J_PASSWORD: password || "no-auth", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
