import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadConfig } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { importFiles } from "../../src/import/import-files.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import {
  COUNTRIES_FILE,
  COUNTRIES_MAPPING,
  readCsv,
  ROUTES_DIR,
  ROUTES_ISO_OF,
  ROUTES_MAPPING,
} from "../import/helpers/import-context.js";

/**
 * The analyst fields (routes, flows, trends, transitHubs) on the ROUTES data, imported with its real
 * country codes into a database of this file's own (the API takes ISO codes, so the shared
 * database's id prefixes would not do). Every expected figure is computed here from tot.csv and
 * transittots.csv read with csv-parse, with the rules the API documents:
 * - a record's route is its origins, then its transits in order, then its destinations; several
 *   origins or destinations are alternatives, so a record describes one route per origin and destination;
 * - a hop goes from a stop to each stop of the next layer; at country level a hop inside one country is none;
 * - routes(from, to) counts a record when a stop in `from` (not a destination) comes before a stop
 *   in `to` (not an origin); the route shown starts at that stop when it is an origin (else at each
 *   origin) and ends likewise.
 */

const external = process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== "";
if (external) console.log("analyst-routes: skipped, NEO4J_URI is set and this file needs a database of its own (it imports ROUTES with real country codes)");

const tot = readCsv(path.join(ROUTES_DIR, "tot.csv"));
const transit = new Map(readCsv(path.join(ROUTES_DIR, "transittots.csv")).map((row) => [row.ID, row]));
const countryRows = readCsv(COUNTRIES_FILE);

type Role = "ORIGIN" | "TRANSIT" | "DESTINATION";
interface Stop {
  role: Role;
  country: string;
}
interface Record_ {
  id: string;
  stops: Stop[];
  database: string;
  /** Seizure date `YYYY-MM-DD`, null for the one range. */
  date: string | null;
  seizedIn: string | null;
  /** The weight the graph can know: a plain number on a row naming at most one species. */
  weightKg: number | null;
  /** A weight cell the test cannot read with certainty ("400g each"): weights of groups holding it are not compared. */
  oddWeight: boolean;
}

