import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { Role } from "../../src/auth/role.js";
import { signToken } from "../../src/auth/tokens.js";
import { loadConfig, projectRoot } from "../../src/config.js";

/** What tests of API processes (test/integration/replica*.test.ts) send and read. */
export interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL request; `credential` is a token or an API key. */
export async function postTo(url: string, query: string, credential: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A token the replicas accept: signed with the AUTH_JWT_SECRET they were given. */
export function replicaToken(env: Readonly<Record<string, string>>, role: Role, subject: string): Promise<string> {
  return signToken(loadConfig({ AUTH_JWT_SECRET: env.AUTH_JWT_SECRET }).auth, { subject, role });
}

const REGISTER_HOOKS = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(
  pathToFileURL(path.join(projectRoot, "test", "helpers", "ts-hooks.mjs")).href,
)});`;

/**
 * Runs one of the project's commands from its sources (e.g. `src/auth/keys-cli.ts`) in a process
 * of its own, with exactly `env` added to PATH and HOME: what it prints and its exit code.
 */
export function runSourceCommand(
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", REGISTER_HOOKS, path.join(projectRoot, file), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
