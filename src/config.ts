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
  /** Server-side limit for one transaction of a request. */
  queryTimeoutMs: number;
  /** Restarts of the embedded Neo4j `npm start` runs, when its process ends unexpectedly. */
  restart: RestartSettings;
}

/** 10 minutes: the least each transaction of the work below is allowed (the bulk load, which reads no settings, allows this). */
export const BATCH_TIMEOUT_MS = 600_000;

/**
 * The limit of one transaction of the work done outside requests: the commands (import, aggregates,
 * analyze, resolve) and what `npm start` loads and computes before it says it is ready. Their
 * batches and exports can take far longer than a request's query: on a database just started, one
 * batch of the demo's airports once passed the request's 15 s, and the start began again.
 */
export function batchTimeoutMs(settings: Pick<Neo4jSettings, "queryTimeoutMs">): number {
  return Math.max(settings.queryTimeoutMs, BATCH_TIMEOUT_MS);
}

/**
 * Attempt n (from 1) waits min(firstDelayMs × 2^(n−1), maxDelayMs) before starting the database
 * again; after `attempts` in a row without one that stays up, the API gives up (and says so).
 */
export interface RestartSettings {
  /** Restarts in a row before giving up; 0: never restart. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface AuthSettings {
  /** HS256 secret for bearer tokens (at least 32 characters). */
  jwtSecret: string | undefined;
  /** Or a JWKS URL whose keys sign the tokens (RS256, ES256, ...). */
  jwksUrl: string | undefined;
  /** Required `iss` and `aud` claims of tokens. */
  issuer: string;
  audience: string;
  /** Requests without credentials get the PUBLIC role instead of 401. */
  publicDemo: boolean;
  /** Key of the stable pseudonyms shown in place of persons and companies (at least 32 characters). */
  pseudonymSecret: string | undefined;
  /** Origins a browser may call the API from (CORS), besides those of API keys. */
  corsOrigins: string[];
  /**
   * The origin of the API as browsers reach it (from PUBLIC_URL), where its own pages are served:
   * API keys also work from there. Unset: only the loopback origins of the port it listens on.
   */
  publicOrigin: string | undefined;
  /**
   * How long an API key's record is trusted from memory (API_KEY_CACHE_MS): a key revoked while
   * its revocation cannot be announced keeps working for up to this time. Unset: the default of
   * src/auth/api-keys.ts (30 s).
   */
  apiKeyCacheMs?: number;
}

// Settings of the query and request limits.
export interface LimitSettings {
  /** How deeply fields may nest (introspection not counted). */
  maxDepth: number;
  /** Estimated cost: database hits declared by each field, plus the values a response can hold, list sizes (`first`, `limit`) multiplied. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Tokens of the query text, counted before it is parsed. */
  maxTokens: number;
  maxBodyBytes: number;
  /** Database time one request may spend: the sum of its Cypher queries' times. */
  maxDatabaseMs: number;
  /** The largest response body (JSON) sent; a larger one is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** Requests per identity per minute. */
  rateLimitPerMinute: number;
  /** Failed authentications per client address per minute; beyond it, the address is refused until the next minute. */
  authFailuresPerMinute: number;
  /** How deeply the values of a request's variables may nest (objects and lists). */
  maxVariableDepth: number;
  /** Where the rate limit counts live; unset: in memory (one process). */
  redisUrl: string | undefined;
  /**
   * How many proxies in front of the API append the client's address to X-Forwarded-For (HAProxy
   * of docker-compose: 1). 0: the header is ignored and the address is the connection's, which
   * behind a balancer is the balancer's for every client.
   */
  trustedProxyHops: number;
}

// Settings of the audit trail.
export interface AuditSettings {
  /** The append-only file of audit records (JSON lines). */
  path: string;
  /** Records older than this many days are removed (the chain keeps its anchor). */
  retentionDays: number;
  /** AUDIT_STORE=neo4j: one trail in Neo4j shared by every replica, instead of the file at `path`. */
  shared?: SharedAuditSettings;
  /**
   * The key of the `hmac:` hashes that stand for personal variables (AUDIT_HMAC_KEY, 32 bytes).
   * Unset: a key file beside `path`, made on first start (file store only: replicas need one key).
   */
  hmacKey?: Buffer;
}

export interface SharedAuditSettings {
  /** The chain's name: every replica of one deployment appends to the same one. */
  chain: string;
}

