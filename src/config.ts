import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder (where package.json is), whether running from `src/` or `dist/src/`. */
export const projectRoot = findProjectRoot();

export interface Neo4jSettings {
  /** Set: use that server. Unset: the harness starts one (container or embedded). */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  /** Where `npm start` keeps the embedded database's files between runs. */
  dataDir: string;
  /** How long the driver waits to connect or to get a connection before it gives up. */
  connectionTimeoutMs: number;
  /** Server-side limit for one transaction. */
  queryTimeoutMs: number;
}

export interface Config {
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  seedDemo: boolean;
  neo4j: Neo4jSettings;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and checks every setting. This module is the only reader of `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = nonEmpty(env.NEO4J_URI);
  const user = nonEmpty(env.NEO4J_USER);
  const password = nonEmpty(env.NEO4J_PASSWORD);
  if (uri && (!user || !password)) {
    throw new ConfigError("NEO4J_URI is set, so NEO4J_USER and NEO4J_PASSWORD must be set too");
  }
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new ConfigError("NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc)");
  }
  return {
    production: env.NODE_ENV === "production",
    host: nonEmpty(env.HOST) ?? "127.0.0.1",
    port: integer(env, "PORT", 4000, 0, 65_535),
    logLevel: logLevel(env),
    seedDemo: boolean(env, "SEED_DEMO", true),
    neo4j: {
      uri,
      // Embedded and container databases run without authentication.
      user: user ?? "neo4j",
      password: password ?? "",
      database: nonEmpty(env.NEO4J_DATABASE) ?? "neo4j",
      dataDir: path.resolve(projectRoot, nonEmpty(env.NEO4J_DATA_DIR) ?? ".neo4j/data"),
      connectionTimeoutMs: integer(env, "NEO4J_CONNECTION_TIMEOUT_MS", 3_000, 100, 120_000),
      queryTimeoutMs: integer(env, "NEO4J_QUERY_TIMEOUT_MS", 15_000, 100, 600_000),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function logLevel(env: NodeJS.ProcessEnv): string {
  const level = nonEmpty(env.LOG_LEVEL)?.toLowerCase() ?? "info";
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  return level;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new ConfigError(`${name} must be true or false`);
}

function findProjectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/config.ts or dist/src/config.js
  return path.basename(path.dirname(here)) === "dist" ? path.resolve(here, "../..") : path.resolve(here, "..");
}
