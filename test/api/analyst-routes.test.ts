import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { startRoutesDatabase, type RoutesDatabase } from "../helpers/routes-database.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import {
  expectedFlows as flowsOf,
  expectedHubs as hubsOf,
  expectedRoutes as routesBetween,
  group,
  hopsOf,
  readRoutesRecords,
  type Group,
  type Role,
  type RoutesRecord,
} from "../helpers/trade-records.js";
import { COUNTRIES_FILE, readCsv } from "../import/helpers/import-context.js";

/**
 * The analyst fields (routes, flows, trends, transitHubs) on the ROUTES data, imported with its real
 * country codes into a database of this file's own (the API takes ISO codes, so the shared
 * database's id prefixes would not do). Every expected figure is computed from tot.csv and
 * transittots.csv read with csv-parse, with the rules the API documents (../helpers/trade-records.ts).
 */

const external = process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "";
if (external) console.log("analyst-routes: skipped, NEO4J_URI is set and this file needs a database of its own (it imports ROUTES with real country codes)");

const records = readRoutesRecords();
const countryRows = readCsv(COUNTRIES_FILE);

function expectedRoutes(from: string, to: string, keep: (record: RoutesRecord) => boolean = () => true): Map<string, Group> {
  return routesBetween(records.filter(keep), from, to);
}

const expectedFlows = flowsOf(records);

const ROUTE_QUERY = `query ($from: CountryCode!, $to: CountryCode!, $filter: TradeFilter, $first: Int, $inferred: Boolean, $evidence: Int) {
  routes(from: $from, to: $to, filter: $filter, first: $first, inferred: $inferred, evidence: $evidence) {
    from { code } to { code }
    observedCount
    observed {
      countries { code } stops { country { code } place { id } }
      seizureCount shipmentCount weighedSeizureCount totalWeightKg lastSeen inferred
      evidence { id date sources { row source { id reliability } } }
    }
    inferred { countries { code } legs { from { code } to { code } seizureCount } weakestLegSeizureCount inferred }
  }
}`;

const routeKey = (route: { countries: { code: string }[] }) => route.countries.map((country) => country.code).join(">");

let database: RunningNeo4j | undefined;
let api: TestApi;
let reportDir: string;

