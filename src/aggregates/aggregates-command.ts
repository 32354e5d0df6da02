import { parseArgs } from "node:util";

import { batchTimeoutMs, ConfigError, loadConfig } from "../config.js";
import { withCommandDatabase } from "../db/command-database.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { rebuildTradeAggregates, refreshTradeAggregates, type RefreshReport } from "./trade-aggregates.js";

const USAGE = `usage: npm run aggregates -- refresh | rebuild

The trade tallies behind routes and flows (see README, "How the analyst figures stay true").

  refresh     recount the routes, hops and totals an import changed and did not recount
              (an import stopped before its end leaves some; answers stay right meanwhile,
              only slower)
  rebuild     set every seized shipment's members again and recount every tally from the
              facts alone (after a bulk load, or a change made to the graph without the
              import); the API answers right meanwhile
  -h, --help  this text

Exit code: 0 done, 1 the command could not run.`;

/** Runs the aggregates command; resolves to the process exit code. */
export async function runAggregatesCli(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: "boolean", short: "h", default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, ...rest] = args.positionals;
  if ((action !== "refresh" && action !== "rebuild") || rest.length > 0) {
    console.error(`give one of "refresh" or "rebuild"\n\n${USAGE}`);
    return 1;
  }
  try {
    const config = loadConfig();
    const timeoutMs = batchTimeoutMs(config.neo4j);
    await withCommandDatabase(config.neo4j, { timeoutMs }, async (executor) => {
      if (action === "rebuild") {
        const report = await rebuildTradeAggregates(executor);
        console.log(`rebuilt from ${report.shipments} seized shipments: ${describe(report)}`);
      } else {
        console.log(`refreshed: ${describe(await refreshTradeAggregates(executor))}`);
      }
    });
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) console.error(error.message);
    else console.error(error);
    return 1;
  }
}

function describe(report: RefreshReport): string {
  const changed = report.changedMeanwhile > 0 ? `; ${report.changedMeanwhile} changed meanwhile and stay marked` : "";
  return `${report.recounted} routes, hops and totals recounted, ${report.tallies} tallies stored in ${(report.elapsedMs / 1000).toFixed(1)} s${changed}`;
}
