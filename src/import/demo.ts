import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { projectRoot } from "../config.js";
import type { CypherExecutor } from "../db/cypher-executor.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { importGeneratedNetwork } from "./generated-files.js";
import { importFiles } from "./import-files.js";
import type { ImportReport } from "./report/import-report.js";

/**
 * The demo graph loaded by `npm start` on an empty database: the real reference
 * data and ROUTES seizures bundled in `data/`, then a generated synthetic network (every node
 * labelled Synthetic). The hand-made fixture is loaded before this by `src/db/demo-data.ts`.
 */

const MAPPINGS = path.join(projectRoot, "mappings");
const DATA = path.join(projectRoot, "data");

/** One import of the demo: a mapping and the files or folders it reads. */
export interface DemoStep {
  readonly name: string;
  readonly mapping: string;
  readonly inputs: readonly string[];
  /** Reference data whose mapping may not exist yet: skipped unless the mapping and every input exist. */
  readonly optional?: boolean;
}

export const DEMO_REFERENCE_STEPS: readonly DemoStep[] = [
  { name: "countries", mapping: path.join(MAPPINGS, "countries.yaml"), inputs: [path.join(DATA, "countries", "countries.csv")] },
  // UN/LOCODE (47,000 places, half a minute) is left to `npm run import`; airports and the
  // generator's own ports and crossings cover what the demo's seizures and routes name.
  {
    name: "OpenFlights airports",
    mapping: path.join(MAPPINGS, "openflights-airports.yaml"),
    inputs: [path.join(DATA, "openflights", "airports.csv")],
    optional: true,
  },
  {
    name: "CITES species",
    mapping: path.join(MAPPINGS, "cites-species.yaml"),
    inputs: [path.join(DATA, "cites-species", "species-subset.csv")],
    optional: true,
  },
  {
    // After the species: it adds Chinese names to the Species nodes the CITES step made.
    name: "Chinese species names",
    mapping: path.join(MAPPINGS, "species-names-zh.yaml"),
    inputs: [path.join(DATA, "species-names-zh", "species-names-zh.csv")],
    optional: true,
  },
  {
    name: "ROUTES airport seizures",
    mapping: path.join(MAPPINGS, "routes-airport-seizures.yaml"),
    inputs: [path.join(DATA, "routes-airport-seizures-2009-2016", "tot.csv"), path.join(DATA, "routes-airport-seizures-2009-2016", "transittots.csv")],
  },
];

/** The synthetic network of the demo: fixed, so every demo database is the same. */
export const DEMO_NETWORK = { seed: "demo", shipments: 1_000 } as const;

export interface DemoOptions {
  /**
   * Writes the generator's CSV files into `outDir` (src/import may not import the generator, so the
   * caller passes it in: `(outDir) => generateNetwork({ ...DEMO_NETWORK, outDir })`).
   */
  readonly generate: (outDir: string) => Promise<unknown>;
  readonly log: (line: string) => void;
  readonly registry?: CypherRegistry;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function describe(report: ImportReport): string {
  const flags = report.flags.total > 0 ? `, ${report.flags.total} values flagged` : "";
  const rejected = report.rowsRejected > 0 ? `, ${report.rowsRejected} rejected` : "";
  return `${report.rowsLoaded} rows${rejected}${flags}`;
}

/** Imports the demo data in order, logging one line per step; reports go to a temporary folder, removed after. */
export async function loadDemoData(executor: CypherExecutor, options: DemoOptions): Promise<void> {
  const registry = options.registry ?? (await CypherRegistry.load());
  const work = await mkdtemp(path.join(tmpdir(), "mekong-demo-"));
  const started = performance.now();
  try {
    const reportDir = path.join(work, "reports");
    for (const step of DEMO_REFERENCE_STEPS) {
      const files = [step.mapping, ...step.inputs];
      if (step.optional && !(await Promise.all(files.map(exists))).every(Boolean)) {
        options.log(`demo: ${step.name}: skipped (${path.relative(projectRoot, step.mapping)} or its data is not there)`);
        continue;
      }
      const since = performance.now();
      const report = await importFiles(executor, step.mapping, step.inputs, { registry, reportDir });
      options.log(`demo: ${step.name}: ${describe(report)} in ${seconds(since)} s`);
    }

    const networkDir = path.join(work, "network");
    let since = performance.now();
    await options.generate(networkDir);
    options.log(`demo: generated a synthetic network (seed ${DEMO_NETWORK.seed}, ${DEMO_NETWORK.shipments} shipments) in ${seconds(since)} s`);
    since = performance.now();
    const reports = await importGeneratedNetwork(executor, networkDir, {
      registry,
      reportDir,
      // The generator's real places and species fill only what the reference imports lack (all of
      // them before the UN/LOCODE, OpenFlights and CITES mappings exist).
      reference: "missing",
      onStep: (step, report) => options.log(`demo: synthetic ${step.file}: ${describe(report)} in ${(report.elapsedMs / 1000).toFixed(1)} s`),
    });
    const rows = reports.reduce((sum, report) => sum + report.rowsLoaded, 0);
    options.log(`demo: synthetic network: ${rows} rows in ${seconds(since)} s`);
    options.log(`demo: data loaded in ${seconds(started)} s`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