/**
 * How a process stops on SIGTERM or SIGINT (src/http/drain.ts): `/ready` answers 503 at once; it
 * goes on serving for `delayMs`, then stops accepting connections and waits for the requests in
 * flight at most `graceMs` before closing what is left.
 */
export interface ShutdownSettings {
  /** Time for a balancer's health checks to see the 503 and send no more. */
  delayMs: number;
  /** The longest wait for requests in flight once connections are no longer accepted. */
  graceMs: number;
}

export interface Config {
  production: boolean;
  host: string;
  port: number;
  logLevel: string;
  seedDemo: boolean;
  shutdown: ShutdownSettings;
  neo4j: Neo4jSettings;
  auth: AuthSettings;
  limits: LimitSettings;
  audit: AuditSettings;
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
    shutdown: {
      // 0: `npm start` stops at once on Ctrl-C; behind a balancer, its check interval × fall count.
      delayMs: integer(env, "SHUTDOWN_DELAY_MS", 0, 0, 600_000),
      // Docker sends SIGKILL 10 s after SIGTERM by default: the database and audit trail are closed before that.
      graceMs: integer(env, "SHUTDOWN_GRACE_MS", 8_000, 0, 3_600_000),
    },
    neo4j: {
      uri,
      // Used with NEO4J_URI; the embedded and container databases have a password of their own, kept with their data.
      user: user ?? "neo4j",
      password: password ?? "",
      database: nonEmpty(env.NEO4J_DATABASE) ?? "neo4j",
      dataDir: path.resolve(projectRoot, nonEmpty(env.NEO4J_DATA_DIR) ?? ".neo4j/data"),
      connectionTimeoutMs: integer(env, "NEO4J_CONNECTION_TIMEOUT_MS", 3_000, 100, 120_000),
      queryTimeoutMs: integer(env, "NEO4J_QUERY_TIMEOUT_MS", 15_000, 100, 600_000),
      restart: {
        // 1, 2, 4, 8, 16 s: about half a minute of tries, enough for a JVM killed by a passing memory peak.
        attempts: integer(env, "NEO4J_RESTART_ATTEMPTS", 5, 0, 100),
        firstDelayMs: integer(env, "NEO4J_RESTART_DELAY_MS", 1_000, 0, 600_000),
        maxDelayMs: integer(env, "NEO4J_RESTART_MAX_DELAY_MS", 30_000, 0, 3_600_000),
      },
    },
    auth: authSettings(env),
    limits: {
      maxDepth: integer(env, "QUERY_MAX_DEPTH", 10, 1, 100),
      // In database hits: one network of 2,000 nodes 3 levels deep (about 620,000) is a legitimate query.
      maxCost: integer(env, "QUERY_MAX_COST", 1_000_000, 1, 100_000_000),
      // Twenty persons asked for in one request by alias (a case file) is a legitimate query.
      maxAliases: integer(env, "QUERY_MAX_ALIASES", 30, 0, 1_000),
      maxDirectives: integer(env, "QUERY_MAX_DIRECTIVES", 10, 0, 1_000),
      maxTokens: integer(env, "QUERY_MAX_TOKENS", 2_000, 10, 100_000),
      maxBodyBytes: integer(env, "MAX_BODY_BYTES", 1_000_000, 1_000, 100_000_000),
      maxDatabaseMs: integer(env, "REQUEST_MAX_DATABASE_MS", 30_000, 1, 3_600_000),
      maxResponseBytes: integer(env, "MAX_RESPONSE_BYTES", 10_000_000, 1_000, 1_000_000_000),
      rateLimitPerMinute: integer(env, "RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
      // A person mistyping a key fails a few times; a script guessing keys fails thousands of times.
      authFailuresPerMinute: integer(env, "AUTH_FAILURES_PER_MINUTE", 30, 1, 1_000_000),
      // The deepest input of the schema is 2 (`filter: {ids: [...]}`).
      maxVariableDepth: integer(env, "VARIABLES_MAX_DEPTH", 10, 1, 100),
      redisUrl: nonEmpty(env.REDIS_URL),
      trustedProxyHops: integer(env, "TRUSTED_PROXY_HOPS", 0, 0, 10),
    },
    audit: {
      path: path.resolve(projectRoot, nonEmpty(env.AUDIT_LOG_PATH) ?? ".audit/audit-log.jsonl"),
      retentionDays: integer(env, "AUDIT_RETENTION_DAYS", 365, 1, 36_500),
      ...sharedAudit(env),
    },
  };
}

