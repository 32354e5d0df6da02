import { describe, expect, test } from "vitest";

import { ConfigError, loadConfig } from "../../src/config.js";

/** AUDIT_STORE, AUDIT_CHAIN and AUDIT_HMAC_KEY: values, defaults and the errors that stop start-up. Needs no database. */
const KEY = "0123456789abcdef".repeat(4);

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) returned instead of throwing`);
}

describe("the audit store's settings", () => {
  test("by default the trail is this process's file, hashed with the key file beside it", () => {
    const { audit } = loadConfig({});
    expect(audit.shared).toBeUndefined();
    expect(audit.hmacKey).toBeUndefined();
  });

  test("AUDIT_STORE=neo4j shares the chain main, or AUDIT_CHAIN, hashed with AUDIT_HMAC_KEY", () => {
    expect(loadConfig({ AUDIT_STORE: "neo4j", AUDIT_HMAC_KEY: KEY }).audit).toMatchObject({ shared: { chain: "main" }, hmacKey: Buffer.from(KEY, "hex") });
    expect(loadConfig({ AUDIT_STORE: "NEO4J", AUDIT_HMAC_KEY: KEY, AUDIT_CHAIN: "staging-2" }).audit.shared).toEqual({ chain: "staging-2" });
    expect(loadConfig({ AUDIT_STORE: "file", AUDIT_HMAC_KEY: KEY.toUpperCase() }).audit).toMatchObject({ hmacKey: Buffer.from(KEY, "hex") });
  });

  test.each([
    { env: { AUDIT_STORE: "redis" }, message: "AUDIT_STORE must be file or neo4j" },
    {
      env: { AUDIT_STORE: "neo4j" },
      message: "AUDIT_STORE=neo4j needs AUDIT_HMAC_KEY, the same on every replica, so that they hash personal values alike",
    },
    { env: { AUDIT_HMAC_KEY: "abc" }, message: "AUDIT_HMAC_KEY must be 64 hex digits (32 random bytes, e.g. from `openssl rand -hex 32`)" },
    { env: { AUDIT_HMAC_KEY: `${KEY}00` }, message: "AUDIT_HMAC_KEY must be 64 hex digits (32 random bytes, e.g. from `openssl rand -hex 32`)" },
    { env: { AUDIT_CHAIN: "main" }, message: "AUDIT_CHAIN names a chain of the shared store: set AUDIT_STORE=neo4j too" },
    { env: { AUDIT_STORE: "neo4j", AUDIT_HMAC_KEY: KEY, AUDIT_CHAIN: "a|b" }, message: "AUDIT_CHAIN must be 1 to 64 letters, digits, '.', '_' or '-'" },
  ])("$env is a ConfigError", ({ env, message }) => {
    expect(configError(env)).toBe(message);
  });

  test("the key never appears in an error message", () => {
    const secret = `${"f".repeat(63)}g`;
    expect(configError({ AUDIT_HMAC_KEY: secret })).not.toContain(secret);
  });
});
