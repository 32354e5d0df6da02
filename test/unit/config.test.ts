import path from "node:path";

import { describe, expect, test } from "vitest";

import { ConfigError, loadConfig, projectRoot, type Config } from "../../src/config.js";

const defaults: Config = {
  production: false,
  host: "127.0.0.1",
  port: 4000,
  logLevel: "info",
  seedDemo: true,
  shutdown: { delayMs: 0, graceMs: 8_000 },
  neo4j: {
    uri: undefined,
    user: "neo4j",
    password: "",
    database: "neo4j",
    dataDir: path.join(projectRoot, ".neo4j", "data"),
    connectionTimeoutMs: 3_000,
    queryTimeoutMs: 15_000,
    restart: { attempts: 5, firstDelayMs: 1_000, maxDelayMs: 30_000 },
  },
  auth: {
    jwtSecret: undefined,
    jwksUrl: undefined,
    issuer: "mekong-trafficking-graph",
    audience: "mekong-trafficking-graph",
    publicDemo: false,
    pseudonymSecret: undefined,
    corsOrigins: [],
    publicOrigin: undefined,
  },
  limits: loadConfig({}).limits,
  audit: {
    path: path.join(projectRoot, ".audit", "audit-log.jsonl"),
    retentionDays: 365,
  },
};

