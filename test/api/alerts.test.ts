import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient, type Client } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { redisServerInstalled, startRedis, type TestRedis } from "../../bench/load/redis-server.js";
import { ALERTS_CHANNEL, createAlertBus, type AlertBus } from "../../src/alerts/alert-bus.js";
import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import { deleteWorld, uniquePrefix } from "../import/helpers/import-context.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";

/**
 * Watches and alerts end to end, over real HTTP and real WebSockets (graphql-ws's client on `ws`):
 * an investigator watches a person of an imported case file; importing it again makes one alert,
 * delivered to their subscription with the role rules applied and recorded in the audit trail;
 * a third import makes none; a subscription that comes back with its last cursor gets what it
 * missed; analysts and the public may not watch or subscribe. The case file is imported in a world
 * of its own (an id prefix), so no other test file's data is touched.
 */
const FIXTURE = path.join(projectRoot, "test", "import", "fixtures", "case-file-parties.yaml");
const CSV = path.join(projectRoot, "test", "import", "fixtures", "case-file-parties.csv");

const prefix = uniquePrefix("alerts");
/** A person of the case file: the director of C1 ("Invented Person One"), party to C1's shipment. */
const director = `${prefix}test-case-file-C1-2`;
const c1Shipment = `${prefix}test-case-file-C1-shipment`;
/** C2's director, party to C2's shipment. */
const c2Director = `${prefix}test-case-file-C2-1`;

const ALERT_FIELDS = `id cursor kind via watch { id kind targetId } shipment { id parties { role party { ... on Person { id name } } } } seizure { id }`;
const SUBSCRIBE = `subscription OnAlert($after: String) { alerts(after: $after) { ${ALERT_FIELDS} } }`;
const WATCH = `mutation Watch($input: WatchInput!) { watch(input: $input) { id kind targetId removedAt } }`;
const READ_BACK = `query ReadBack($after: String) { alerts(after: $after, first: 100) { alerts { id cursor } hasNextPage endCursor } }`;

let api: TestApi;
let reportDir: string;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi();
  reportDir = await mkdtemp(path.join(tmpdir(), "alerts-reports-"));
  await importCaseFile(api);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.executor.write(`MATCH (n) WHERE (n:Watch OR n:Alert) AND n.owner STARTS WITH 'token:alerts-test-' DETACH DELETE n`);
  if (api) await deleteWorld(api.executor, prefix);
  await api?.close();
  if (reportDir) await rm(reportDir, { recursive: true, force: true });
});

function importCaseFile(target: { executor: TestApi["executor"] }, bus?: AlertBus) {
  return importFiles(target.executor, FIXTURE, [CSV], { idPrefix: prefix, reportDir, onAlerts: bus ? (alerts) => bus.publish(alerts) : undefined });
}

function wsUrl(url: string): string {
  return url.replace(/^http/, "ws");
}

/** A graphql-ws client of `url` with this token (or authorization), no retries. */
function client(url: string, authorization: string | undefined, onClosed?: (event: { code: number; reason: string }) => void): Client {
  const made = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClosed?.(event as { code: number; reason: string }) },
  });
  clients.push(made);
  return made;
}

/** Collects what a subscription sends, so a test can wait for the n-th result. */
function collect(subscriber: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }[] = [];
  let completed = false;
  let failure: unknown;
  const stop = subscriber.subscribe(
    { query, variables },
    {
      next: (result) => void results.push(result as (typeof results)[number]),
      error: (error) => {
        failure = error;
      },
      complete: () => {
        completed = true;
      },
    },
  );
  const until = async (done: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
    return done();
  };
  return {
    results,
    stop,
    completed: () => completed,
    failure: () => failure,
    /** Waits until `count` results arrived (false after 15 s). */
    received: (count: number) => until(() => results.length >= count),
    ended: () => until(() => completed || failure !== undefined),
  };
}

async function bearer(role: Role, subject: string): Promise<string> {
  return `Bearer ${await api.token(role, subject)}`;
}

