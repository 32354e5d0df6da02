import path from "node:path";
import { parseArgs } from "node:util";

import { ConfigError } from "../../config.js";
import { InputError, MappingError } from "../mapping/mapping-error.js";
import { loadMapping } from "../mapping/load-mapping.js";
import { exitCodeOf, formatReport } from "../report/import-report.js";
import { BULK_BATCH_SIZE, BulkLoadError, bulkLoad, type BulkStep } from "./bulk-load.js";
import { generatedBulkSteps } from "./generated-steps.js";
import { ImportToolError } from "./import-tool.js";

const USAGE = `usage: npm run bulk-load -- --into <folder> (--generated <folder> | --step <mapping.yaml>=<file.csv>...) [options]

  --into <folder>        the Neo4j home to create (what NEO4J_DATA_DIR names for npm start): must not
                         exist, or be empty; a bulk load makes a new database and never adds to one
  --generated <folder>   a network written by npm run generate: the countries, then its files in the
                         order of mappings/generated/README.md
  --step <m>=<f>[,<f>]   a mapping file and its CSV files (or folder), as npm run import takes them;
                         repeat in the order of import (references point at nodes of earlier steps)
  --report-dir <dir>     where <input>.rejects.csv and <input>.flags.csv go (default: next to the input)
  --batch-size <n>       rows per batch of the pipeline (default ${BULK_BATCH_SIZE}; reference checks read memory)
  --work-dir <dir>       keep the import tool's CSV files there (default: a temporary folder, deleted)
  --tool-heap <size>     the import tool's Java heap (default 512m)
  --tool-off-heap <size> the import tool's off-heap memory (default 192m)
  --tool-page-cache <size> the import tool's page cache (default 64m)

Every row goes through the same mapping, planner, normalisers and reports as npm run import; the
files then go to neo4j-admin database import, the database is opened, and the constraints, the few
changes the files cannot hold, and the trade aggregates follow. Then start the API with
NEO4J_DATA_DIR=<folder> npm start.
Exit code: 0 every row loaded, 2 some rows rejected (see the reject reports), 1 the load could not run.`;

export async function runBulkLoadCli(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        into: { type: "string" },
        generated: { type: "string" },
        step: { type: "string", multiple: true },
        "report-dir": { type: "string" },
        "batch-size": { type: "string" },
        "work-dir": { type: "string" },
        "tool-heap": { type: "string" },
        "tool-off-heap": { type: "string" },
        "tool-page-cache": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.into || (!values.generated && !values.step?.length) || (values.generated && values.step?.length)) {
    console.error(`give --into, and either --generated or at least one --step\n\n${USAGE}`);
    return 1;
  }
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    console.error(`--batch-size must be a whole number of at least 1\n\n${USAGE}`);
    return 1;
  }
  try {
    let steps: BulkStep[];
    if (values.generated) steps = await generatedBulkSteps(path.resolve(values.generated));
    else {
      steps = values.step!.map((text) => {
        const at = text.indexOf("=");
        if (at < 1 || at === text.length - 1) throw new ConfigError(`--step ${text}: give <mapping.yaml>=<file.csv>[,<file.csv>]`);
        return { mapping: text.slice(0, at), files: text.slice(at + 1).split(",") };
      });
    }
    // Broken mappings fail before any file is written.
    for (const step of steps) await loadMapping(step.mapping);
    const result = await bulkLoad({
      into: path.resolve(values.into),
      steps,
      reportDir: values["report-dir"],
      batchSize,
      workDir: values["work-dir"],
      keepFiles: values["work-dir"] !== undefined,
      toolHeap: values["tool-heap"],
      toolOffHeap: values["tool-off-heap"],
      toolPageCache: values["tool-page-cache"],
      log: (line) => console.error(line),
      onStep: (step, report) => console.error(`${path.basename(step.files[0] ?? step.mapping)}: ${report.rowsRead} rows, ${report.rowsRejected} rejected`),
    });
    for (const report of result.reports) for (const line of formatReport(report)) console.log(line);
    const rows = result.reports.reduce((sum, report) => sum + report.rowsRead, 0);
    const s = result.seconds;
    console.log(
      `bulk load: ${rows} rows in ${s.total.toFixed(1)} s (${(rows / s.total).toFixed(0)} rows/s): files ${s.files.toFixed(1)} s, ` +
        `import tool ${s.tool.toFixed(1)} s, open ${s.open.toFixed(1)} s, constraints ${s.constraints.toFixed(1)} s, ` +
        `patches ${s.patches.toFixed(1)} s (${result.files.patchCount}), aggregates ${s.aggregates.toFixed(1)} s; ` +
        `peak RSS of this process ${result.peakRssMiB.files.toFixed(0)} MiB by the end of the files, ${result.peakRssMiB.aggregates.toFixed(0)} MiB in all`,
    );
    return Math.max(...result.reports.map(exitCodeOf), 0);
  } catch (error) {
    if (error instanceof MappingError || error instanceof InputError || error instanceof ConfigError || error instanceof BulkLoadError || error instanceof ImportToolError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}
