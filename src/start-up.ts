import { bringTradeAggregatesUpToDate } from "./aggregates/trade-aggregates.js";
import { analyzeRings } from "./analysis/analyze-rings.js";
import type { CypherExecutor } from "./db/cypher-executor.js";
import type { CypherRegistry } from "./db/cypher-registry.js";
import { loadDemoIfEmpty } from "./db/demo-data.js";
import { applyConstraints } from "./db/schema-setup.js";
import { generateNetwork } from "./generate/generate-network.js";
import { DEMO_NETWORK, loadDemoData } from "./import/demo.js";
import { RingRepository } from "./repositories/ring.repository.js";

export interface StartUpOptions {
  /** Load the demo graph into an empty database (SEED_DEMO). */
  seedDemo: boolean;
  /**
   * An earlier attempt of this start began loading the demo and failed (a timeout on a busy
   * machine): load it again, though the database is no longer empty (every step merges on keys).
   */
  resumeDemo?: boolean;
  /** Told when the demo begins to load, and when it is loaded whole. */
  onDemoStart?: () => void;
  onDemoDone?: () => void;
  log: (line: string) => void;
}

export interface StartUpResult {
  /** The demo graph was loaded (the database was empty). */
  demoLoaded: boolean;
  /**
   * Rings were never computed on this database (with SEED_DEMO): the caller runs `computeRings`
   * once the API is ready (before, when the demo was just loaded, since that is quick).
   */
  ringsMissing: boolean;
}

/**
 * What `npm start` does before the API says it is ready: the constraints, the demo graph on an
 * empty database, and the trade tallies routes and flows read. Kept apart from src/index.ts so
 * that tests prepare a database exactly as a start does.
 */
export async function prepareDatabase(executor: CypherExecutor, registry: CypherRegistry, options: StartUpOptions): Promise<StartUpResult> {
  const { log } = options;
  const applied = await applyConstraints(executor);
  log(`applied ${applied.length} constraint and index files`);
  const demoStarted = performance.now();
  const loadData = () => loadDemoData(executor, { registry, log, generate: (outDir) => generateNetwork({ ...DEMO_NETWORK, outDir }) });
  if (options.seedDemo && options.resumeDemo) log("the demo graph was not loaded whole: loading it again");
  const demoLoaded =
    options.seedDemo && (await loadDemoIfEmpty(executor, registry, loadData, { force: options.resumeDemo, onStart: options.onDemoStart }));
  if (demoLoaded) {
    options.onDemoDone?.();
    const seconds = ((performance.now() - demoStarted) / 1000).toFixed(1);
    log(
      `the database was empty: loaded the demo in ${seconds} s (the fixture, countries, airports, species, ` +
        "ROUTES seizures, and a generated network; fixture and network labelled Synthetic)",
    );
  }
  // Routes and flows read the tallies, so they must exist before the API is ready.
  const tallies = await bringTradeAggregatesUpToDate(executor);
  if (tallies) {
    log(
      `trade tallies: ${tallies.action === "rebuild" ? "counted for the first time" : "recounted what an import left marked"}: ` +
        `${tallies.report.recounted} routes, hops and totals in ${(tallies.report.elapsedMs / 1000).toFixed(1)} s`,
    );
  }
  const ringsMissing = options.seedDemo && (await new RingRepository(executor, registry).latestRun("", 1)) === null;
  return { demoLoaded, ringsMissing };
}

/**
 * The ring analysis of the whole graph with its default settings, as `npm run analyze` runs it:
 * `npm start` runs it once on a database where rings were never computed (the demo's take about a
 * second), so that the `rings` query answers without a command first.
 */
export async function computeRings(executor: CypherExecutor, registry: CypherRegistry, log: (line: string) => void): Promise<void> {
  const result = await analyzeRings(executor, registry, {});
  log(
    `rings: never computed on this database; computed ${result.rings} rings of ${result.parties} parties in ` +
      `${(result.durationMs / 1000).toFixed(1)} s (run \`npm run analyze\` again after an import)`,
  );
}