describe("watches and alerts", () => {
  const subject = "alerts-test-investigator";
  let firstCursor: string;

  it("an investigator watches a person; unknown ids and wrong fields are refused with their codes", async () => {
    const as = { authorization: await bearer(Role.INVESTIGATOR, subject) };
    const made = await api.post(WATCH, { input: { kind: "PERSON", targetId: director } }, as);
    expect(made.errors).toBeUndefined();
    expect(made.data!.watch).toMatchObject({ kind: "PERSON", targetId: director, removedAt: null });
    // Watching again gives the same watch.
    const again = await api.post(WATCH, { input: { kind: "PERSON", targetId: director } }, as);
    expect(again.data!.watch.id).toBe(made.data!.watch.id);

    const unknown = await api.post(WATCH, { input: { kind: "PERSON", targetId: `${prefix}nobody` } }, as);
    expect(unknown.errors).toEqual([expect.objectContaining({ message: 'No person has the id given in "input.targetId"', extensions: { code: "NOT_FOUND", argument: "input.targetId" } })]);
    const routeWithId = await api.post(WATCH, { input: { kind: "ROUTE", targetId: director } }, as);
    expect(routeWithId.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "input.targetId" });
    const personWithoutId = await api.post(WATCH, { input: { kind: "PERSON" } }, as);
    expect(personWithoutId.errors?.[0]).toMatchObject({
      message: 'Invalid argument "input.targetId": is needed for a PERSON: the id to watch',
      extensions: { code: "BAD_USER_INPUT" },
    });

    const watches = await api.post(`{ watches { targetId } }`, {}, as);
    expect(watches.data!.watches).toEqual([{ targetId: director }]);
  });

  it("analysts and the public may not watch, read alerts or subscribe (FORBIDDEN)", async () => {
    for (const role of [Role.PUBLIC, Role.ANALYST]) {
      const as = { authorization: await bearer(role, `alerts-test-${role.toLowerCase()}`) };
      const watch = await api.post(WATCH, { input: { kind: "PERSON", targetId: director } }, as);
      expect(watch.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
      const read = await api.post(READ_BACK, {}, as);
      expect(read.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
      const subscription = collect(client(api.url, as.authorization), SUBSCRIBE);
      expect(await subscription.received(1)).toBe(true);
      expect(subscription.results[0].errors).toEqual([
        expect.objectContaining({ message: `Your role may not read Subscription.alerts; it needs INVESTIGATOR or above`, extensions: { code: "FORBIDDEN" } }),
      ]);
    }
  });

  it("a connection without valid credentials is closed with 4401 and the reason", async () => {
    let closed: { code: number; reason: string } | undefined;
    const subscription = collect(client(api.url, "Bearer not-a-token", (event) => (closed = event)), SUBSCRIBE);
    expect(await subscription.ended()).toBe(true);
    expect(closed?.code).toBe(4401);
    expect(closed?.reason).toMatch(/^UNAUTHENTICATED: /);
  });

  it("a subscription over HTTP is refused: subscriptions are served over WebSocket", async () => {
    const response = await api.post(SUBSCRIBE, {}, Role.INVESTIGATOR);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      { message: "Subscriptions are served over WebSocket at /graphql (protocol graphql-transport-ws), not over HTTP", extensions: { code: "OPERATION_NOT_SUPPORTED" } },
    ]);
  });

  it("an import that touches the watched person delivers one alert, with the role rules applied, each delivery audited", async () => {
    const authorization = await bearer(Role.INVESTIGATOR, subject);
    const subscription = collect(client(api.url, authorization), SUBSCRIBE);
    // The subscription is listening once graphql-ws has acknowledged it; a read-back proves the socket is up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await importCaseFile(api);
    expect(await subscription.received(1)).toBe(true);
    const [result] = subscription.results;
    expect(result.errors).toBeUndefined();
    const alert = result.data.alerts;
    expect(alert).toMatchObject({ kind: "PERSON", via: "PARTY", watch: { kind: "PERSON", targetId: director }, seizure: null });
    expect(alert.shipment.id).toBe(c1Shipment);
    // An investigator reads names: the director is shown in clear, with their name.
    expect(alert.shipment.parties).toContainEqual(expect.objectContaining({ party: { id: director, name: "Invented Person One" } }));
    firstCursor = alert.cursor;

    // Importing the same rows again makes no second alert.
    await importCaseFile(api);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(subscription.results).toHaveLength(1);
    const readBack = await api.post(READ_BACK, {}, { authorization });
    expect(readBack.data!.alerts.alerts).toEqual([{ id: alert.id, cursor: firstCursor }]);

    // Each delivery is in the audit trail, with the persons it showed.
    const page = await api.security.audit.list({ first: 50, subject: `token:${subject}` });
    const deliveries = page.records.filter((record) => record.operationName === "OnAlert" && record.errorCodes.length === 0);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].disclosed).toContain(`Person:${director}`);
    subscription.stop();
  }, 60_000);

  it("a subscription that comes back with its last cursor first gets what it missed; the query reads the same back", async () => {
    const authorization = await bearer(Role.INVESTIGATOR, subject);
    // While no subscription is open: a second watch, and an import that touches it.
    const made = await api.post(WATCH, { input: { kind: "PERSON", targetId: c2Director } }, { authorization });
    expect(made.errors).toBeUndefined();
    await importCaseFile(api);

    const readBack = await api.post(READ_BACK, { after: firstCursor }, { authorization });
    const missed = readBack.data!.alerts.alerts as { id: string; cursor: string }[];
    expect(missed).toHaveLength(1);

    const subscription = collect(client(api.url, authorization), SUBSCRIBE, { after: firstCursor });
    expect(await subscription.received(1)).toBe(true);
    expect(subscription.results[0].data.alerts).toMatchObject({ id: missed[0].id, watch: { targetId: c2Director }, shipment: { id: `${prefix}test-case-file-C2-shipment` } });
    subscription.stop();

    // Another investigator has no alerts of these watches.
    const other = await api.post(READ_BACK, {}, { authorization: await bearer(Role.INVESTIGATOR, "alerts-test-other") });
    expect(other.data!.alerts.alerts).toEqual([]);
    // A cursor not given by the API is refused.
    const bad = await api.post(READ_BACK, { after: "not-a-cursor" }, { authorization });
    expect(bad.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "after" });
  }, 60_000);

  it("unwatch stops a watch: it leaves the live watches; another's or an unknown id is NOT_FOUND", async () => {
    const authorization = await bearer(Role.INVESTIGATOR, subject);
    const watches = await api.post(`{ watches { id targetId } }`, {}, { authorization });
    const removed = await api.post(`mutation($id: ID!) { unwatch(id: $id) { id removedAt } }`, { id: watches.data!.watches[0].id }, { authorization });
    expect(removed.data!.unwatch.removedAt).toEqual(expect.any(String));
    const unknown = await api.post(`mutation { unwatch(id: "watch-none") { id } }`, {}, { authorization });
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const anothers = await api.post(
      `mutation($id: ID!) { unwatch(id: $id) { id } }`,
      { id: watches.data!.watches[1].id },
      { authorization: await bearer(Role.INVESTIGATOR, "alerts-test-other") },
    );
    expect(anothers.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const left = await api.post(`{ watches { targetId } }`, {}, { authorization });
    expect(left.data!.watches).toEqual([{ targetId: c2Director }]);
  });
});

