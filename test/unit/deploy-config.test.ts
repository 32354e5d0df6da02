import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { projectRoot } from "../../src/config.js";

/**
 * The deployment's three files agree with one another and with the API: docker-compose.yml, the
 * Dockerfile and deploy/haproxy.cfg. HAProxy checks its configuration itself, and `docker compose
 * config` checks the compose file, where those programs are installed (each skips with a reason
 * where it is not).
 */
const read = (file: string) => readFileSync(path.join(projectRoot, file), "utf8");
// `merge`: the replicas share their settings through a YAML anchor and merge key (`<<: *api`).
const compose = parse(read("docker-compose.yml"), { merge: true }) as Compose;
const haproxy = read("deploy/haproxy.cfg");
const dockerfile = read("Dockerfile");

interface Service {
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, Service>;
}

const API_SERVICES = ["api-1", "api-2"];

/** The settings src/config.ts reads: `env.NAME` and `(env, "NAME", ...)`. */
const settingsRead = new Set([...read("src/config.ts").matchAll(/env\.([A-Z][A-Z0-9_]*)|\(env, "([A-Z][A-Z0-9_]*)"/g)].map((match) => match[1] ?? match[2]!));

/** The runtime stage's `ENV` settings, e.g. PORT=4000. */
const imageEnv = Object.fromEntries(
  [...dockerfile.replace(/\\\r?\n/g, " ").matchAll(/^ENV\s+(.+)$/gm)].flatMap((line) => [...line[1]!.matchAll(/([A-Z_][A-Z0-9_]*)=(\S+)/g)].map((pair) => [pair[1]!, pair[2]!])),
);

/** Milliseconds of a Docker duration such as "30s", "1m30s", "500ms". */
function durationMs(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(amount) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[unit as "ms"];
  return total;
}

/** The HAProxy settings of a line that starts with `keyword` (the first such line). */
function haproxyLine(keyword: string): string {
  const line = haproxy.split("\n").find((candidate) => candidate.trim().startsWith(`${keyword} `));
  if (!line) throw new Error(`deploy/haproxy.cfg has no "${keyword}" line`);
  return line.trim();
}

describe("docker-compose.yml, the Dockerfile and deploy/haproxy.cfg", () => {
  const services = compose.services;

  it("run two replicas of one image with the same settings", () => {
    for (const name of API_SERVICES) expect(services[name], name).toBeDefined();
    const [first, second] = API_SERVICES.map((name) => services[name]!);
    expect(second!.environment).toEqual(first!.environment);
    expect(second!.image).toBe(first!.image);
  });

  it("give the replicas only settings the API reads", () => {
    for (const name of API_SERVICES) {
      const unknown = Object.keys(services[name]!.environment ?? {}).filter((setting) => !settingsRead.has(setting));
      expect(unknown, name).toEqual([]);
    }
    expect(Object.keys(imageEnv).filter((setting) => !settingsRead.has(setting))).toEqual([]);
  });

  it("share the audit trail, the hashing key and Redis between replicas", () => {
    const env = services["api-1"]!.environment!;
    expect(env.AUDIT_STORE).toBe("neo4j");
    expect(env.AUDIT_HMAC_KEY).toMatch(/^\$\{AUDIT_HMAC_KEY:\?/);
    expect(env.PSEUDONYM_SECRET).toMatch(/^\$\{PSEUDONYM_SECRET:\?/);
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    expect(env.NEO4J_URI).toBe("bolt://neo4j:7687");
  });

  it("start the second replica once the first is ready, so that only one prepares the database", () => {
    expect(services["api-2"]!.depends_on!["api-1"]).toEqual({ condition: "service_healthy" });
    expect(services["api-1"]!.depends_on!["api-2"]).toBeUndefined();
    // Ready means /ready, on the port the image listens on.
    for (const name of API_SERVICES) expect(services[name]!.healthcheck!.test.join(" ")).toContain(`http://127.0.0.1:${imageEnv.PORT}/ready`);
  });

  it("send HAProxy to each replica at the port the image listens on, checking /ready (a route of the API)", () => {
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${imageEnv.PORT}$`, "m"));
    const env = services.haproxy!.environment!;
    expect([env.API_1, env.API_2]).toEqual(API_SERVICES.map((name) => `${name}:${imageEnv.PORT}`));
    expect(haproxyLine("server api1")).toContain('"${API_1}"');
    expect(haproxyLine("server api2")).toContain('"${API_2}"');
    expect(haproxyLine("option httpchk")).toBe("option httpchk GET /ready");
    expect(read("src/server.ts")).toContain('url.pathname === "/ready"');
  });

  it("set every variable deploy/haproxy.cfg needs, and publish the balancer alone, on 127.0.0.1", () => {
    const env = services.haproxy!.environment!;
    const withoutComments = haproxy.replace(/#.*$/gm, "");
    const required = [...withoutComments.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((match) => match[1]!);
    expect(required.filter((name) => env[name] === undefined)).toEqual([]);
    expect(services.haproxy!.volumes).toContain("./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
    expect(services.haproxy!.ports).toEqual([`127.0.0.1:\${PUBLISH_PORT:-4000}:${env.BALANCER_PORT}`]);
    const published = Object.entries(services).filter(([, service]) => service.ports !== undefined).map(([name]) => name);
    expect(published).toEqual(["haproxy"]);
  });

  it("let a stopping replica drain: HAProxy sees /ready 503 within the delay, and Docker waits for the grace", () => {
    const env = services["api-1"]!.environment!;
    const delayMs = Number(env.SHUTDOWN_DELAY_MS);
    const graceMs = Number(env.SHUTDOWN_GRACE_MS);
    const check = haproxyLine("default-server");
    const interval = durationMs(/\binter (\S+)/.exec(check)![1]!);
    const fall = Number(/\bfall (\d+)/.exec(check)![1]);
    expect(interval * fall).toBeLessThanOrEqual(delayMs);
    for (const name of API_SERVICES) expect(durationMs(services[name]!.stop_grace_period!)).toBeGreaterThan(delayMs + graceMs);
  });

  it("retry queries on another replica, and WebSockets stay open as tunnels", () => {
    expect(haproxyLine("retry-on")).toBe("retry-on conn-failure empty-response response-timeout 502 503");
    expect(haproxyLine("option redispatch")).toBe("option redispatch 1");
    expect(haproxyLine("http-request disable-l7-retry")).toContain("mutation");
    expect(durationMs(haproxyLine("timeout tunnel"))).toBeGreaterThanOrEqual(3_600_000);
  });
});

describe("the programs' own checks", () => {
  const haproxyFound = spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status === 0;
  if (!haproxyFound) console.warn("skipped: haproxy is not installed here (apt-get install haproxy), so `haproxy -c` cannot check deploy/haproxy.cfg");

  it.skipIf(!haproxyFound)("haproxy -c accepts deploy/haproxy.cfg, and refuses it without a replica's address", () => {
    const check = (env: Record<string, string>) =>
      spawnSync("haproxy", ["-c", "-f", path.join(projectRoot, "deploy", "haproxy.cfg")], { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
    const valid = check({ API_1: "127.0.0.1:4101", API_2: "127.0.0.1:4102", BALANCER_PORT: "4100" });
    expect(valid.status, valid.stderr).toBe(0);
    const missing = check({ API_1: "127.0.0.1:4101", BALANCER_PORT: "4100" });
    expect(missing.status).not.toBe(0);
  });

  /** `docker compose` (the plugin) or the older `docker-compose`, whichever runs here. */
  const composeCommand = [["docker", "compose"], ["docker-compose"]].find(
    ([command, ...args]) => spawnSync(command!, [...args, "version"], { stdio: "ignore" }).status === 0,
  );
  if (!composeCommand) console.warn("skipped: neither `docker compose` nor `docker-compose` runs here, so the compose file is not validated by Docker");

  it.skipIf(!composeCommand)("docker compose config accepts docker-compose.yml with the secrets set, and refuses it without them", () => {
    const [command, ...args] = composeCommand!;
    const secrets = {
      NEO4J_PASSWORD: "a-long-password",
      AUTH_JWT_SECRET: "j".repeat(32),
      PSEUDONYM_SECRET: "p".repeat(32),
      AUDIT_HMAC_KEY: "0".repeat(64),
    };
    const config = (env: Record<string, string>) =>
      spawnSync(command!, [...args, "-f", "docker-compose.yml", "config", "-q"], { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, encoding: "utf8" });
    const valid = config(secrets);
    expect(valid.status, valid.stderr).toBe(0);
    const { AUDIT_HMAC_KEY: _key, ...withoutKey } = secrets;
    const missing = config(withoutKey);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("AUDIT_HMAC_KEY");
  });
});
