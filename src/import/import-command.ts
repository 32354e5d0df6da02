import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { refreshTradeAggregates, type RefreshReport } from "../aggregates/trade-aggregates.js";
import { createAlertBus } from "../alerts/alert-bus.js";
import { batchTimeoutMs, ConfigError, loadConfig } from "../config.js";
import { CypherExecutor } from "../db/cypher-executor.js";
import { createDriver } from "../db/driver.js";
import { provideNeo4j, type RunningNeo4j } from "../db/neo4j-harness.js";
import { applyConstraints } from "../db/schema-setup.js";
import { DatabaseUnavailableError } from "../domain/errors.js";
import { DEFAULT_BATCH_SIZE, ImportAbortedError, importPlan, type PlanStep } from "./import-files.js";
import { InputError, MappingError } from "./mapping/mapping-error.js";
import { loadMapping } from "./mapping/load-mapping.js";
import { progressDisplay } from "./progress.js";
import { RemovalAbortedError, removeSource, UNKNOWN_SOURCE_EXIT_CODE, UnknownSourceError } from "./remove-source.js";
import { exitCodeOf, formatReport } from "./report/import-report.js";
import { formatRemovalReport } from "./report/removal-report.js";

const USAGE = `usage: npm run import -- --mapping <mapping.yaml> <file.csv | folder>... [options]
       npm run import -- <a.yaml> <b.yaml>... [<file.csv | folder>...] [options]
       npm run import -- --remove-source <source id> [--batch-size <n>]

  --mapping <file>     the mapping file (see mappings/README.md); give it several times, or give
                       several .yaml files, for a plan: the files imported (or dry-run) in that
                       order as one, a later one referring to what an earlier one makes. Each
                       mapping takes its main file by name among the files given, or, when none
                       is given, from its own folder
  --dry-run            check every row and report, without writing to the database
  --batch-size <n>     rows per transaction (default ${DEFAULT_BATCH_SIZE})
  --report-dir <dir>   where <input>.rejects.csv and <input>.flags.csv go (default: next to the input)
  --id-prefix <text>   put before the source id and every id made or referred to: a world of its own
                       beside the real one (import its reference data with the same prefix first)
  --remove-source <id> remove what one source stated instead of importing: its relationships, its
                       SOURCED_FROM links, the nodes no other source backs, and the Source itself.
                       A node another source backs too stays, with its properties as merged (they
                       cannot be split by source); one that only other sources' relationships reach
                       stays bare (id and labels). In batches of --batch-size; run it again to
                       finish a removal that was stopped.

Writes into the database the app uses (NEO4J_URI, or the embedded one under NEO4J_DATA_DIR: while
\`npm start\` runs, the Neo4j it holds, found through its running-neo4j.json).
Exit code: 0 every row loaded (or the source removed), 2 some rows rejected (see the reject report),
${UNKNOWN_SOURCE_EXIT_CODE} no source has the id given to --remove-source, 1 the command could not run.`;

