import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rebuildTradeAggregates, refreshTradeAggregates } from "../../src/aggregates/trade-aggregates.js";
import { projectRoot } from "../../src/config.js";
import { CypherExecutor } from "../../src/db/cypher-executor.js";
import { CypherRegistry } from "../../src/db/cypher-registry.js";
import { createDriver } from "../../src/db/driver.js";
import type { RunningNeo4j } from "../../src/db/neo4j-harness.js";
import { applyConstraints } from "../../src/db/schema-setup.js";
import { StopLevel, TrendDimension, TrendInterval, type TradeFilter } from "../../src/domain/trade-analysis.js";
import { roundWeight } from "../../src/domain/trade-tallies.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { GENERATED_MAPPINGS_DIR, GENERATED_STEPS, importGeneratedNetwork, prepareGeneratedFiles } from "../../src/import/generated-files.js";
import { ImportAbortedError, importFiles } from "../../src/import/import-files.js";
import { removeSource } from "../../src/import/remove-source.js";
import { FlowRepository } from "../../src/repositories/flow.repository.js";
import { RouteRepository } from "../../src/repositories/route.repository.js";
import { TrendRepository } from "../../src/repositories/trend.repository.js";
import { scratchNeo4j } from "../helpers/scratch-neo4j.js";
import { COUNTRIES_FILE, COUNTRIES_MAPPING, ROUTES_DIR, ROUTES_MAPPING } from "../import/helpers/import-context.js";

/**
 * The trade tallies against counting: every answer the routes and flows fields read from the
 * tallies must equal what routes/observed.cypher, legs.cypher and flows/*.cypher count from every
 * seizure, after an import, a re-import, a killed import and its re-run; and the tallies the
 * imports kept must equal a rebuild from the facts alone. An empty database of this file's own,
 * lent by the run's pool of scratch databases (the level totals count every shipment in it).
 */

const external = Boolean(process.env.NEO4J_URI);
const LINE_CORRECTIONS_MAPPING = path.join(projectRoot, "test", "aggregates", "fixtures", "line-corrections.yaml");
if (external) console.warn("skipped: the trade tallies test starts a database of its own, and NEO4J_URI points elsewhere");

const NO_FILTER: TradeFilter = { species: null, product: null, mode: null, source: null, dateFrom: null, dateTo: null };

let database: RunningNeo4j | undefined;
let driver: Driver;
let executor: CypherExecutor;
let registry: CypherRegistry;
let routes: RouteRepository;
let flows: FlowRepository;
let trends: TrendRepository;
let dir: string;

async function generateWorld(name: string, seed: string, shipments: number): Promise<string> {
  const out = path.join(dir, name);
  await generateNetwork({ seed, shipments, outDir: out });
  return out;
}

/** Every stored tally (routes' and trends') and entity, in id order: what a rebuild must give again. */
async function snapshot() {
  const tallies = await executor.read(
    `MATCH (tally) WHERE tally:TradeTally OR tally:TrendTally RETURN labels(tally) AS labels, tally {.*} AS tally ORDER BY tally.id`,
  );
  const entities = await executor.read(
    `MATCH (entity:TradeEntity)
     RETURN entity.id AS id, entity.dirty AS dirty, entity.spansMonths AS spansMonths,
       [entity.taxonSpecies, entity.taxonGenera, entity.taxonOrders] AS taxa,
       COUNT { (entity)<-[:COUNTED_IN]-() } AS members,
       [(entity)-[passes:PASSES]->(country) | [country.id, passes.first, passes.last]] AS passes
     ORDER BY id`,
  );
  return { tallies, entities: entities.map((row) => ({ id: String(row.id), ...row, passes: (row.passes as unknown[]).map(String).sort() })) };
}

/**
 * Runs `check` on every item, a few at a time: each check is a pair of read queries, and the
 * database answers two or three at once faster than one after another (the suite runs its files
 * one at a time, so both cores are this file's).
 */
