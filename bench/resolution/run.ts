import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { projectRoot } from "../../src/config.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import { countNames, findCandidates } from "../../src/resolution/index.js";
import { measureResolution } from "../../src/resolution/quality.js";
import { readResolutionRecords } from "../../src/resolution/records-from-files.js";
import { DEFAULT_MIN_SCORE } from "../../src/resolution/resolve-candidates.js";
import { CleanUp, runBenchmark } from "../lifecycle.js";
import { replaceSection } from "../report-section.js";
import { evidenceCeiling } from "./ceiling.js";
import { renderResolutionSection, type ResolutionRun, type ResolutionSizeRun } from "./report.js";

/**
 * `npm run bench:resolution`: entity resolution's quality on generated networks with planted
 * duplicate records (`--duplicates`, 0.1), at 1,000, 10,000 and 100,000 shipments by default
 * (issue 17's bar is set at the first two; the third shows how quality moves with the population):
 * pairwise precision and recall of `findCandidates` at each threshold, per variant kind and by
 * transitive closure, against the ground truth's clusters; the false positives' and misses'
 * evidence; what any rule on the same evidence could reach (ceiling.ts); and the time each step
 * takes. Pure: no database. Each network is generated into a temporary folder, removed at the end.
 * Writes the "Resolution quality" section of bench/REPORT.md.
 */

const TAG = "bench:resolution";
const log = (line: string) => console.error(`[${TAG}] ${line}`);
const cleanUp = new CleanUp(TAG);

/**
 * The resolver's default (what `npm run resolve -- candidates` stores: the README's threshold for
 * review) and the README's "probable".
 */
const DEFAULT_THRESHOLDS = [DEFAULT_MIN_SCORE, 0.9];
/** Issue 17: pairwise precision and recall of at least 0.95 each, at 1,000 and 10,000 shipments. */
const BAR = 0.95;
/** The false positives and misses listed are those of this size, the largest the bar is set at. */
const ERRORS_AT = 10_000;
/** Candidates this low are listed only for the ceiling, which needs nearly every pair that shares a block. */
const CEILING_MIN_SCORE = 0.02;
const REPORT = path.join(projectRoot, "bench", "REPORT.md");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      seed: { type: "string", default: "bench" },
      duplicates: { type: "string", default: "0.1" },
      thresholds: { type: "string", default: DEFAULT_THRESHOLDS.join(",") },
      "no-report": { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes!.split(",").map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 50)) throw new Error(`--sizes: whole numbers of shipments, comma-separated (got ${values.sizes})`);
  const thresholds = values.thresholds!.split(",").map(Number);
  if (thresholds.some((value) => !(value > 0 && value < 1))) throw new Error(`--thresholds: scores between 0 and 1, comma-separated (got ${values.thresholds})`);
  const duplicates = Number(values.duplicates);

  const root = await mkdtemp(path.join(os.tmpdir(), "bench-resolution-"));
  cleanUp.add(() => rm(root, { recursive: true, force: true }));
  const loadAtStart = os.loadavg();
  const runs: ResolutionSizeRun[] = [];
  for (const shipments of sizes) runs.push(await measureSize(root, { seed: values.seed!, shipments, duplicates, thresholds }));

  const run: ResolutionRun = {
    date: new Date().toISOString(),
    command: `npm run bench:resolution${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot }).toString().trim(),
    machine: `${os.cpus()[0]?.model.trim() ?? "unknown"}, ${os.cpus().length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}`,
    load: `${loadAtStart.map((v) => v.toFixed(2)).join(" / ")}, ${os.loadavg().map((v) => v.toFixed(2)).join(" / ")}`,
    seed: values.seed!,
    duplicates,
    bar: BAR,
    errorsAt: ERRORS_AT,
    sizes: runs,
  };
  const section = renderResolutionSection(run);
  if (!values["no-report"]) await replaceSection(REPORT, section);
  console.log(section);
}

async function measureSize(
  root: string,
  options: { seed: string; shipments: number; duplicates: number; thresholds: readonly number[] },
): Promise<ResolutionSizeRun> {
  const { seed, shipments, duplicates, thresholds } = options;
  const dir = path.join(root, `${seed}-${shipments}`);
  const time = <T>(step: () => T): [T, number] => {
    const started = performance.now();
    const value = step();
    return [value, performance.now() - started];
  };
  const timeAsync = async <T>(step: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const value = await step();
    return [value, performance.now() - started];
  };

  log(`${shipments} shipments: generating`);
  const [truth, generateMs] = await timeAsync(() => generateNetwork({ seed, shipments, outDir: dir, duplicates }));
  if (!truth.duplicates) throw new Error("the ground truth has no duplicates section: give --duplicates above 0");
  const [records, readMs] = await timeAsync(() => readResolutionRecords(dir));
  const clusters = [...truth.duplicates.persons, ...truth.duplicates.companies];
  const nameCounts = countNames(records);

  const byThreshold = thresholds.map((threshold) => {
    log(`${shipments} shipments: candidates at ${threshold}`);
    const [candidates, candidatesMs] = time(() => findCandidates(records, { minScore: threshold }));
    const [quality, measureMs] = time(() => measureResolution(records, candidates, clusters, { threshold, nameCounts }));
    return { threshold, candidatesMs, measureMs, quality };
  });

  log(`${shipments} shipments: evidence ceiling`);
  const [low, lowMs] = time(() => findCandidates(records, { minScore: CEILING_MIN_SCORE }));
  const ceiling = evidenceCeiling(records, low, clusters, { bar: BAR, nameCounts });

  return {
    shipments,
    records: records.length,
    clusters: { persons: truth.duplicates.persons.length, companies: truth.duplicates.companies.length },
    generateMs,
    readMs,
    byThreshold,
    ceiling: { ...ceiling, minScore: CEILING_MIN_SCORE, candidates: low.length, candidatesMs: lowMs },
  };
}

await runBenchmark(TAG, main, cleanUp.run);