/** Runs the import command; resolves to the process exit code. */
export async function runImportCli(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        mapping: { type: "string", multiple: true },
        "dry-run": { type: "boolean", default: false },
        "batch-size": { type: "string" },
        "report-dir": { type: "string" },
        "id-prefix": { type: "string" },
        "remove-source": { type: "string" },
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
  // Mapping files are given with --mapping or as .yaml files among the positionals, in plan order.
  const isMapping = (file: string) => /\.ya?ml$/i.test(file);
  const mappings = [...(values.mapping ?? []), ...positionals.filter(isMapping)];
  const files = positionals.filter((file) => !isMapping(file));
  const removal = values["remove-source"];
  if (removal !== undefined && (mappings.length > 0 || positionals.length > 0 || values["dry-run"] || values["id-prefix"] || values["report-dir"])) {
    console.error(`--remove-source takes only --batch-size (the source id already holds any prefix)\n\n${USAGE}`);
    return 1;
  }
  if (removal === "") {
    console.error(`--remove-source needs a source id\n\n${USAGE}`);
    return 1;
  }
  if (removal === undefined && mappings.length === 0) {
    console.error(`give --mapping (or .yaml files) and the CSV files or folders\n\n${USAGE}`);
    return 1;
  }
  if (values.mapping?.length && positionals.some(isMapping)) {
    console.error(`give the mapping files either with --mapping or as .yaml files, not both (their order would be unclear)\n\n${USAGE}`);
    return 1;
  }
  const batchSize = values["batch-size"] === undefined ? DEFAULT_BATCH_SIZE : Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error(`--batch-size must be a whole number of at least 1\n\n${USAGE}`);
    return 1;
  }

  let neo4j: RunningNeo4j | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  const controller = new AbortController();
  const stop = () => {
    console.error("\nstopping after the current batch (what is committed stays; run the command again to finish it)");
    controller.abort();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const config = loadConfig();
    // A broken mapping, or one whose file cannot be found, fails before any database starts.
    const steps: PlanStep[] = [];
    for (const mapping of mappings) {
      const { input } = await loadMapping(mapping);
      if (files.length > 0) {
        steps.push({ mapping, files });
        continue;
      }
      // No file given: the mapping's main file beside it (its folder, for joined files found by name).
      if (!existsSync(path.join(path.dirname(mapping), input.file))) {
        throw new InputError(`${mapping}: no file given, and no ${input.file} beside the mapping`);
      }
      steps.push({ mapping, files: [path.dirname(mapping)] });
    }
    neo4j = await provideNeo4j(config.neo4j, { dataDir: config.neo4j.dataDir, log: (line) => console.error(line) });
    driver = createDriver({ ...config.neo4j, uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    const executor = new CypherExecutor(driver, { database: neo4j.database, timeoutMs: batchTimeoutMs(config.neo4j) });
    if (!(await executor.isReachable())) throw new DatabaseUnavailableError();
    if (!values["dry-run"]) await applyConstraints(executor);

    if (removal !== undefined) {
      const removed = await removeSource(executor, removal, { batchSize, signal: controller.signal });
      for (const line of formatRemovalReport(removed)) console.log(line);
      console.log(describeRefresh(await refreshTradeAggregates(executor)));
      return 0;
    }
    let display = progressDisplay(process.stderr);
    let reports;
    // The alerts each batch makes are announced to every API process (through Redis with REDIS_URL;
    // without it, those with subscriptions find them in Neo4j within a poll).
    const alerts = createAlertBus(config.limits.redisUrl, {
      listening: false,
      onError: () => console.error("alerts: Redis did not take them; API processes with subscriptions find them in Neo4j within a poll"),
    });
    try {
      reports = await importPlan(executor, steps, {
        dryRun: values["dry-run"],
        batchSize,
        reportDir: values["report-dir"],
        idPrefix: values["id-prefix"],
        signal: controller.signal,
        onProgress: (progress) => display.update(progress),
        onAlerts: (events) => alerts.publish(events),
        // Each file's report as it is done; a plan of several files prints them in order.
        onReport: (report) => {
          display.stop();
          for (const line of formatReport(report)) console.log(line);
          display = progressDisplay(process.stderr);
        },
      });
    } finally {
      display.stop();
      await alerts.close();
    }
    if (!values["dry-run"]) console.log(describeRefresh(await refreshTradeAggregates(executor)));
    // 2 when any file had rejected rows, as for one file.
    return Math.max(...reports.map(exitCodeOf));
  } catch (error) {
    if (error instanceof UnknownSourceError) {
      console.error(error.message);
      return UNKNOWN_SOURCE_EXIT_CODE;
    }
    if (error instanceof RemovalAbortedError) {
      for (const line of formatRemovalReport(error.report)) console.log(line);
      console.error(error.message);
    } else if (error instanceof ImportAbortedError) {
      for (const line of formatReport(error.report)) console.log(line);
      console.error(error.message);
    } else if (error instanceof MappingError || error instanceof InputError || error instanceof ConfigError) {
      console.error(error.message);
    } else if (error instanceof DatabaseUnavailableError) {
      console.error(`${error.message} (${neo4j?.uri ?? "no database started"})`);
    } else {
      console.error(error);
    }
    return 1;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await driver?.close();
    await neo4j?.stop();
  }
}

/** The line an import or removal ends with: the trade tallies it brought up to date. */
function describeRefresh(report: RefreshReport): string {
  return `trade tallies: ${report.recounted} routes, hops and totals recounted in ${(report.elapsedMs / 1000).toFixed(1)} s`;
}
