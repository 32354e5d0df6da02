import type { Comparison } from "../measure.js";
import type { LoadedNetwork } from "../investigator/dataset.js";
import type { AnalystApi } from "./api-client.js";

/**
 * The `rings` entry, run at 100,000 shipments after routes and flows: the time of the analyze job
 * that finds and stores the rings, then the `rings` query through the API beside a direct read of
 * the stored rings.
 */
export interface RingsRun {
  /** Wall time of each run of the analyze job, in seconds. */
  analyzeSeconds: number[];
  /** What the job found (rings stored), from its last run. */
  ringCount: number;
  query: Comparison | null;
  note: string;
}

/**
 * TODO(rings): the analysis module (`src/analysis/`, `analyzeRings(executor, registry, options)`)
 * and the `rings` field are not in the code base yet. When they are: time `analyzeRings` on
 * `network` (one to three runs), then build a `Shape` whose `graphql` asks `rings` for members,
 * brokers, seizure count and total weight, and whose `direct` reads the stored rings through the
 * analysis repository, and time it with `warmUpAsAnalyst`/`measureAsAnalyst`/`compare` as the other entries are.
 */
export async function ringsEntry(_network: LoadedNetwork, _api: AnalystApi, _plan: { warmup: number; iterations: number }): Promise<RingsRun | null> {
  return null;
}
