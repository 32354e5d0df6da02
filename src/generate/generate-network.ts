import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { buildGroundTruth, type GroundTruth } from "./ground-truth.js";
import { GROUND_TRUTH_FILE } from "./layout.js";
import { closeAll, openTables, rowCounts } from "./output.js";
import { planNetwork } from "./plan.js";
import { MAX_RING_VARIANTS, NO_RING_VARIANTS, type RingVariants } from "./ring-variants.js";
import { writeCompanies, writePersons, writeSourceAndReference } from "./write-entities.js";
import { writeShipments } from "./write-shipments.js";

export interface GenerateOptions {
  /** Letters, digits, `_` or `-`: it becomes part of every id. */
  readonly seed: string;
  readonly shipments: number;
  readonly outDir: string;
  /**
   * Share of persons and of companies (0 to 0.5) written a second time (now and then a third) as
   * duplicate records under a variant of their name, for entity resolution; 0 by default, which
   * leaves the files exactly as without the option.
   */
  readonly duplicates?: number;
  /**
   * Optional kinds of planted ring (see ring-variants.ts): small rings of six, shared brokers (full
   * members of two rings), single-link members. All 0 by default, which leaves the files exactly
   * as without them.
   */
  readonly variants?: Partial<RingVariants>;
  /** Called with the number of shipments written so far, about twenty times in a run. */
  readonly progress?: (done: number) => void;
}

export const SEED_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const MIN_SHIPMENTS = 50;
export const MAX_DUPLICATES = 0.5;

/**
 * Generates one synthetic network into `outDir`: plans the rings, paths and sharing, then streams
 * persons, companies and shipments to the CSV files, and writes the ground truth last (so a folder
 * with `ground-truth.json` holds a complete run). The same seed and size give byte-identical files.
 */
export async function generateNetwork(options: GenerateOptions): Promise<GroundTruth> {
  const { seed, shipments, outDir } = options;
  if (!SEED_PATTERN.test(seed)) throw new Error(`seed must be 1 to 40 letters, digits, "_" or "-"; got "${seed}"`);
  if (!Number.isSafeInteger(shipments) || shipments < MIN_SHIPMENTS) throw new Error(`shipments must be an integer of at least ${MIN_SHIPMENTS}`);
  const duplicates = options.duplicates ?? 0;
  if (!(duplicates >= 0 && duplicates <= MAX_DUPLICATES)) throw new Error(`duplicates must be a share from 0 to ${MAX_DUPLICATES}`);

  const variants: RingVariants = { ...NO_RING_VARIANTS, ...options.variants };
  for (const [name, count] of Object.entries(variants)) {
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_RING_VARIANTS) throw new Error(`${name} must be a whole number from 0 to ${MAX_RING_VARIANTS}`);
  }

  await mkdir(outDir, { recursive: true });
  // A ground truth left by an earlier run must not vouch for files this run may not finish.
  await rm(path.join(outDir, GROUND_TRUTH_FILE), { force: true });
  const plan = planNetwork(seed, shipments, duplicates, variants);
  const tables = openTables(outDir);
  try {
    writeSourceAndReference(plan, tables);
    await writePersons(plan, tables);
    await writeCompanies(plan, tables);
    const counts = await writeShipments(plan, tables, options.progress);
    await closeAll(tables);
    const truth = buildGroundTruth(plan, rowCounts(tables), counts);
    await writeFile(path.join(outDir, GROUND_TRUTH_FILE), `${JSON.stringify(truth, null, 2)}\n`);
    return truth;
  } catch (error) {
    await closeAll(tables).catch(() => undefined);
    throw error;
  }
}