async function eachConcurrently<T>(items: readonly T[], check: (item: T) => Promise<void>, width = 3): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await check(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/** JSON with every map's keys in order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** Asserts two snapshots equal, naming the first tally or entity that differs (the whole diff is too large to print). */
function expectSameSnapshot(actual: Awaited<ReturnType<typeof snapshot>>, expected: Awaited<ReturnType<typeof snapshot>>, label: string) {
  for (const part of ["tallies", "entities"] as const) {
    const a = actual[part] as unknown[];
    const b = expected[part] as unknown[];
    const index = a.findIndex((row, i) => canonical(row) !== canonical(b[i]));
    if (index !== -1) expect(a[index], `${label}: the first ${part} row that differs`).toEqual(b[index]);
    expect(a.length, `${label}: ${part}`).toBe(b.length);
  }
  expect(actual, label).toEqual(expected);
}

/** Asserts that a rebuild from the facts alone gives the tallies and entities kept until now; returns what was kept. */
async function expectRebuildToKeepTallies(label: string) {
  const kept = await snapshot();
  await rebuildTradeAggregates(executor);
  expectSameSnapshot(await snapshot(), kept, label);
  return kept;
}

/** Country pairs with observed routes in a world, and filters its data fills. */
async function questions(prefix: string) {
  const pairs = await executor.read(
    `MATCH (shipment:Shipment)<-[:INTERCEPTED]-(:Seizure)
     WHERE shipment.id STARTS WITH $prefix
     MATCH (shipment)-[a:STOPS_AT {role: 'ORIGIN'}]->(origin), (shipment)-[b:STOPS_AT {role: 'DESTINATION'}]->(destination)
     OPTIONAL MATCH (origin)-[:IN_COUNTRY]->(originCountry:Country)
     OPTIONAL MATCH (destination)-[:IN_COUNTRY]->(destinationCountry:Country)
     WITH coalesce(originCountry, origin) AS from, coalesce(destinationCountry, destination) AS to
     WHERE from:Country AND to:Country AND from <> to
     RETURN from.id AS from, to.id AS to, count(*) AS shipments
     ORDER BY shipments DESC, from, to LIMIT 4`,
    { prefix },
  );
  const [sample] = await executor.read(
    `MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment:Shipment), (seizure)-[:SOURCED_FROM]->(source:Source)
     OPTIONAL MATCH (seizure)-[:SEIZED_IN]->(country:Country)
     WHERE seizure.id STARTS WITH $prefix AND seizure.date IS NOT NULL
     // A world stopped before its lines were imported still has seizures to filter by.
     OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
     OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
     WITH seizure, shipment, source, line, species, country
     ORDER BY line IS NULL, species IS NULL, country IS NULL, seizure.id
     RETURN coalesce(species.id, 'no-such-species') AS species, coalesce(line.product, 'SCALES') AS product,
       shipment.mode AS mode, source.id AS source, toString(seizure.date) AS date, coalesce(country.id, 'VN') AS country
     LIMIT 1`,
    { prefix },
  );
  const date = String(sample.date);
  const year = date.slice(0, 4);
  const filters: TradeFilter[] = [
    NO_FILTER,
    { ...NO_FILTER, species: String(sample.species) },
    { ...NO_FILTER, product: String(sample.product) as TradeFilter["product"] },
    { ...NO_FILTER, species: String(sample.species), product: String(sample.product) as TradeFilter["product"] },
    { ...NO_FILTER, mode: String(sample.mode) as TradeFilter["mode"] },
    { ...NO_FILTER, source: String(sample.source) },
    { ...NO_FILTER, source: "no-such-source" },
    // Whole months, from the tallies; a cut month, from the members; an open end.
    { ...NO_FILTER, dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` },
    { ...NO_FILTER, dateFrom: `${date.slice(0, 7)}-01`, dateTo: `${date.slice(0, 7)}-${date.slice(8)}` },
    { ...NO_FILTER, dateFrom: date },
    { ...NO_FILTER, mode: String(sample.mode) as TradeFilter["mode"], dateTo: `${year}-06-30`, source: String(sample.source) },
  ];
  return { pairs: pairs.map((row) => ({ from: String(row.from), to: String(row.to) })), filters, country: String(sample.country) };
}

/**
 * Asserts that trends, read from the trend tallies, equal trends/series.cypher counting every
 * seizure, at both intervals and every split, under each filter (and the country of seizure), alone
 * and with the dates: every seizure in the database counts, dated ones only.
 */
async function expectTrendsToEqualCounting(prefix: string) {
  const { filters, country } = await questions(prefix);
  const cases: [TradeFilter, string | null][] = [
    ...filters.map((filter): [TradeFilter, string | null] => [filter, null]),
    [NO_FILTER, country],
    [NO_FILTER, "ZZ"],
    [filters[7], country],
    [filters[8], country],
    [filters[5], country],
    [{ ...filters[1], dateFrom: filters[8].dateFrom }, null],
    [{ ...filters[5], dateTo: filters[8].dateTo }, null],
  ];
  let points = 0;
  await eachConcurrently(cases, async ([filter, seizedIn]) => {
    for (const interval of Object.values(TrendInterval)) {
      for (const by of Object.values(TrendDimension)) {
        const label = `${interval} by ${by} in ${seizedIn} ${JSON.stringify(filter)}`;
        const kept = await trends.series(interval, by, seizedIn, filter);
        expect(kept, label).toEqual(rounded(await trends.seriesFromFacts(interval, by, seizedIn, filter)));
        points += kept.length;
      }
    }
  });
  expect(points, "the trends compared have points").toBeGreaterThan(100);
}

/** Counted figures with their weights to the milligram, as the tallies give them (roundWeight). */
function rounded<T extends { totalWeightKg: number | null }>(rows: T[]): T[] {
  return rows.map((row) => ({ ...row, totalWeightKg: roundWeight(row.totalWeightKg) }));
}

/** Asserts that every routes, legs, transit hubs and flows answer from the tallies equals the count from the facts. */
async function expectTalliesToEqualCounting(prefix: string) {
  const { pairs, filters } = await questions(prefix);
  expect(pairs.length, "the world has observed routes between countries").toBeGreaterThan(2);
  await eachConcurrently(filters, async (filter) => {
    const label = JSON.stringify(filter);
    for (const { from, to } of pairs) {
      for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) {
        expect(await routes.observed(from, to, level, filter), `${from}→${to} ${level} ${label}`).toEqual(
          rounded(await routes.observedFromFacts(from, to, level, filter)),
        );
      }
      const observed = (await routes.observedFromFacts(from, to, StopLevel.COUNTRY, filter)).map((route) => route.stops.map((stop) => stop.key));
      expect(await routes.inferred(from, to, filter, observed), `inferred ${from}→${to} ${label}`).toEqual(
        await routes.inferredFromFacts(from, to, filter, observed),
      );
    }
    const sources = [...new Set(pairs.map((pair) => pair.from))];
    expect(await routes.legs(sources, null, filter), `legs ${label}`).toEqual(await routes.legsFromFacts(sources, null, filter));
    for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) {
      for (const [origins, destinations] of [
        [null, null],
        [[pairs[0].from], null],
        [sources, [pairs[0].to, pairs[1].to]],
      ]) {
        expect(await routes.transitHubs(level, origins, destinations, filter, 10_000), `hubs ${level} ${origins} ${destinations} ${label}`).toEqual(
          rounded(await routes.transitHubsFromFacts(level, origins, destinations, filter, 10_000)),
        );
      }
      const kept = await flows.flows(level, filter, 100_000);
      expect(kept.links, `flows ${level} ${label}`).toEqual(rounded(await flows.linksFromFacts(level, filter, 100_000)));
      expect(kept.totals, `totals ${level} ${label}`).toEqual(await flows.totalsFromFacts(level, filter));
    }
  });
}

describe.skipIf(external)("trade tallies", () => {
  beforeAll(async () => {
    database = await scratchNeo4j();
    driver = createDriver({ uri: database.uri, user: database.user, password: database.password, connectionTimeoutMs: 10_000 });
    executor = new CypherExecutor(driver, { database: database.database, timeoutMs: 300_000 });
    await applyConstraints(executor);
    registry = await CypherRegistry.load();
    routes = new RouteRepository(executor);
    flows = new FlowRepository(executor);
    trends = new TrendRepository(executor);
    dir = await mkdtemp(path.join(tmpdir(), "trade-tallies-"));
    const reportDir = path.join(dir, "reports");
    for (const prefix of ["", "a-", "b-"]) {
      await importFiles(executor, COUNTRIES_MAPPING, [COUNTRIES_FILE], { registry, reportDir, idPrefix: prefix });
    }
    // The real ROUTES seizures, beside the generated worlds: the import ends without a recount
    // (importFiles leaves that to its callers), so the next one does it.
    await importFiles(executor, ROUTES_MAPPING, [path.join(ROUTES_DIR, "tot.csv"), path.join(ROUTES_DIR, "transittots.csv")], { registry, reportDir });
    await importGeneratedNetwork(executor, await generateWorld("a", "tallies-a", 600), { registry, idPrefix: "a-", reference: "all" });
  }, 600_000);

  afterAll(async () => {
    await driver?.close();
    await database?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 300_000);

  it("answers routes, legs and flows as counting every seizure does", async () => {
    const [{ dirty }] = await executor.read(`MATCH (entity:TradeEntity {dirty: true}) RETURN count(entity) AS dirty`);
    expect(dirty, "the import recounted what it changed").toBe(0);
    await expectTalliesToEqualCounting("a-");
    await expectTalliesToEqualCounting("routes-");
    await expectTrendsToEqualCounting("a-");
    await expectTrendsToEqualCounting("routes-");
  }, 600_000);

  it("keeps tallies equal to a rebuild from the facts alone, and a re-import changes none", async () => {
    const kept = await snapshot();
    expect(kept.tallies.length).toBeGreaterThan(100);
    await importGeneratedNetwork(executor, path.join(dir, "a"), { registry, idPrefix: "a-", reference: "all" });
    expectSameSnapshot(await snapshot(), kept, "after a re-import");
    const rebuilt = await rebuildTradeAggregates(executor);
    console.log(`rebuild: ${JSON.stringify({ ...rebuilt, tallies: rebuilt.tallies, recounted: rebuilt.recounted })}`);
    expect(rebuilt.shipments).toBeGreaterThan(0);
    expectSameSnapshot(await snapshot(), kept, "after a rebuild");
  }, 600_000);

  it("a file that changes commodity lines alone marks what they count in: answers equal counting before and after the recount", async () => {
    // Lines change what routes, flows and months count (weights, products, species), never what
    // they hold. The corrections' mapping writes lines and their species only, nothing of their
    // seizures or shipments: every weight doubled, and every third line takes the species and
    // product of the line before it.
    const lines = await readFile((await prepareGeneratedFiles(path.join(dir, "a"))).get("commodity-lines.csv")!, "utf8");
    const rows = parse(lines, { columns: true }) as Record<string, string>[];
    const changed = rows.map((row, index) => {
      const before = rows[index - 1];
      const weightKg = row.weightKg === "" ? row.weightKg : String(Number(row.weightKg) * 2);
      return index % 3 === 2 && before ? { ...row, weightKg, speciesId: before.speciesId, product: before.product } : { ...row, weightKg };
    });
    expect(changed.filter((row, index) => row.weightKg !== rows[index].weightKg).length, "weights changed").toBeGreaterThan(10);
    const linesDir = path.join(dir, "a-lines");
    await mkdir(linesDir, { recursive: true });
    const file = path.join(linesDir, "commodity-lines.csv");
    await writeFile(file, stringify(changed, { header: true, columns: Object.keys(rows[0]) }));
    const report = await importFiles(executor, LINE_CORRECTIONS_MAPPING, [file], { registry, reportDir: linesDir, idPrefix: "a-" });
    expect(report.rowsLoaded).toBe(rows.length);

    const [{ dirty }] = await executor.read(`MATCH (entity:TradeEntity {dirty: true}) RETURN count(entity) AS dirty`);
    expect(dirty, "the lines marked the entities they count in").toBeGreaterThan(0);
    await expectTalliesToEqualCounting("a-");
    await expectTrendsToEqualCounting("a-");
    await refreshTradeAggregates(executor);
    await expectTalliesToEqualCounting("a-");
    await expectTrendsToEqualCounting("a-");
    await expectRebuildToKeepTallies("after the lines' recount and a rebuild");
  }, 900_000);

  it("answers right while an import is stopped half-way, and its re-run leaves the tallies a rebuild gives", async () => {
    const worldB = await generateWorld("b", "tallies-b", 400);
    const files = await prepareGeneratedFiles(worldB);
    const reportDir = path.join(dir, "reports-b");
    for (const step of GENERATED_STEPS) {
      const mapping = path.join(GENERATED_MAPPINGS_DIR, step.mapping);
      if (step.file !== "seizures.csv") {
        await importFiles(executor, mapping, [files.get(step.file)!], { registry, reportDir, idPrefix: "b-" });
        continue;
      }
      // Stopped after the second batch of seizures: the rest of the file and the lines never come.
      const controller = new AbortController();
      let batches = 0;
      await expect(
        importFiles(executor, mapping, [files.get(step.file)!], {
          registry,
          reportDir,
          idPrefix: "b-",
          batchSize: 10,
          signal: controller.signal,
          onProgress: () => {
            if (++batches === 2) controller.abort();
          },
        }),
      ).rejects.toBeInstanceOf(ImportAbortedError);
      break;
    }
    const [{ dirty }] = await executor.read(`MATCH (entity:TradeEntity {dirty: true}) RETURN count(entity) AS dirty`);
    expect(dirty, "the stopped import left entities to recount").toBeGreaterThan(0);
    const [{ months }] = await executor.read(`MATCH (month:TradeEntity {kind: 'MONTH', dirty: true}) RETURN count(month) AS months`);
    expect(months, "the stopped import left months to recount").toBeGreaterThan(0);
    await expectTalliesToEqualCounting("b-");
    await expectTrendsToEqualCounting("b-");

    await importGeneratedNetwork(executor, worldB, { registry, idPrefix: "b-", reference: "all" });
    await expectTalliesToEqualCounting("b-");
    await expectTrendsToEqualCounting("b-");
    await expectRebuildToKeepTallies("after the re-run and a rebuild");
  }, 900_000);

  it("after a source is removed, answers as counting does and keeps the tallies a rebuild gives", async () => {
    const removed = await removeSource(executor, "b-generated-network", { batchSize: 500 });
    expect(removed.nodesDeleted.Seizure).toBeGreaterThan(0);
    const [{ left }] = await executor.read(`MATCH (shipment:Shipment) WHERE shipment.id STARTS WITH 'b-' RETURN count(shipment) AS left`);
    expect(left, "the world's shipments went with their source").toBe(0);
    const counted = async (level: StopLevel) => flows.totalsFromFacts(level, NO_FILTER);
    // Before any recount: the marked entities are counted from their members.
    for (const level of [StopLevel.COUNTRY, StopLevel.PLACE]) expect((await flows.flows(level, NO_FILTER, 100_000)).totals).toEqual(await counted(level));
    for (const by of [TrendDimension.NONE, TrendDimension.GENUS]) {
      expect(await trends.series(TrendInterval.MONTH, by, null, NO_FILTER), `trends by ${by} before a recount`).toEqual(
        rounded(await trends.seriesFromFacts(TrendInterval.MONTH, by, null, NO_FILTER)),
      );
    }
    await refreshTradeAggregates(executor);
    await expectTalliesToEqualCounting("a-");
    await expectTrendsToEqualCounting("a-");
    const { entities } = await expectRebuildToKeepTallies("after the removal and a rebuild");
    expect(entities.some((entity) => String(entity.id).includes("|b-") || String(entity.id).includes(">b-")), "no entity of the removed world is left").toBe(false);
  }, 900_000);

  it("recounts nothing twice and leaves nothing marked when nothing changed", async () => {
    const report = await refreshTradeAggregates(executor);
    expect(report.recounted).toBe(0);
    expect(report.changedMeanwhile).toBe(0);
  }, 60_000);
});