describe("fan-out through Redis", () => {
  let redis: TestRedis | undefined;
  let a: TestApi | undefined;
  let b: TestApi | undefined;
  let bus: AlertBus | undefined;
  const installed = redisServerInstalled();
  if (!installed) console.log("skipping the Redis fan-out test: no redis-server binary on this machine");

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await bus?.close();
    await redis?.stop();
  });

  it.skipIf(!installed)("a subscriber on app A receives the alert of an import run separately, the watch made through app B", async () => {
    redis = await startRedis();
    a = await startTestApi({ env: { REDIS_URL: redis.url } });
    b = await startTestApi({ env: { REDIS_URL: redis.url } });
    const subject = "alerts-test-fan-out";
    const authorization = `Bearer ${await a.token(Role.INVESTIGATOR, subject)}`;
    const made = await b.post(WATCH, { input: { kind: "COMPANY", targetId: `${prefix}test-case-file-C1-1` } }, { authorization });
    expect(made.errors).toBeUndefined();
    const subscription = collect(client(a.url, authorization), SUBSCRIBE);
    // What travels on the channel, seen by a listener of the test's own.
    const listener = new Redis(redis.url);
    const messages: string[] = [];
    listener.on("message", (_channel: string, message: string) => void messages.push(message));
    await listener.subscribe(ALERTS_CHANNEL);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The import publishes only, as `npm run import` would in a process of its own.
    bus = createAlertBus(redis.url, { listening: false });
    await importCaseFile(a, bus);
    expect(await subscription.received(1)).toBe(true);
    const alert = subscription.results[0].data.alerts;
    expect(alert).toMatchObject({ kind: "COMPANY", via: "PARTY", shipment: { id: c1Shipment } });
    expect(messages.map((message) => JSON.parse(message) as { id: string; owner: string })).toEqual([
      expect.objectContaining({ id: alert.id, owner: `token:${subject}` }),
    ]);
    await listener.quit();
    subscription.stop();
  }, 90_000);
});
