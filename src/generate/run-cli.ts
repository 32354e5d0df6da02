import path from "node:path";
import { parseArgs } from "node:util";

import { generateNetwork, MAX_DUPLICATES, MIN_SHIPMENTS } from "./generate-network.js";
import { MAX_RING_VARIANTS, type RingVariants } from "./ring-variants.js";

export const USAGE = `Usage: npm run generate -- --shipments N --seed S [--out DIR] [--duplicates SHARE]
         [--small-rings N] [--shared-brokers N] [--single-link-members N]

Writes a synthetic Mekong-region trafficking network as CSV files plus ground-truth.json.
  --shipments N   number of shipments (at least ${MIN_SHIPMENTS})
  --seed S        letters, digits, "_" or "-"; the same seed and N give byte-identical files
  --out DIR       output folder (default: generated/<seed>-<N>)
  --duplicates SHARE
                  share (0 to ${MAX_DUPLICATES}) of persons and of companies also written as duplicate
                  records under a variant of their name, listed in ground-truth.json (default 0)
  --small-rings N rings of six members, dense among themselves, planted besides the others (default 0)
  --shared-brokers N
                  persons who are full members of two rings, listed in both (default 0)
  --single-link-members N
                  couriers tied to their ring only by shipments with one handler (default 0)
                  (each at most ${MAX_RING_VARIANTS}; 0 for all three leaves the files as without them)
`;

/** The ring-variant flags and the option each sets. */
const VARIANT_FLAGS = { "small-rings": "smallRings", "shared-brokers": "sharedBrokers", "single-link-members": "singleLinkMembers" } as const;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Runs the generator from command-line arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  let values: { shipments?: string; seed?: string; out?: string; duplicates?: string; help?: boolean } & Partial<Record<keyof typeof VARIANT_FLAGS, string>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        shipments: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        duplicates: { type: "string" },
        "small-rings": { type: "string" },
        "shared-brokers": { type: "string" },
        "single-link-members": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const shipments = Number(values.shipments);
  if (values.shipments === undefined || !/^\d+$/.test(values.shipments) || shipments < MIN_SHIPMENTS) {
    io.err(`--shipments must be a whole number of at least ${MIN_SHIPMENTS}\n\n${USAGE}`);
    return 2;
  }
  if (values.seed === undefined) {
    io.err(`--seed is required\n\n${USAGE}`);
    return 2;
  }
  const duplicates = values.duplicates === undefined ? 0 : Number(values.duplicates);
  if (values.duplicates !== undefined && (!/^\d*\.?\d+$/.test(values.duplicates) || duplicates > MAX_DUPLICATES)) {
    io.err(`--duplicates must be a share from 0 to ${MAX_DUPLICATES}, such as 0.1\n\n${USAGE}`);
    return 2;
  }
  const variants: Partial<Record<keyof RingVariants, number>> = {};
  for (const [flag, option] of Object.entries(VARIANT_FLAGS) as [keyof typeof VARIANT_FLAGS, keyof RingVariants][]) {
    const text = values[flag];
    if (text === undefined) continue;
    if (!/^\d+$/.test(text) || Number(text) > MAX_RING_VARIANTS) {
      io.err(`--${flag} must be a whole number from 0 to ${MAX_RING_VARIANTS}\n\n${USAGE}`);
      return 2;
    }
    variants[option] = Number(text);
  }
  const seed = values.seed;
  const outDir = path.resolve(values.out ?? path.join("generated", `${seed}-${shipments}`));

  const started = process.hrtime.bigint();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  try {
    const truth = await generateNetwork({
      seed,
      shipments,
      outDir,
      duplicates,
      variants,
      progress: (done) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (shipments >= 50_000) io.err(`  ${done} / ${shipments} shipments`);
      },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    io.out(`Wrote ${outDir}`);
    for (const [file, rows] of Object.entries(truth.files)) io.out(`  ${file.padEnd(24)} ${String(rows).padStart(10)} rows`);
    io.out(`  ground-truth.json: ${truth.summary.rings} rings, ${truth.summary.brokers} brokers, ${truth.summary.plantedPaths} planted paths, ${truth.summary.sharedIdentifiers} shared identifiers`);
    const { duplicateClusters, duplicateRecords } = truth.summary;
    if (duplicateClusters !== undefined) io.out(`  duplicates: ${duplicateRecords} records in ${duplicateClusters} clusters`);
    const { smallRings, sharedBrokers, singleLinkMembers } = truth.summary;
    if (smallRings !== undefined) io.out(`  ring variants: ${smallRings} small rings, ${sharedBrokers} shared brokers, ${singleLinkMembers} single-link members`);
    io.out(`Done in ${seconds.toFixed(1)} s, peak RSS ${megabytes(maxRss)}`);
    return 0;
  } catch (error) {
    io.err(`Generation failed: ${(error as Error).message}`);
    return 1;
  } finally {
    clearInterval(sampler);
  }
}
