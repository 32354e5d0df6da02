import { parseArgs } from "node:util";

import { batchTimeoutMs, ConfigError, loadConfig } from "../config.js";
import { withCommandDatabase } from "../db/command-database.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { BadInputError, DatabaseUnavailableError } from "../domain/errors.js";
import { analyzeRings, type AnalyzeRingsOptions } from "./analyze-rings.js";

const USAGE = `usage: npm run analyze -- [rings] [options]

Finds rings (groups of persons and companies that act together) and stores them, with the time
they were computed, for the rings query. Replaces the earlier results of the same scope.

  --scope <prefix>       only parties whose id starts with <prefix> (default: the whole graph)
  --min-size <n>         smallest ring reported without being small, dense and closed (default 8)
  --small-size <n>       smallest ring reported when dense and closed (default 4)
  --stability-runs <n>   seeded runs a ring's stability is measured over, 1 to 10 (default 3);
                         each is a whole detection: 1 is three times as fast
  --resolution <r>       Louvain resolution; above 1 gives smaller rings (default 1)
  --seed <n>             seed of Louvain's random choices (default 42)
  --page-size <n>        rows per export query (default 10000)
  -h, --help             this text

Exit code: 0 stored, 1 the analysis could not run.`;

/** Runs the analysis command; resolves to the process exit code. */
export async function runAnalyzeCli(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        scope: { type: "string" },
        "min-size": { type: "string" },
        "small-size": { type: "string" },
        "stability-runs": { type: "string" },
        resolution: { type: "string" },
        seed: { type: "string" },
        "page-size": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.some((name) => name !== "rings")) {
    console.error(`the only analysis is "rings"\n\n${USAGE}`);
    return 1;
  }
  const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  const options: AnalyzeRingsOptions = {
    scope: values.scope,
    minSize: number(values["min-size"]),
    smallSize: number(values["small-size"]),
    stabilityRuns: number(values["stability-runs"]),
    resolution: number(values.resolution),
    seed: number(values.seed),
    pageSize: number(values["page-size"]),
  };

  try {
    const config = loadConfig();
    const timeoutMs = batchTimeoutMs(config.neo4j);
    const result = await withCommandDatabase(config.neo4j, { timeoutMs }, async (executor) =>
      analyzeRings(executor, await CypherRegistry.load(), options),
    );
    console.log(
      `rings: ${result.rings} stored (run ${result.runId}, computed at ${result.computedAt.toISOString()})\n` +
        `  party graph: ${result.parties} parties, ${result.links} links, ${result.communities} communities, ` +
        `modularity ${result.modularity.toFixed(3)}; ${result.skippedIdentifiers} identifiers with too many holders left out\n` +
        `  time: ${ms(result.durationMs)} (export ${ms(result.exportMs)}, detection ${ms(result.detectMs)}, store ${ms(result.storeMs)})`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BadInputError || error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}

const ms = (value: number): string => (value < 10_000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);
