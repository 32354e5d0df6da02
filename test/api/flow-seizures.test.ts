import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import type { RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { readNetwork } from "../generate/network-files.js";
import { startRoutesDatabase, type RoutesDatabase } from "../helpers/routes-database.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { expectedFlows, generatedRecords, hopsOf, readRoutesRecords, type SeizureRecord } from "../helpers/trade-records.js";

/**
 * `seizures(filter: { flow })` and `seizures(orderBy: { field: DATE, ... })` on ROUTES and a
 * generated network in one database of this file's own (real country codes: the API takes ISO
 * codes). Expected seizures, counts and dates come from the source files read with csv-parse
 * (../helpers/trade-records.ts: tot.csv and transittots.csv; the generator's CSV files), never
 * from the API under test; the `flows` field's own counts are compared too.
 */

const external = process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "";
if (external) console.log("flow-seizures: skipped, NEO4J_URI is set and this file needs a database of its own (it imports two sources with real country codes)");

const ROUTES = "routes-airport-seizures";
const GENERATED = "generated-network";

/** Every seizure record by its id in the graph (ROUTES ids are prefixed there). */
const byGraphId = new Map<string, SeizureRecord>();
const sourceOf = new Map<string, string>();
let all: SeizureRecord[];

let database: RunningNeo4j | undefined;
let api: TestApi;
let workDir: string;

const LIST = `query ($filter: SeizureFilter, $orderBy: SeizureOrder, $first: Int, $after: String) {
  seizures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id date } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const COUNT = `query ($filter: SeizureFilter) { seizures(filter: $filter) { totalCount } }`;
const FLOWS = `query ($filter: TradeFilter) { flows(level: COUNTRY, filter: $filter, first: 1000) { links { source target seizureCount } } }`;
const LATEST_FIRST = { field: "DATE", direction: "DESC" };
const EARLIEST_FIRST = { field: "DATE", direction: "ASC" };

/** Graph ids in the documented order: by date (descending or ascending), undated last, ties by id ascending. */
function sortedByDate(ids: Iterable<string>, descending: boolean): string[] {
  return [...ids].sort((a, b) => {
    const x = byGraphId.get(a)!.date;
    const y = byGraphId.get(b)!.date;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Every page of a list, following endCursor; the ids in the order given. */
async function allPages(filter: object, orderBy: object | null, first: number, as: Role = Role.ADMIN): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const response = await api.post(LIST, { filter, orderBy, first, after }, as);
    expect(response.errors).toBeUndefined();
    const { totalCount, edges, pageInfo } = response.data!.seizures;
    totals.push(totalCount);
    for (const edge of edges) {
      ids.push(edge.node.id);
      const record = byGraphId.get(edge.node.id);
      expect(record, edge.node.id).toBeDefined();
      expect(edge.node.date, edge.node.id).toBe(record!.date);
    }
    if (!pageInfo.hasNextPage) return { ids, totals };
    expect(edges.length).toBe(first);
    after = pageInfo.endCursor;
  }
  throw new Error("more than 1000 pages");
}

const hop = (key: string) => {
  const [from, to] = key.split(">");
  return { from, to };
};

describe.skipIf(external)("the seizures behind a flow, and seizures latest first", () => {
  let flows: Map<string, Set<string>>;

  beforeAll(async () => {
    let connection: RoutesDatabase["connection"];
    workDir = await mkdtemp(path.join(tmpdir(), "flow-seizures-"));
    const networkDir = path.join(workDir, "network");
    await generateNetwork({ seed: "flow-seizures", shipments: 400, outDir: networkDir });
    const generated = generatedRecords(await readNetwork(networkDir));
    const routes = readRoutesRecords();
    for (const record of routes) {
      byGraphId.set(`routes-${record.id}`, record);
      sourceOf.set(`routes-${record.id}`, ROUTES);
    }
    for (const record of generated) {
      byGraphId.set(record.id, record);
      sourceOf.set(record.id, GENERATED);
    }
    all = [...byGraphId.values()];
    const graphIdOf = new Map([...byGraphId].map(([graphId, record]) => [record, graphId]));
    flows = new Map([...expectedFlows(all)].map(([key]) => [key, new Set<string>()]));
    for (const record of all) for (const key of hopsOf(record)) flows.get(key)!.add(graphIdOf.get(record)!);
    const reportDir = path.join(workDir, "reports");
    ({ database, connection } = await startRoutesDatabase(reportDir, { networkDir }));
    api = await startTestApi({ connection });
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await database?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 300_000);

  it("counts every flow's seizures as the files give them and as `flows` counts them", async () => {
    const response = await api.post(FLOWS, {});
    expect(response.errors).toBeUndefined();
    const links = new Map<string, number>(response.data!.flows.links.map((link: any) => [`${link.source}>${link.target}`, link.seizureCount]));
    expect(links.size, "flows of the two sources").toBeGreaterThan(50);
    expect([...links.keys()].sort()).toEqual([...flows.keys()].sort());
    const got: Record<string, number> = {};
    const started = performance.now();
    for (const key of links.keys()) {
      const counted = await api.post(COUNT, { filter: { flow: hop(key) } }, Role.PUBLIC);
      expect(counted.errors, key).toBeUndefined();
      got[key] = counted.data!.seizures.totalCount;
    }
    console.log(`flow-seizures: ${links.size} flows counted in ${Math.round(performance.now() - started)} ms`);
    expect(got).toEqual(Object.fromEntries([...links].map(([key, count]) => [key, count])));
    expect(got).toEqual(Object.fromEntries([...flows].map(([key, ids]) => [key, ids.size])));
  }, 600_000);

  it("lists every flow's seizures latest first, exactly those whose route has that hop", async () => {
    const started = performance.now();
    for (const [key, ids] of flows) {
      const { ids: listed, totals } = await allPages({ flow: hop(key) }, LATEST_FIRST, 100, Role.PUBLIC);
      expect(listed, key).toEqual(sortedByDate(ids, true));
      expect(new Set(totals), key).toEqual(new Set([ids.size]));
    }
    console.log(`flow-seizures: ${flows.size} flows listed in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);

  it("pages a busy flow in small pages in each order with no repeat and no gap", async () => {
    const [key, ids] = [...flows].sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1))[0];
    expect(ids.size, `${key}: a flow of several pages`).toBeGreaterThan(15);
    const undated = [...ids].filter((id) => byGraphId.get(id)!.date === null).length;
    for (const [orderBy, expected] of [
      [LATEST_FIRST, sortedByDate(ids, true)],
      [EARLIEST_FIRST, sortedByDate(ids, false)],
      [null, [...ids].sort()],
      [{ field: "ID", direction: "ASC" }, [...ids].sort()],
      [{ field: "ID", direction: "DESC" }, [...ids].sort().reverse()],
    ] as const) {
      const { ids: listed } = await allPages({ flow: hop(key) }, orderBy, 4);
      expect(listed, `${key} ${JSON.stringify(orderBy)}`).toEqual(expected);
    }
    // The undated ones come last in both date orders (the ROUTES rows without a single day).
    if (undated > 0) {
      const { ids: earliest } = await allPages({ flow: hop(key) }, EARLIEST_FIRST, 100);
      expect(earliest.slice(-undated).every((id) => byGraphId.get(id)!.date === null)).toBe(true);
    }
  }, 300_000);

  it("lists a country's seizures latest first, with the other filters too", async () => {
    const counted = new Map<string, number>();
    for (const record of all) if (record.seizedIn) counted.set(record.seizedIn, (counted.get(record.seizedIn) ?? 0) + 1);
    const [country] = [...counted].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
    const expected = sortedByDate([...byGraphId].filter(([, record]) => record.seizedIn === country).map(([id]) => id), true);
    const { ids, totals } = await allPages({ country }, LATEST_FIRST, 50, Role.PUBLIC);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
    // With dates: dated seizures only, still latest first.
    const dateFrom = "2012-01-01";
    const dateTo = "2016-12-31";
    const inPeriod = expected.filter((id) => {
      const date = byGraphId.get(id)!.date;
      return date !== null && date >= dateFrom && date <= dateTo;
    });
    expect(inPeriod.length).toBeGreaterThan(0);
    expect((await allPages({ country, dateFrom, dateTo }, LATEST_FIRST, 50)).ids).toEqual(inPeriod);
  }, 300_000);

  it("gives a flow's seizures of one source to ANALYST, as `flows` of that source counts them, and refuses the source to PUBLIC", async () => {
    const response = await api.post(FLOWS, { filter: { source: GENERATED } }, Role.ANALYST);
    expect(response.errors).toBeUndefined();
    const links = response.data!.flows.links.slice(0, 10);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const key = `${link.source}>${link.target}`;
      const expected = sortedByDate([...flows.get(key)!].filter((id) => sourceOf.get(id) === GENERATED), true);
      expect(expected.length, key).toBe(link.seizureCount);
      const filter = { flow: { from: link.source, to: link.target }, source: GENERATED };
      expect((await allPages(filter, LATEST_FIRST, 100, Role.ANALYST)).ids, key).toEqual(expected);
      const refused = await api.post(LIST, { filter, orderBy: LATEST_FIRST }, Role.PUBLIC);
      expect(refused.errors?.[0]?.extensions, key).toMatchObject({ code: "FORBIDDEN" });
      expect(refused.errors?.[0]?.message).toBe("Your role may not read filter.source; it needs ANALYST or above");
    }
  }, 300_000);

  it("refuses a cursor of another order or another flow, and a flow from a country to itself", async () => {
    const [first, second] = [...flows].sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1)).map(([key]) => hop(key));
    const cursorOf = async (filter: object, orderBy: object | null) => {
      const response = await api.post(LIST, { filter, orderBy, first: 2 });
      expect(response.errors).toBeUndefined();
      return response.data!.seizures.pageInfo.endCursor as string;
    };
    const latest = await cursorOf({ flow: first }, LATEST_FIRST);
    const byId = await cursorOf({ flow: first }, null);
    for (const [filter, orderBy, after] of [
      [{ flow: first }, null, latest],
      [{ flow: first }, EARLIEST_FIRST, latest],
      [{ flow: first }, LATEST_FIRST, byId],
      [{ flow: second }, LATEST_FIRST, latest],
      [{}, LATEST_FIRST, latest],
    ] as const) {
      const response = await api.post(LIST, { filter, orderBy, first: 2, after });
      expect(response.errors?.[0]?.extensions, JSON.stringify([filter, orderBy])).toEqual({ code: "BAD_USER_INPUT", argument: "after" });
      expect(response.data?.seizures ?? null).toBeNull();
    }
    const itself = await api.post(COUNT, { filter: { flow: { from: first.from, to: first.from } } });
    expect(itself.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "filter.flow.to" });
    const badCode = await api.post(COUNT, { filter: { flow: { from: "KEN", to: first.to } } });
    expect(badCode.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
