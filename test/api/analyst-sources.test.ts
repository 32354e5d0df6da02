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
import {
  expectedFlows,
  expectedHubs,
  expectedRoutes,
  generatedRecords,
  hopsOf,
  readRoutesRecords,
  type GeneratedRecord,
  type Group,
  type SeizureRecord,
} from "../helpers/trade-records.js";

/**
 * The source filter and the trends by genus and order, on two sources in one database of this
 * file's own: ROUTES (real records) and a generated network, both with real country codes (the
 * API takes ISO codes). Every expected figure is computed from the source files, read with
 * csv-parse (../helpers/trade-records.ts): tot.csv and transittots.csv for ROUTES; the generator's
 * seizures, route stops, places, commodity lines and species files for the network.
 *
 * ROUTES is imported before the network's species exist, so its commodity lines name no Species:
 * in a trend by genus or order its seizures fall under the null key.
 */

const external = process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "";
if (external) console.log("analyst-sources: skipped, NEO4J_URI is set and this file needs a database of its own (it imports two sources with real country codes)");

const ROUTES = "routes-airport-seizures";
const GENERATED = "generated-network";
/** A source in the database that reports no seizure (the countries file). */
const NO_SEIZURES = "mledoze-countries";

const routesRecords = readRoutesRecords();
let generated: GeneratedRecord[];
let recordsOf: Record<string, SeizureRecord[]>;
let all: SeizureRecord[];

let database: RunningNeo4j | undefined;
let api: TestApi;
let workDir: string;

/** A seizure id in the graph, as its file writes it. */
function fileId(graphId: string): string {
  return graphId.replace(/^routes-/, "");
}

const counts = (groups: Map<string, Group>) => Object.fromEntries([...groups].map(([key, group]) => [key, group.ids.size]).sort());

/** Country pairs that both sources' records join (a stop in the first, not a destination, before one in the second, not an origin). */
function pairsOf(records: readonly SeizureRecord[]): Map<string, number> {
  const pairs = new Map<string, Set<string>>();
  for (const record of records) {
    record.stops.forEach((start, i) =>
      record.stops.forEach((end, j) => {
        if (i < j && start.role !== "DESTINATION" && end.role !== "ORIGIN" && start.country !== end.country) {
          const key = `${start.country}>${end.country}`;
          pairs.set(key, (pairs.get(key) ?? new Set()).add(record.id));
        }
      }),
    );
  }
  return new Map([...pairs].map(([key, ids]) => [key, ids.size]));
}

