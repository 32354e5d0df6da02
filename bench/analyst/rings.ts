import { analyzeRings } from "../../src/analysis/analyze-rings.js";
import { RingRepository } from "../../src/repositories/ring.repository.js";
import { DEFAULT_MIN_RING_SIZE, DEFAULT_RINGS } from "../../src/graphql/inputs/rings.args.js";
import type { LoadedNetwork } from "../investigator/dataset.js";
import { compare, measure, warmUp, type Comparison } from "../measure.js";
import type { Shape } from "../shapes.js";

/**
 * The `rings` entry, run at 100,000 shipments after routes and flows: the analyze job that finds
 * and stores the rings (what `npm run analyze` runs), timed; then the `rings` query through the API
 * beside a direct read of the stored rings through the same repository.
 */
export interface RingsRun {
  /** Each run of the analyze job: wall time and its own split, in seconds. */
  analyze: { seconds: number; exportSeconds: number; detectSeconds: number; storeSeconds: number; parties: number; links: number; rings: number }[];
  query: Comparison;
}

export const RINGS_QUERY = `query Rings {
  rings {
    state
    ringCount
    rings {
      id rank size seizureCount totalWeightKg shipmentCount
      members { party { __typename } brokerRank }
    }
  }
}`;

export async function ringsEntry(
  network: LoadedNetwork,
  api: { url: string },
  plan: { warmup: number; iterations: number },
  options: { analyzeRuns: number; log: (line: string) => void },
): Promise<RingsRun> {
  const analyze: RingsRun["analyze"] = [];
  for (let run = 0; run < options.analyzeRuns; run++) {
    const started = performance.now();
    const result = await analyzeRings(network.executor, network.registry);
    const seconds = (performance.now() - started) / 1000;
    analyze.push({
      seconds,
      exportSeconds: result.exportMs / 1000,
      detectSeconds: result.detectMs / 1000,
      storeSeconds: result.storeMs / 1000,
      parties: result.parties,
      links: result.links,
      rings: result.rings,
    });
    options.log(`rings: analyze job ${seconds.toFixed(1)} s (export ${(result.exportMs / 1000).toFixed(1)}, detect ${(result.detectMs / 1000).toFixed(1)}, store ${(result.storeMs / 1000).toFixed(1)}), ${result.rings} rings`);
  }

  const rings = new RingRepository(network.executor, network.registry);
  const shape: Shape = {
    key: "rings",
    title: "rings (default arguments: the 20 largest rings of at least 8 members, every member)",
    graphql: RINGS_QUERY,
    directFile: "`cypher/queries/rings/` through `RingRepository.latestRun` and `.list` (the stored results of the analyze job)",
    inputs: "the latest analysis of the whole graph; the same question every iteration",
    variables: () => ({}),
    direct: async () => {
      const run = await rings.latestRun("", DEFAULT_MIN_RING_SIZE);
      if (run === null) return { rings: { state: "NEVER_COMPUTED", ringCount: 0, rings: [] } };
      const stored = await rings.list(run.id, DEFAULT_MIN_RING_SIZE, DEFAULT_RINGS);
      return {
        rings: {
          state: "READY",
          ringCount: run.matching,
          rings: stored.map((ring) => ({
            id: ring.id,
            rank: ring.rank,
            size: ring.size,
            seizureCount: ring.seizureCount,
            totalWeightKg: ring.totalWeightKg,
            shipmentCount: ring.shipmentCount,
            members: ring.members.map((member) => ({ party: { __typename: member.kind }, brokerRank: member.brokerRank })),
          })),
        },
      };
    },
  };
  options.log(`rings: ${plan.warmup} warm-up iterations each way, answers compared; then ${plan.iterations} measured`);
  await warmUp(api.url, shape, plan.warmup);
  const query = compare(shape, await measure(api.url, shape, plan.warmup, plan.iterations));
  options.log(`rings: API p50 ${query.api.p50.toFixed(1)} / p95 ${query.api.p95.toFixed(1)} ms, direct p50 ${query.direct.p50.toFixed(1)} / p95 ${query.direct.p95.toFixed(1)} ms`);
  return { analyze, query };
}