function authSettings(env: NodeJS.ProcessEnv): AuthSettings {
  const production = env.NODE_ENV === "production";
  const jwtSecret = nonEmpty(env.AUTH_JWT_SECRET);
  const jwksUrl = nonEmpty(env.AUTH_JWKS_URL);
  const pseudonymSecret = nonEmpty(env.PSEUDONYM_SECRET);
  if (jwtSecret && jwksUrl) throw new ConfigError("set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both");
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError("AUTH_JWT_SECRET must be at least 32 characters");
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError("AUTH_JWKS_URL must be an http(s) URL");
  if (pseudonymSecret && pseudonymSecret.length < 32) throw new ConfigError("PSEUDONYM_SECRET must be at least 32 characters");
  if (production && !pseudonymSecret) {
    throw new ConfigError("NODE_ENV=production needs PSEUDONYM_SECRET, so that pseudonyms stay stable across restarts");
  }
  return {
    jwtSecret,
    jwksUrl,
    issuer: nonEmpty(env.AUTH_ISSUER) ?? "mekong-trafficking-graph",
    audience: nonEmpty(env.AUTH_AUDIENCE) ?? "mekong-trafficking-graph",
    publicDemo: boolean(env, "PUBLIC_DEMO", false),
    pseudonymSecret,
    corsOrigins: origins(env.CORS_ORIGINS),
    publicOrigin: publicOrigin(env.PUBLIC_URL),
    // Present only when set: unset, the verifier's own default applies (src/auth/api-keys.ts).
    ...optional("apiKeyCacheMs", optionalInteger(env, "API_KEY_CACHE_MS", 0, 3_600_000)),
  };
}

/** `{ [name]: value }`, or nothing when the value is undefined: settings that are absent when not set. */
function optional<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}

/**
 * Where the audit trail is kept, and the key of its hashes. The shared store needs the key as a
 * setting: each replica's own key file would hash the same value differently.
 */
function sharedAudit(env: NodeJS.ProcessEnv): Pick<AuditSettings, "shared" | "hmacKey"> {
  const store = nonEmpty(env.AUDIT_STORE)?.toLowerCase() ?? "file";
  if (store !== "file" && store !== "neo4j") throw new ConfigError("AUDIT_STORE must be file or neo4j");
  const rawKey = nonEmpty(env.AUDIT_HMAC_KEY);
  if (rawKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(rawKey)) {
    throw new ConfigError("AUDIT_HMAC_KEY must be 64 hex digits (32 random bytes, e.g. from `openssl rand -hex 32`)");
  }
  const hmacKey = rawKey === undefined ? undefined : Buffer.from(rawKey, "hex");
  if (store === "file") {
    if (nonEmpty(env.AUDIT_CHAIN) !== undefined) throw new ConfigError("AUDIT_CHAIN names a chain of the shared store: set AUDIT_STORE=neo4j too");
    return hmacKey === undefined ? {} : { hmacKey };
  }
  if (hmacKey === undefined) {
    throw new ConfigError("AUDIT_STORE=neo4j needs AUDIT_HMAC_KEY, the same on every replica, so that they hash personal values alike");
  }
  const chain = nonEmpty(env.AUDIT_CHAIN) ?? "main";
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(chain)) throw new ConfigError("AUDIT_CHAIN must be 1 to 64 letters, digits, '.', '_' or '-'");
  return { shared: { chain }, hmacKey };
}

/** The origin of PUBLIC_URL: an http(s) URL with a host, and nothing a browser's origin cannot hold. */
function publicOrigin(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("PUBLIC_URL must be the API's URL as browsers reach it, like https://graph.example.org");
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.hostname === "") {
    throw new ConfigError("PUBLIC_URL must be an http:// or https:// URL, like https://graph.example.org");
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ConfigError("PUBLIC_URL must not hold a user name, password, query or fragment");
  }
  return url.origin;
}

function origins(raw: string | undefined): string[] {
  const list = (nonEmpty(raw) ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== "");
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError("CORS_ORIGINS must be a comma-separated list of origins like https://app.example.org");
  }
  return list;
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

/** A whole number when set (checked as `integer` does), undefined when not: the reader's default then applies. */
function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  return nonEmpty(env[name]) === undefined ? undefined : integer(env, name, 0, min, max);
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