/** The ConfigError `loadConfig` must throw, or the test fails with what happened instead. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) returned instead of throwing`);
}

const server = { NEO4J_URI: "bolt://db.example:7687", NEO4J_USER: "api", NEO4J_PASSWORD: "correct horse" };

describe("loadConfig", () => {
  test("the project root holds package.json", () => {
    expect(path.basename(projectRoot)).not.toBe("src");
    expect(path.join(projectRoot, "package.json")).toBe(path.resolve(import.meta.dirname, "../../package.json"));
  });

  test("an empty environment gives the defaults", () => {
    expect(loadConfig({})).toStrictEqual(defaults);
  });

  test("every variable set", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: "8080",
      LOG_LEVEL: "debug",
      SEED_DEMO: "false",
      SHUTDOWN_DELAY_MS: "2000",
      SHUTDOWN_GRACE_MS: "20000",
      NEO4J_URI: "neo4j+s://abc.databases.neo4j.io",
      NEO4J_USER: "reader",
      NEO4J_PASSWORD: "p@ss word",
      NEO4J_DATABASE: "trafficking",
      NEO4J_DATA_DIR: "/var/lib/graph",
      NEO4J_CONNECTION_TIMEOUT_MS: "500",
      NEO4J_QUERY_TIMEOUT_MS: "60000",
      NEO4J_RESTART_ATTEMPTS: "3",
      NEO4J_RESTART_DELAY_MS: "250",
      NEO4J_RESTART_MAX_DELAY_MS: "2000",
      AUTH_JWKS_URL: "https://login.example.org/.well-known/jwks.json",
      AUTH_ISSUER: "https://login.example.org/",
      AUTH_AUDIENCE: "trafficking-graph",
      PUBLIC_DEMO: "true",
      PSEUDONYM_SECRET: "s".repeat(32),
      CORS_ORIGINS: "https://dashboard.example.org, http://localhost:8080",
      PUBLIC_URL: "https://graph.example.org",
      AUDIT_LOG_PATH: "/var/log/graph/audit.jsonl",
      AUDIT_RETENTION_DAYS: "30",
    });
    expect(config).toStrictEqual({
      production: true,
      host: "0.0.0.0",
      port: 8080,
      logLevel: "debug",
      seedDemo: false,
      shutdown: { delayMs: 2_000, graceMs: 20_000 },
      neo4j: {
        uri: "neo4j+s://abc.databases.neo4j.io",
        user: "reader",
        password: "p@ss word",
        database: "trafficking",
        dataDir: "/var/lib/graph",
        connectionTimeoutMs: 500,
        queryTimeoutMs: 60_000,
        restart: { attempts: 3, firstDelayMs: 250, maxDelayMs: 2_000 },
      },
      auth: {
        jwtSecret: undefined,
        jwksUrl: "https://login.example.org/.well-known/jwks.json",
        issuer: "https://login.example.org/",
        audience: "trafficking-graph",
        publicDemo: true,
        pseudonymSecret: "s".repeat(32),
        corsOrigins: ["https://dashboard.example.org", "http://localhost:8080"],
        publicOrigin: "https://graph.example.org",
      },
      limits: loadConfig({}).limits,
      audit: { path: "/var/log/graph/audit.jsonl", retentionDays: 30 },
    });
  });

  test.each([
    ["https://graph.example.org", "https://graph.example.org"],
    ["https://Graph.Example.org:443/", "https://graph.example.org"],
    ["http://10.0.0.5:8080/api/graphql", "http://10.0.0.5:8080"],
    [" https://graph.example.org/ ", "https://graph.example.org"],
  ])("PUBLIC_URL=%j gives the API's own origin %s", (PUBLIC_URL, origin) => {
    expect(loadConfig({ PUBLIC_URL }).auth.publicOrigin).toBe(origin);
  });

  test("the failed-authentication and variable-depth limits have defaults and can be set", () => {
    expect(loadConfig({}).limits).toMatchObject({ authFailuresPerMinute: 30, maxVariableDepth: 10 });
    expect(loadConfig({ AUTH_FAILURES_PER_MINUTE: "5", VARIABLES_MAX_DEPTH: "3" }).limits).toMatchObject({ authFailuresPerMinute: 5, maxVariableDepth: 3 });
  });

  test("a relative NEO4J_DATA_DIR is taken from the project root, not the working folder", () => {
    expect(loadConfig({ NEO4J_DATA_DIR: "tmp/db" }).neo4j.dataDir).toBe(path.join(projectRoot, "tmp", "db"));
  });

  test.each(["development", "test", "Production", ""])("NODE_ENV=%j is not production", (NODE_ENV) => {
    expect(loadConfig({ NODE_ENV }).production).toBe(false);
  });

  test.each([
    { case: "neither", env: { NEO4J_URI: server.NEO4J_URI } },
    { case: "no password", env: { NEO4J_URI: server.NEO4J_URI, NEO4J_USER: "api" } },
    { case: "no user", env: { NEO4J_URI: server.NEO4J_URI, NEO4J_PASSWORD: "pw" } },
    { case: "blank password", env: { ...server, NEO4J_PASSWORD: "   " } },
  ])("NEO4J_URI with $case of user and password is a ConfigError naming both", ({ env }) => {
    const error = configError(env);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toBe("NEO4J_URI is set, so NEO4J_USER and NEO4J_PASSWORD must be set too");
  });

  test.each(["bolt://h:7687", "neo4j://h", "bolt+s://h:7687", "neo4j+s://h", "bolt+ssc://h", "neo4j+ssc://h:7687"])(
    "NEO4J_URI %s is accepted",
    (uri) => {
      expect(loadConfig({ ...server, NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    },
  );

  test.each(["http://h:7474", "https://h", "h:7687", "bolt:/h", "neo4j+x://h", "BOLT://h", "ws://h"])(
    "NEO4J_URI %s has a bad scheme: ConfigError",
    (uri) => {
      expect(configError({ ...server, NEO4J_URI: uri }).message).toBe(
        "NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc)",
      );
    },
  );

  test.each([
    { PORT: "0", port: 0 },
    { PORT: "65535", port: 65_535 },
    { PORT: " 8080 ", port: 8080 },
  ])("PORT=$PORT is $port", ({ PORT, port }) => {
    expect(loadConfig({ PORT }).port).toBe(port);
  });

  test.each(["-1", "65536", "80.5", "http", "4000abc", "99999999999"])("PORT=%s is a ConfigError", (PORT) => {
    expect(configError({ PORT }).message).toBe("PORT must be a whole number from 0 to 65535");
  });

  test.each([
    { name: "NEO4J_CONNECTION_TIMEOUT_MS", value: "99", message: "NEO4J_CONNECTION_TIMEOUT_MS must be a whole number from 100 to 120000" },
    { name: "NEO4J_CONNECTION_TIMEOUT_MS", value: "120001", message: "NEO4J_CONNECTION_TIMEOUT_MS must be a whole number from 100 to 120000" },
    { name: "NEO4J_QUERY_TIMEOUT_MS", value: "600001", message: "NEO4J_QUERY_TIMEOUT_MS must be a whole number from 100 to 600000" },
    { name: "NEO4J_QUERY_TIMEOUT_MS", value: "1.5s", message: "NEO4J_QUERY_TIMEOUT_MS must be a whole number from 100 to 600000" },
    { name: "NEO4J_RESTART_ATTEMPTS", value: "101", message: "NEO4J_RESTART_ATTEMPTS must be a whole number from 0 to 100" },
    { name: "NEO4J_RESTART_DELAY_MS", value: "-1", message: "NEO4J_RESTART_DELAY_MS must be a whole number from 0 to 600000" },
    { name: "SHUTDOWN_DELAY_MS", value: "600001", message: "SHUTDOWN_DELAY_MS must be a whole number from 0 to 600000" },
    { name: "SHUTDOWN_GRACE_MS", value: "-1", message: "SHUTDOWN_GRACE_MS must be a whole number from 0 to 3600000" },
  ])("$name=$value is a ConfigError", ({ name, value, message }) => {
    expect(configError({ [name]: value }).message).toBe(message);
  });

  test.each([
    { SEED_DEMO: "true", seedDemo: true },
    { SEED_DEMO: "TRUE", seedDemo: true },
    { SEED_DEMO: "1", seedDemo: true },
    { SEED_DEMO: "false", seedDemo: false },
    { SEED_DEMO: " False ", seedDemo: false },
    { SEED_DEMO: "0", seedDemo: false },
  ])("SEED_DEMO=$SEED_DEMO is $seedDemo", ({ SEED_DEMO, seedDemo }) => {
    expect(loadConfig({ SEED_DEMO }).seedDemo).toBe(seedDemo);
  });

  test.each([
    [{ AUTH_JWT_SECRET: "short" }, "AUTH_JWT_SECRET must be at least 32 characters"],
    [{ AUTH_JWT_SECRET: "x".repeat(32), AUTH_JWKS_URL: "https://a.example/jwks" }, "set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both"],
    [{ AUTH_JWKS_URL: "ftp://a.example/jwks" }, "AUTH_JWKS_URL must be an http(s) URL"],
    [{ PSEUDONYM_SECRET: "short" }, "PSEUDONYM_SECRET must be at least 32 characters"],
    [{ NODE_ENV: "production" }, "NODE_ENV=production needs PSEUDONYM_SECRET, so that pseudonyms stay stable across restarts"],
    [{ CORS_ORIGINS: "https://a.example/path" }, "CORS_ORIGINS must be a comma-separated list of origins like https://app.example.org"],
    [{ PUBLIC_DEMO: "perhaps" }, "PUBLIC_DEMO must be true or false"],
    [{ PUBLIC_URL: "graph.example.org" }, "PUBLIC_URL must be the API's URL as browsers reach it, like https://graph.example.org"],
    [{ PUBLIC_URL: "ftp://graph.example.org" }, "PUBLIC_URL must be an http:// or https:// URL, like https://graph.example.org"],
    [{ PUBLIC_URL: "https://user:pw@graph.example.org" }, "PUBLIC_URL must not hold a user name, password, query or fragment"],
    [{ PUBLIC_URL: "https://graph.example.org/?a=1" }, "PUBLIC_URL must not hold a user name, password, query or fragment"],
    [{ PUBLIC_URL: "https://graph.example.org/#top" }, "PUBLIC_URL must not hold a user name, password, query or fragment"],
    [{ AUTH_FAILURES_PER_MINUTE: "0" }, "AUTH_FAILURES_PER_MINUTE must be a whole number from 1 to 1000000"],
    [{ VARIABLES_MAX_DEPTH: "101" }, "VARIABLES_MAX_DEPTH must be a whole number from 1 to 100"],
  ])("%o is a ConfigError", (env, message) => {
    expect(configError(env).message).toBe(message);
  });

  test.each(["maybe", "yes", "no", "2"])("SEED_DEMO=%s is a ConfigError", (SEED_DEMO) => {
    expect(configError({ SEED_DEMO }).message).toBe("SEED_DEMO must be true or false");
  });

  // An uncommented but empty line in .env (`HOST=`) must mean the default, as it does for most
  // variables: an empty HOST would otherwise make the server listen on every interface, and an
  // empty NEO4J_DATA_DIR would put the database's files in the project root.
  test.each([
    "HOST",
    "PORT",
    "LOG_LEVEL",
    "SEED_DEMO",
    "NEO4J_URI",
    "NEO4J_USER",
    "NEO4J_PASSWORD",
    "NEO4J_DATABASE",
    "NEO4J_DATA_DIR",
    "NEO4J_CONNECTION_TIMEOUT_MS",
    "NEO4J_QUERY_TIMEOUT_MS",
    "NEO4J_RESTART_ATTEMPTS",
    "NEO4J_RESTART_DELAY_MS",
    "NEO4J_RESTART_MAX_DELAY_MS",
  ])("%s set to the empty string means its default", (name) => {
    expect(loadConfig({ [name]: "" })).toStrictEqual(defaults);
  });
});