const STOP_COLUMNS: [Role, string][] = [
  ["ORIGIN", "Origin Country1"], ["ORIGIN", "Origin Country2"], ["ORIGIN", "Origin Country3"],
  ["TRANSIT", "Transit Country1"], ["TRANSIT", "Transit Country2"], ["TRANSIT", "Transit Country3"], ["TRANSIT", "Transit Country4"],
  ["DESTINATION", "Destination Country1"], ["DESTINATION", "Destination Country2"], ["DESTINATION", "Destination Country3"],
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function isoDate(text: string): string | null {
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]) + 1;
  return `20${match[3]}-${String(month).padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

function iso(name: string): string {
  const code = ROUTES_ISO_OF[name.trim()];
  if (!code) throw new Error(`no ISO code for ROUTES country ${name}`);
  return code;
}

const records: Record_[] = tot.map((row) => {
  const chain = transit.get(row.ID)!;
  const weightText = row["Weight (kg)"].trim();
  const items = row.Species.split(";").filter((item) => item.trim() !== "");
  const plain = /^\d+(\.\d+)?$/.test(weightText);
  return {
    id: row.ID,
    stops: STOP_COLUMNS.filter(([, column]) => (chain[column] ?? "").trim()).map(([role, column]) => ({ role, country: iso(chain[column]) })),
    database: row.Database.trim(),
    date: isoDate(row.Date),
    seizedIn: chain["Seizure Country"].trim() ? iso(chain["Seizure Country"]) : null,
    weightKg: plain && items.length <= 1 ? Number(weightText) : null,
    oddWeight: weightText !== "" && !plain,
  };
});

/** Consecutive repeats named once. */
function collapse(countries: string[]): string[] {
  return countries.filter((country, index) => index === 0 || country !== countries[index - 1]);
}

/** The routes (as "KE>AE>CN") that a record describes between two countries. */
function routesOf(record: Record_, from: string, to: string): Set<string> {
  const { stops } = record;
  const origins = stops.filter((stop) => stop.role === "ORIGIN");
  const transits = stops.filter((stop) => stop.role === "TRANSIT");
  const destinations = stops.filter((stop) => stop.role === "DESTINATION");
  const found = new Set<string>();
  stops.forEach((start, i) =>
    stops.forEach((end, j) => {
      if (!(i < j && start.country === from && start.role !== "DESTINATION" && end.country === to && end.role !== "ORIGIN")) return;
      const firsts = start.role === "ORIGIN" ? [start] : origins.length > 0 ? origins : [null];
      const lasts = end.role === "DESTINATION" ? [end] : destinations.length > 0 ? destinations : [null];
      for (const first of firsts) {
        for (const last of lasts) {
          const path = [first, ...transits, last].filter((stop): stop is Stop => stop !== null).map((stop) => stop.country);
          found.add(collapse(path).join(">"));
        }
      }
    }),
  );
  return found;
}

interface Group {
  ids: Set<string>;
  weightKg: number | null;
  weighed: number;
  comparableWeight: boolean;
  lastSeen: string | null;
}

function group(entries: [string, Record_][]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const [key, record] of entries) {
    const group = groups.get(key) ?? { ids: new Set(), weightKg: null, weighed: 0, comparableWeight: true, lastSeen: null };
    if (!group.ids.has(record.id)) {
      group.ids.add(record.id);
      if (record.weightKg !== null) {
        group.weightKg = (group.weightKg ?? 0) + record.weightKg;
        group.weighed += 1;
      }
      if (record.oddWeight) group.comparableWeight = false;
      if (record.date && (!group.lastSeen || record.date > group.lastSeen)) group.lastSeen = record.date;
    }
    groups.set(key, group);
  }
  return groups;
}

function expectedRoutes(from: string, to: string, keep: (record: Record_) => boolean = () => true): Map<string, Group> {
  return group(records.filter(keep).flatMap((record) => [...routesOf(record, from, to)].map((route): [string, Record_] => [route, record])));
}

/** The country-level hops of a record, as "KE>AE". */
function hopsOf(record: Record_): Set<string> {
  const hops = new Set<string>();
  record.stops.forEach((here, i) =>
    record.stops.forEach((next, j) => {
      if (!(i < j && here.role !== "DESTINATION" && next.role !== "ORIGIN")) return;
      if (record.stops.slice(i + 1, j).some((stop) => stop.role === "TRANSIT")) return;
      if (here.country !== next.country) hops.add(`${here.country}>${next.country}`);
    }),
  );
  return hops;
}

const expectedFlows = group(records.flatMap((record) => [...hopsOf(record)].map((hop): [string, Record_] => [hop, record])));

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
    database = await provideNeo4j(loadConfig().neo4j);
    const connection = { uri: database.uri, user: database.user, password: database.password, database: database.database };
    const driver = createDriver({ ...connection, connectionTimeoutMs: 10_000 });
    try {
      const executor = new CypherExecutor(driver, { database: connection.database, timeoutMs: 120_000 });
      await applyConstraints(executor);
      const registry = await CypherRegistry.load();
      reportDir = await mkdtemp(path.join(tmpdir(), "analyst-routes-"));
      await importFiles(executor, COUNTRIES_MAPPING, [COUNTRIES_FILE], { registry, reportDir });
      await importFiles(executor, ROUTES_MAPPING, [path.join(ROUTES_DIR, "tot.csv"), path.join(ROUTES_DIR, "transittots.csv")], {
        registry,
        reportDir,
      });
    } finally {
      await driver.close();
    }
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
      const keep = (record: Record_) => record.database === "Ivory" && record.date !== null && record.date >= "2013-01-01" && record.date <= "2013-12-31";
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
        records.filter((record) => record.database === "Rhino Horn").flatMap((record) => [...hopsOf(record)].map((hop): [string, Record_] => [hop, record])),
      );
      const got = Object.fromEntries(response.data!.flows.links.map((link: any) => [`${link.source}>${link.target}`, link.seizureCount]));
      expect(got).toEqual(Object.fromEntries([...horn].map(([hop, group]) => [hop, group.ids.size])));
    });
  });

  describe("trends", () => {
    const TRENDS = `query ($interval: TrendInterval, $by: TrendDimension, $filter: TrendFilter) {
      trends(interval: $interval, by: $by, filter: $filter) { period key seizureCount weighedSeizureCount totalWeightKg sourceCount }
    }`;

    function tally(keyOf: (record: Record_) => string | null, keep: (record: Record_) => boolean = () => true) {
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

    function expectedHubs(keep: (record: Record_) => boolean) {
      const through = new Map<string, number>();
      let total = 0;
      for (const record of records.filter(keep)) {
        const hubs = new Set(record.stops.filter((stop) => stop.role === "TRANSIT").map((stop) => stop.country));
        if (hubs.size > 0) total += 1;
        for (const hub of hubs) through.set(hub, (through.get(hub) ?? 0) + 1);
      }
      const ranked = [...through].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      return { total, ranked };
    }

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
      const names = (record: Record_, role: Role, countries: string[]) =>
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