describe.skipIf(external)("the source filter, and trends by genus and order, on ROUTES and a generated network", () => {
  beforeAll(async () => {
    let connection: RoutesDatabase["connection"];
    workDir = await mkdtemp(path.join(tmpdir(), "analyst-sources-"));
    const networkDir = path.join(workDir, "network");
    // A seed whose world holds a seizure of two species of one genus, which the genus test needs
    // (about one world of 400 shipments in two holds one; that test checks that this one does).
    await generateNetwork({ seed: "analyst-sources", shipments: 400, outDir: networkDir });
    generated = generatedRecords(await readNetwork(networkDir));
    recordsOf = { [ROUTES]: routesRecords, [GENERATED]: generated };
    all = [...routesRecords, ...generated];
    const reportDir = path.join(workDir, "reports");
    ({ database, connection } = await startRoutesDatabase(reportDir, { networkDir }));
    api = await startTestApi({ connection });
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await database?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 300_000);

  describe("routes", () => {
    const ROUTE_QUERY = `query ($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter) {
      routes(from: $from, to: $to, filter: $filter, first: 100, inferred: true, evidence: 50) {
        observedCount
        observed { countries { code } seizureCount shipmentCount evidence { id sources { source { id } } } }
        inferred { countries { code } legs { from { code } to { code } seizureCount } }
      }
    }`;
    const routeKey = (route: { countries: { code: string }[] }) => route.countries.map((country) => country.code).join(">");

    /** The three pairs both sources join most (by the fewer of their two seizure counts). */
    function sharedPairs(): [string, string][] {
      const mine = pairsOf(routesRecords);
      const theirs = pairsOf(generated);
      return [...mine]
        .filter(([pair]) => theirs.has(pair))
        .map(([pair, count]): [string, number] => [pair, Math.min(count, theirs.get(pair)!)])
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .slice(0, 3)
        .map(([pair]) => pair.split(">") as [string, string]);
    }

    it("gives each source's observed routes as its own files give them, and both without the filter", async () => {
      const pairs = sharedPairs();
      expect(pairs.length, "pairs that both sources join").toBe(3);
      for (const [from, to] of pairs) {
        for (const [source, records] of [[ROUTES, routesRecords], [GENERATED, generated], [null, all]] as const) {
          const expected = expectedRoutes(records, from, to);
          expect(expected.size, `${from} → ${to} in ${source ?? "both"}`).toBeGreaterThan(0);
          const response = await api.post(ROUTE_QUERY, { from, to, filter: source ? { source } : null });
          expect(response.errors).toBeUndefined();
          const report = response.data!.routes;
          expect(report.observedCount, `${from} → ${to} in ${source ?? "both"}`).toBe(expected.size);
          const got = Object.fromEntries(report.observed.map((route: any) => [routeKey(route), [route.seizureCount, route.shipmentCount]]));
          expect(got, `${from} → ${to} in ${source ?? "both"}`).toEqual(
            Object.fromEntries([...expected].map(([key, group]) => [key, [group.ids.size, group.shipments.size]])),
          );
          for (const route of report.observed) {
            const group = expected.get(routeKey(route))!;
            for (const seizure of route.evidence) {
              expect(group.ids.has(fileId(seizure.id)), `${seizure.id} on ${routeKey(route)}`).toBe(true);
              if (source) expect(seizure.sources.map((citation: any) => citation.source.id)).toContain(source);
            }
          }
        }
      }
    });

    it("chains inferred routes from the legs of that source only", async () => {
      const [from, to] = sharedPairs()[0];
      const legs = new Map([...expectedFlows(generated)].map(([hop, group]) => [hop, group.ids.size]));
      const response = await api.post(ROUTE_QUERY, { from, to, filter: { source: GENERATED } });
      expect(response.errors).toBeUndefined();
      for (const route of response.data!.routes.inferred) {
        for (const leg of route.legs) expect(leg.seizureCount, routeKey(route)).toBe(legs.get(`${leg.from.code}>${leg.to.code}`));
      }
    });
  });

  describe("flows and transit hubs", () => {
    const FLOWS = `query ($filter: TradeFilter) {
      flows(level: COUNTRY, filter: $filter, first: 1000) {
        links { source target seizureCount shipmentCount }
        totals { seizureCount shipmentCount linkCount }
      }
    }`;
    const HUBS = `query ($filter: TradeFilter) {
      transitHubs(filter: $filter, first: 200) { country { code } shipmentCount totalShipmentCount }
    }`;

    it("gives each source's flows as its own files give them", async () => {
      for (const [source, records] of [[ROUTES, routesRecords], [GENERATED, generated], [null, all]] as const) {
        const expected = expectedFlows(records);
        const withHop = records.filter((record) => hopsOf(record).size > 0);
        const response = await api.post(FLOWS, { filter: source ? { source } : null });
        expect(response.errors).toBeUndefined();
        const { links, totals } = response.data!.flows;
        const got = Object.fromEntries(links.map((link: any) => [`${link.source}>${link.target}`, [link.seizureCount, link.shipmentCount]]));
        expect(got, source ?? "both").toEqual(Object.fromEntries([...expected].map(([hop, group]) => [hop, [group.ids.size, group.shipments.size]])));
        expect(totals, source ?? "both").toEqual({
          seizureCount: withHop.length,
          shipmentCount: new Set(withHop.map((record) => record.shipment)).size,
          linkCount: expected.size,
        });
      }
    });

    it("ranks each source's transit hubs as its own files give them", async () => {
      for (const [source, records] of [[ROUTES, routesRecords], [GENERATED, generated], [null, all]] as const) {
        const { total, ranked } = expectedHubs(records);
        expect(ranked.length).toBeGreaterThan(0);
        const response = await api.post(HUBS, { filter: source ? { source } : null });
        expect(response.errors).toBeUndefined();
        const hubs = response.data!.transitHubs;
        // Equal shipment counts are ordered by seizures first, which the ranking here does not know: compared as a map.
        expect(Object.fromEntries(hubs.map((hub: any) => [hub.country.code, hub.shipmentCount])), source ?? "both").toEqual(Object.fromEntries(ranked));
        const shipments = hubs.map((hub: any) => hub.shipmentCount);
        expect(shipments).toEqual([...shipments].sort((a, b) => b - a));
        for (const hub of hubs) expect(hub.totalShipmentCount).toBe(total);
      }
    });
  });

  describe("trends", () => {
    const TRENDS = `query ($interval: TrendInterval, $by: TrendDimension, $filter: TrendFilter) {
      trends(interval: $interval, by: $by, filter: $filter) { period key seizureCount sourceCount }
    }`;

    /** Seizures per "period key" (a seizure once per key), dated seizures only. */
    function tally(records: readonly GeneratedRecord[], periodOf: (date: string) => string, keysOf: (record: GeneratedRecord) => (string | null)[]) {
      const ids = new Map<string, Set<string>>();
      for (const record of records) {
        if (record.date === null) continue;
        for (const key of new Set(keysOf(record))) {
          const at = `${periodOf(record.date)} ${key}`;
          ids.set(at, (ids.get(at) ?? new Set()).add(record.id));
        }
      }
      return Object.fromEntries([...ids].map(([at, set]): [string, number] => [at, set.size]).sort());
    }
    const year = (date: string) => date.slice(0, 4);
    const month = (date: string) => date.slice(0, 7);
    const keysBy = (rank: "species" | "genus" | "order") => (record: GeneratedRecord) =>
      record.lines.length === 0 ? [null] : record.lines.map((line) => line[rank]);
    const got = (points: any[]) => Object.fromEntries(points.map((point) => [`${point.period} ${point.key}`, point.seizureCount]).sort());

    it("splits a source's seizures by genus and by order as its species and commodity-line files give them", async () => {
      const genera = new Set(generated.flatMap((record) => record.lines.map((line) => line.genus)));
      expect(genera.size, "genera in the generated seizures").toBeGreaterThan(2);
      for (const [by, rank, interval, periodOf] of [
        ["GENUS", "genus", "YEAR", year],
        ["ORDER", "order", "YEAR", year],
        ["GENUS", "genus", "MONTH", month],
        ["SPECIES", "species", "YEAR", year],
      ] as const) {
        const response = await api.post(TRENDS, { interval, by, filter: { source: GENERATED } });
        expect(response.errors).toBeUndefined();
        const points = response.data!.trends;
        const expected = tally(generated, periodOf, keysBy(rank));
        expect(got(points), `${by} per ${interval}`).toEqual(expected);
        for (const point of points) expect(point.sourceCount).toBe(1);
      }
    });

    it("counts a seizure of two species of one genus once for that genus", async () => {
      const twoOfOne = generated.filter((record) => {
        const species = new Map(record.lines.map((line) => [line.species, line.genus]));
        const genera = [...species.values()];
        return record.date !== null && genera.length > new Set(genera).size;
      });
      // Counting per commodity line or per species would count these twice.
      expect(twoOfOne.length, "seizures of two species of one genus in the generated network").toBeGreaterThan(0);
      const response = await api.post(TRENDS, { by: "GENUS", filter: { source: GENERATED } });
      const total = response.data!.trends.reduce((sum: number, point: any) => sum + point.seizureCount, 0);
      const expected = generated
        .filter((record) => record.date !== null)
        .reduce((sum, record) => sum + new Set(keysBy("genus")(record)).size, 0);
      expect(total).toBe(expected);
    });

    it("puts ROUTES' seizures, whose goods name no species here, under the null key beside the network's genera", async () => {
      const response = await api.post(TRENDS, { by: "ORDER" });
      expect(response.errors).toBeUndefined();
      const points = response.data!.trends;
      const expected = tally(generated, year, keysBy("order"));
      for (const record of routesRecords) {
        if (record.date === null) continue;
        const at = `${year(record.date)} null`;
        expected[at] = (expected[at] ?? 0) + 1;
      }
      expect(got(points)).toEqual(Object.fromEntries(Object.entries(expected).sort()));

      const routesOnly = await api.post(TRENDS, { by: "GENUS", filter: { source: ROUTES } });
      expect(routesOnly.data!.trends.every((point: any) => point.key === null)).toBe(true);
      expect(routesOnly.data!.trends.reduce((sum: number, point: any) => sum + point.seizureCount, 0)).toBe(
        routesRecords.filter((record) => record.date !== null).length,
      );
    });
  });

  describe("seizures", () => {
    const SEIZURES = `query ($filter: SeizureFilter, $first: Int) {
      seizures(filter: $filter, first: $first) { totalCount edges { node { id sources { source { id } } } } }
    }`;

    it("lists only the seizures a source reports, as many as its file has rows", async () => {
      for (const [source, records] of [[ROUTES, routesRecords], [GENERATED, generated]] as const) {
        const response = await api.post(SEIZURES, { filter: { source }, first: 100 });
        expect(response.errors).toBeUndefined();
        const { totalCount, edges } = response.data!.seizures;
        expect(totalCount, source).toBe(records.length);
        const ids = new Set(records.map((record) => record.id));
        expect(edges.length).toBe(Math.min(100, records.length));
        for (const { node } of edges) {
          expect(ids.has(fileId(node.id)), node.id).toBe(true);
          expect(node.sources.map((citation: any) => citation.source.id)).toContain(source);
        }
      }
      const both = await api.post(SEIZURES, { first: 1 });
      expect(both.data!.seizures.totalCount).toBe(all.length);
    });
  });

  describe("with the other filters", () => {
    it("narrows a source's flows by mode and period", async () => {
      const mode = "SEA";
      const [dateFrom, dateTo] = ["2019-01-01", "2022-12-31"];
      const keep = (record: GeneratedRecord) => record.mode === mode && record.date !== null && record.date >= dateFrom && record.date <= dateTo;
      const expected = expectedFlows(generated.filter(keep));
      expect(expected.size).toBeGreaterThan(0);
      const response = await api.post(
        `query ($filter: TradeFilter) { flows(filter: $filter, first: 1000) { links { source target seizureCount } } }`,
        { filter: { source: GENERATED, mode, dateFrom, dateTo } },
      );
      expect(response.errors).toBeUndefined();
      expect(Object.fromEntries(response.data!.flows.links.map((link: any) => [`${link.source}>${link.target}`, link.seizureCount]).sort())).toEqual(
        counts(expected),
      );
    });

    it("narrows ROUTES' routes by product, and finds none of that source's seizures by a mode it never records", async () => {
      const horn = routesRecords.filter((record) => record.database === "Rhino Horn");
      const [pair] = [...pairsOf(horn)].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      const [from, to] = pair[0].split(">");
      const query = `query ($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter) {
        routes(from: $from, to: $to, filter: $filter, first: 100, inferred: false) { observed { countries { code } seizureCount } }
      }`;
      const response = await api.post(query, { from, to, filter: { source: ROUTES, product: "HORN" } });
      expect(response.errors).toBeUndefined();
      const got = Object.fromEntries(
        response.data!.routes.observed.map((route: any) => [route.countries.map((country: any) => country.code).join(">"), route.seizureCount]).sort(),
      );
      expect(got).toEqual(counts(expectedRoutes(horn, from, to)));

      expect(generated.some((record) => record.mode === "SEA")).toBe(true);
      const sea = await api.post(query, { from, to, filter: { source: ROUTES, mode: "SEA" } });
      expect(sea.data!.routes.observed).toEqual([]);
    });

    it("splits a source's seizures of one product in a period by genus", async () => {
      const product = "SCALES";
      const dateFrom = "2019-01-01";
      const expected: Record<string, number> = {};
      for (const record of generated) {
        if (record.date === null || record.date < dateFrom) continue;
        for (const genus of new Set(record.lines.filter((line) => line.product === product).map((line) => line.genus))) {
          const at = `${record.date.slice(0, 4)} ${genus}`;
          expected[at] = (expected[at] ?? 0) + 1;
        }
      }
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      const response = await api.post(
        `query ($filter: TrendFilter) { trends(by: GENUS, filter: $filter) { period key seizureCount } }`,
        { filter: { source: GENERATED, product, dateFrom } },
      );
      expect(response.errors).toBeUndefined();
      expect(Object.fromEntries(response.data!.trends.map((point: any) => [`${point.period} ${point.key}`, point.seizureCount]).sort())).toEqual(
        Object.fromEntries(Object.entries(expected).sort()),
      );
    });

    it("counts a source's seizures of one mode in the seizure list", async () => {
      const response = await api.post(`query ($filter: SeizureFilter) { seizures(filter: $filter) { totalCount } }`, {
        filter: { source: GENERATED, mode: "AIR" },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.seizures.totalCount).toBe(generated.filter((record) => record.mode === "AIR").length);
    });
  });

  describe("a source that reports nothing, one that does not exist, and a role that may not read sources", () => {
    const FIELDS: [string, string][] = [
      ["routes", `query ($filter: TradeFilter) { routes(from: "KE", to: "CN", filter: $filter) { observedCount inferred { inferred } } }`],
      ["flows", `query ($filter: TradeFilter) { flows(filter: $filter) { links { source } totals { seizureCount } } }`],
      ["transitHubs", `query ($filter: TradeFilter) { transitHubs(filter: $filter) { shipmentCount } }`],
      ["trends", `query ($filter: TrendFilter) { trends(by: GENUS, filter: $filter) { seizureCount } }`],
      ["seizures", `query ($filter: SeizureFilter) { seizures(filter: $filter) { totalCount edges { node { id } } } }`],
    ];

    it("gives empty figures for a source that exists and reports no seizure", async () => {
      const empty = {
        routes: { observedCount: 0, inferred: [] },
        flows: { links: [], totals: { seizureCount: 0 } },
        transitHubs: [],
        trends: [],
        seizures: { totalCount: 0, edges: [] },
      };
      for (const [field, query] of FIELDS) {
        const response = await api.post(query, { filter: { source: NO_SEIZURES } });
        expect(response.errors, field).toBeUndefined();
        expect(response.data![field], field).toEqual(empty[field as keyof typeof empty]);
      }
    });

    it("refuses a source id that names no source with NOT_FOUND on filter.source, and an empty one as bad input", async () => {
      for (const [field, query] of FIELDS) {
        const unknown = await api.post(query, { filter: { source: "routes-airport-seizure" } });
        expect(unknown.data, field).toBeNull();
        expect(unknown.errors?.[0]?.extensions, field).toMatchObject({ code: "NOT_FOUND", argument: "filter.source" });
        expect(unknown.errors?.[0]?.message, field).toBe('No source has the id given in "filter.source"');
        const blank = await api.post(query, { filter: { source: "" } });
        expect(blank.errors?.[0]?.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.source" });
      }
    });

    it("refuses the filter to a role that may not read sources, before it looks the id up", async () => {
      for (const [field, query] of FIELDS) {
        for (const source of [ROUTES, "routes-airport-seizure"]) {
          const response = await api.post(query, { filter: { source } }, Role.PUBLIC);
          expect(response.errors?.[0]?.extensions, `${field} ${source}`).toMatchObject({ code: "FORBIDDEN" });
          expect(response.errors?.[0]?.message, field).toBe("Your role may not read filter.source; it needs ANALYST or above");
        }
        const unfiltered = await api.post(query, {}, Role.PUBLIC);
        expect(unfiltered.errors, field).toBeUndefined();
      }
    });
  });
});