describe.skipIf(external)("the analyst fields on the ROUTES data", () => {
  beforeAll(async () => {
    let connection: RoutesDatabase["connection"];
    reportDir = await mkdtemp(path.join(tmpdir(), "analyst-routes-"));
    ({ database, connection } = await startRoutesDatabase(reportDir));
    api = await startTestApi({ connection });
  }, 300_000);

  afterAll(async () => {
    await api?.close();
    await database?.stop();
    if (reportDir) await rm(reportDir, { recursive: true, force: true });
  }, 300_000);

  describe("routes", () => {
    // Kenya and Mozambique to China and Viet Nam (ivory), India to Thailand (reptiles, birds).
    for (const [from, to] of [["KE", "CN"], ["MZ", "VN"], ["IN", "TH"], ["NG", "CN"]]) {
      it(`counts the observed routes ${from} → ${to} as transittots.csv gives them`, async () => {
        const expected = expectedRoutes(from, to);
        expect(expected.size, "the pair has observed routes in the CSV").toBeGreaterThan(0);
        const response = await api.post(ROUTE_QUERY, { from, to, first: 100, inferred: false, evidence: 50 });
        expect(response.errors).toBeUndefined();
        const report = response.data!.routes;
        expect(report.from.code).toBe(from);
        expect(report.to.code).toBe(to);
        expect(report.observedCount).toBe(expected.size);
        const got = new Map(report.observed.map((route: any) => [routeKey(route), route]));
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, group] of expected) {
          const route: any = got.get(key);
          expect(route.seizureCount, key).toBe(group.ids.size);
          expect(route.shipmentCount, key).toBe(group.ids.size);
          expect(route.inferred).toBe(false);
          expect(route.lastSeen, key).toBe(group.lastSeen);
          expect(route.stops.map((stop: any) => stop.country.code).join(">"), key).toBe(key);
          if (group.comparableWeight) {
            expect(route.weighedSeizureCount, key).toBe(group.weighed);
            if (group.weightKg === null) expect(route.totalWeightKg, key).toBeNull();
            else expect(route.totalWeightKg, key).toBeCloseTo(group.weightKg, 6);
          }
          // The evidence: exactly the route's seizures (at most 50), latest first, each citing ROUTES.
          expect(route.evidence.length, key).toBe(Math.min(50, group.ids.size));
          for (const seizure of route.evidence) {
            expect(group.ids.has(seizure.id.replace(/^routes-/, "")), key).toBe(true);
            expect(seizure.sources[0].source).toEqual({ id: "routes-airport-seizures", reliability: "C" });
          }
          const dates = route.evidence.map((seizure: any) => seizure.date).filter(Boolean);
          expect(dates).toEqual([...dates].sort().reverse());
        }
        // Ranked by seizures, then known weight.
        const counts = report.observed.map((route: any) => route.seizureCount);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      });
    }

    it("counts a seizure made in transit for the route its record describes", async () => {
      // ID 707: Côte d'Ivoire → UAE → Viet Nam, seized in Dubai.
      const response = await api.post(ROUTE_QUERY, { from: "CI", to: "VN", first: 100, inferred: false, evidence: 50 });
      expect(response.errors).toBeUndefined();
      const route = response.data!.routes.observed.find((candidate: any) => routeKey(candidate) === "CI>AE>VN");
      expect(route.evidence.map((seizure: any) => seizure.id)).toContain("routes-707");
      expect(records.find((record) => record.id === "707")!.seizedIn).toBe("AE");
    });

    it("narrows routes by product and period", async () => {
      const keep = (record: RoutesRecord) => record.database === "Ivory" && record.date !== null && record.date >= "2013-01-01" && record.date <= "2013-12-31";
      const expected = expectedRoutes("KE", "CN", keep);
      const response = await api.post(ROUTE_QUERY, {
        from: "KE",
        to: "CN",
        first: 100,
        inferred: false,
        evidence: 0,
        filter: { product: "RAW_IVORY", dateFrom: "2013-01-01", dateTo: "2013-12-31" },
      });
      expect(response.errors).toBeUndefined();
      const got = Object.fromEntries(response.data!.routes.observed.map((route: any) => [routeKey(route), route.seizureCount]));
      expect(got).toEqual(Object.fromEntries([...expected].map(([key, group]) => [key, group.ids.size])));
      expect(Object.values(got).reduce((total: number, count) => total + (count as number), 0)).toBeGreaterThanOrEqual(8);
    });

    it("infers chains of observed legs that no record describes as a whole", async () => {
      const [from, to] = ["MZ", "VN"];
      const observed = [...expectedRoutes(from, to).keys()];
      const legs = new Map([...expectedFlows].map(([hop, group]) => [hop, group.ids.size]));
      const chains: { countries: string[]; weakest: number }[] = [];
      const walk = (countries: string[]) => {
        for (const [hop, count] of legs) {
          const [a, b] = hop.split(">");
          if (a !== countries[countries.length - 1] || countries.includes(b)) continue;
          const next = [...countries, b];
          if (b === to) {
            if (next.length >= 3) chains.push({ countries: next, weakest: 0 });
          } else if (next.length < 4) walk(next);
        }
      };
      walk([from]);
      for (const chain of chains) {
        chain.weakest = Math.min(...chain.countries.slice(1).map((country, index) => legs.get(`${chain.countries[index]}>${country}`)!));
      }
      const expected = chains.filter((chain) => !observed.some((route) => `>${route}>`.includes(`>${chain.countries.join(">")}>`)));
      expect(expected.length).toBeGreaterThan(0);

      const response = await api.post(ROUTE_QUERY, { from, to, first: 100, inferred: true, evidence: 0 });
      expect(response.errors).toBeUndefined();
      const inferred = response.data!.routes.inferred;
      expect(inferred.length).toBe(Math.min(100, expected.length));
      const byKey = new Map(expected.map((chain) => [chain.countries.join(">"), chain]));
      for (const route of inferred) {
        const chain = byKey.get(routeKey(route));
        expect(chain, routeKey(route)).toBeDefined();
        expect(route.inferred).toBe(true);
        expect(route.weakestLegSeizureCount).toBe(chain!.weakest);
        for (const leg of route.legs) expect(leg.seizureCount).toBe(legs.get(`${leg.from.code}>${leg.to.code}`));
      }
      const weakest = expected.map((chain) => chain.weakest).sort((a, b) => b - a).slice(0, 100);
      expect(inferred.map((route: any) => route.weakestLegSeizureCount)).toEqual(weakest);
    });

    it("refuses bad arguments with BAD_USER_INPUT and the argument's path", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ from: "KE", to: "KE" }, "to"],
        [{ from: "KE", to: "CN", first: 0 }, "first"],
        [{ from: "KE", to: "CN", first: 101 }, "first"],
        [{ from: "KE", to: "CN", evidence: 51 }, "evidence"],
        [{ from: "KE", to: "CN", filter: { species: "" } }, "filter.species"],
        [{ from: "KE", to: "CN", filter: { source: "" } }, "filter.source"],
        [{ from: "KE", to: "CN", filter: { dateFrom: "2015-01-01", dateTo: "2014-01-01" } }, "filter.dateTo"],
        [{ from: "XX", to: "CN" }, "$from"],
      ];
      for (const [variables, argument] of cases) {
        const response = await api.post(ROUTE_QUERY, variables);
        expect(response.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: "BAD_USER_INPUT", argument });
      }
    });
  });

  describe("flows", () => {
    const FLOWS = `query ($level: StopLevel, $filter: TradeFilter) {
      flows(level: $level, filter: $filter, first: 1000) {
        level nodes { id name latitude longitude country { code } }
        links { source target seizureCount shipmentCount weighedSeizureCount totalWeightKg }
        totals { seizureCount shipmentCount linkCount }
        geojson
      }
    }`;

    it("aggregates hop-to-hop flows between countries as transittots.csv gives them", async () => {
      const response = await api.post(FLOWS, { level: "COUNTRY" });
      expect(response.errors).toBeUndefined();
      const flows = response.data!.flows;
      const withNextStop = records.filter((record) => hopsOf(record).size > 0);
      expect(flows.totals.seizureCount).toBe(withNextStop.length);
      expect(flows.totals.shipmentCount).toBe(withNextStop.length);
      expect(flows.totals.linkCount).toBe(expectedFlows.size);
      expect(flows.links.length).toBe(expectedFlows.size);
      for (const link of flows.links) {
        const group = expectedFlows.get(`${link.source}>${link.target}`);
        expect(group, `${link.source}>${link.target}`).toBeDefined();
        expect(link.seizureCount).toBe(group!.ids.size);
        expect(link.shipmentCount).toBe(group!.ids.size);
        if (group!.comparableWeight) {
          if (group!.weightKg === null) expect(link.totalWeightKg).toBeNull();
          else expect(link.totalWeightKg).toBeCloseTo(group!.weightKg, 6);
        }
      }
      const nodeIds = flows.nodes.map((node: any) => node.id);
      expect(nodeIds).toEqual([...new Set(flows.links.flatMap((link: any) => [link.source, link.target]))].sort());
    });

    it("gives the flows as valid GeoJSON: one line per flow, coordinates in range, counts as properties", async () => {
      const response = await api.post(FLOWS, { level: "COUNTRY" });
      const { links, nodes, geojson } = response.data!.flows;
      const centroid = new Map(countryRows.map((row) => [row.cca2, [Number(row.lng), Number(row.lat)]]));
      expect(geojson.type).toBe("FeatureCollection");
      expect(geojson.features.length + geojson.properties.omittedCount).toBe(links.length);
      expect(geojson.features.length).toBeGreaterThan(0);
      const linkOf = new Map(links.map((link: any) => [`${link.source}>${link.target}`, link]));
      for (const feature of geojson.features) {
        expect(feature.type).toBe("Feature");
        expect(feature.geometry.type).toBe("LineString");
        expect(feature.geometry.coordinates).toHaveLength(2);
        for (const [longitude, latitude] of feature.geometry.coordinates) {
          expect(longitude).toBeGreaterThanOrEqual(-180);
          expect(longitude).toBeLessThanOrEqual(180);
          expect(latitude).toBeGreaterThanOrEqual(-90);
          expect(latitude).toBeLessThanOrEqual(90);
        }
        const { source, target, seizureCount, shipmentCount } = feature.properties;
        const link: any = linkOf.get(`${source}>${target}`);
        expect({ seizureCount, shipmentCount }).toEqual({ seizureCount: link.seizureCount, shipmentCount: link.shipmentCount });
        expect(feature.geometry.coordinates).toEqual([centroid.get(source), centroid.get(target)]);
      }
      for (const node of nodes) expect(node.country.code).toBe(node.id);
    });

    it("narrows flows by product", async () => {
      const response = await api.post(FLOWS, { level: "COUNTRY", filter: { product: "HORN" } });
      expect(response.errors).toBeUndefined();
      const horn = group(
        records.filter((record) => record.database === "Rhino Horn").flatMap((record) => [...hopsOf(record)].map((hop): [string, RoutesRecord] => [hop, record])),
      );
      const got = Object.fromEntries(response.data!.flows.links.map((link: any) => [`${link.source}>${link.target}`, link.seizureCount]));
      expect(got).toEqual(Object.fromEntries([...horn].map(([hop, group]) => [hop, group.ids.size])));
    });
  });

  describe("trends", () => {
    const TRENDS = `query ($interval: TrendInterval, $by: TrendDimension, $filter: TrendFilter) {
      trends(interval: $interval, by: $by, filter: $filter) { period key seizureCount weighedSeizureCount totalWeightKg sourceCount }
    }`;

    function tally(keyOf: (record: RoutesRecord) => string | null, keep: (record: RoutesRecord) => boolean = () => true) {
      const counts = new Map<string, number>();
      for (const record of records) {
        if (record.date === null || !keep(record)) continue;
        const key = keyOf(record);
        if (key === null) continue;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return Object.fromEntries([...counts].sort());
    }

    it("counts seizures per year, each figure backed by one source", async () => {
      const response = await api.post(TRENDS, { interval: "YEAR", by: "NONE" });
      expect(response.errors).toBeUndefined();
      const points = response.data!.trends;
      expect(Object.fromEntries(points.map((point: any) => [point.period, point.seizureCount]))).toEqual(tally((record) => record.date!.slice(0, 4)));
      expect(points.map((point: any) => point.period)).toEqual([...points.map((point: any) => point.period)].sort());
      for (const point of points) {
        expect(point.key).toBeNull();
        expect(point.sourceCount).toBe(1);
        const year = records.filter((record) => record.date?.startsWith(point.period));
        if (!year.some((record) => record.oddWeight)) {
          expect(point.weighedSeizureCount).toBe(year.filter((record) => record.weightKg !== null).length);
          expect(point.totalWeightKg).toBeCloseTo(year.reduce((total, record) => total + (record.weightKg ?? 0), 0), 6);
        }
      }
    });

    it("counts seizures per month in a country of seizure, and per year by country", async () => {
      const monthly = await api.post(TRENDS, { interval: "MONTH", filter: { country: "CN" } });
      expect(monthly.errors).toBeUndefined();
      const expected = tally((record) => record.date!.slice(0, 7), (record) => record.seizedIn === "CN");
      expect(Object.keys(expected).length).toBeGreaterThan(3);
      expect(Object.fromEntries(monthly.data!.trends.map((point: any) => [point.period, point.seizureCount]))).toEqual(expected);

      const byCountry = await api.post(TRENDS, { interval: "YEAR", by: "COUNTRY" });
      expect(byCountry.errors).toBeUndefined();
      expect(Object.fromEntries(byCountry.data!.trends.filter((point: any) => point.key).map((point: any) => [`${point.period} ${point.key}`, point.seizureCount]))).toEqual(
        tally((record) => (record.seizedIn ? `${record.date!.slice(0, 4)} ${record.seizedIn}` : null)),
      );
    });

    it("refuses a period that ends before it starts", async () => {
      const response = await api.post(TRENDS, { filter: { dateFrom: "2015-01-01", dateTo: "2014-01-01" } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.dateTo" });
    });
  });

  describe("transitHubs", () => {
    const HUBS = `query ($origins: [CountryCode!], $destinations: [CountryCode!], $first: Int) {
      transitHubs(origins: $origins, destinations: $destinations, first: $first) {
        country { code } place { id } shipmentCount seizureCount share totalShipmentCount
      }
    }`;

    const expectedHubs = (keep: (record: RoutesRecord) => boolean) => hubsOf(records.filter(keep));

    it("ranks transit countries by the shipments through them, with their share", async () => {
      const { total, ranked } = expectedHubs(() => true);
      const response = await api.post(HUBS, { first: 15 });
      expect(response.errors).toBeUndefined();
      const hubs = response.data!.transitHubs;
      expect(hubs.map((hub: any) => [hub.country.code, hub.shipmentCount])).toEqual(ranked.slice(0, 15));
      for (const hub of hubs) {
        expect(hub.place).toBeNull();
        expect(hub.seizureCount).toBe(hub.shipmentCount);
        expect(hub.totalShipmentCount).toBe(total);
        expect(hub.share).toBeCloseTo(hub.shipmentCount / total, 9);
      }
    });

    it("ranks transit countries of records from some origins (a region) to a destination", async () => {
      const names = (record: RoutesRecord, role: Role, countries: string[]) =>
        record.stops.some((stop) => stop.role === role && countries.includes(stop.country));
      const eastAfrica = ["KE", "TZ", "UG"];
      const { total, ranked } = expectedHubs((record) => names(record, "ORIGIN", eastAfrica) && names(record, "DESTINATION", ["CN"]));
      expect(ranked.length).toBeGreaterThan(1);
      const response = await api.post(HUBS, { origins: eastAfrica, destinations: ["CN"], first: 50 });
      expect(response.errors).toBeUndefined();
      const hubs = response.data!.transitHubs;
      expect(hubs.map((hub: any) => [hub.country.code, hub.shipmentCount])).toEqual(ranked);
      for (const hub of hubs) expect(hub.totalShipmentCount).toBe(total);
    });

    it("refuses an empty list of origins", async () => {
      const response = await api.post(HUBS, { origins: [] });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "origins" });
    });
  });
});
