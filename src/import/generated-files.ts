import { createReadStream, createWriteStream } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";

import { parse } from "csv-parse";
import { stringify } from "csv-stringify";

import { refreshTradeAggregates } from "../aggregates/trade-aggregates.js";
import { projectRoot } from "../config.js";
import type { CypherExecutor } from "../db/cypher-executor.js";
import { CypherRegistry } from "../db/cypher-registry.js";
import { NodeLabel } from "../domain/graph-schema.js";
import { importFiles, type ImportOptions } from "./import-files.js";
import { existingIds } from "./plan/lookups.js";
import type { ImportReport } from "./report/import-report.js";

/** The mappings of the generator's CSV files (`npm run generate`); README.md there gives the order. */
export const GENERATED_MAPPINGS_DIR = path.join(projectRoot, "mappings", "generated");

/**
 * The generator's relationship files have no key column, and an import needs one: these get a
 * `row` column (the data row number, from 1) in a copy, made by `prepareGeneratedFiles`.
 */
export const KEYLESS_FILES = ["identifier-holders.csv", "officers.csv", "route-stops.csv", "parties.csv", "arrests.csv"] as const;

export interface GeneratedStep {
  /** Mapping file name in `mappings/generated/`. */
  readonly mapping: string;
  /** The generator's CSV file it reads. */
  readonly file: string;
  /** Reference data (real places, species): imported only when no reference import provides it. */
  readonly reference?: "places" | "species";
}

/** The order of import: each file's node references point at nodes of the files before it. */
export const GENERATED_STEPS: readonly GeneratedStep[] = [
  { mapping: "places.yaml", file: "places.csv", reference: "places" },
  { mapping: "species.yaml", file: "species.csv", reference: "species" },
  { mapping: "persons.yaml", file: "persons.csv" },
  { mapping: "companies.yaml", file: "companies.csv" },
  { mapping: "identifiers.yaml", file: "identifiers.csv" },
  { mapping: "identifier-holders.yaml", file: "identifier-holders.csv" },
  { mapping: "officers.yaml", file: "officers.csv" },
  { mapping: "carriers.yaml", file: "carriers.csv" },
  { mapping: "shipments.yaml", file: "shipments.csv" },
  { mapping: "route-stops.yaml", file: "route-stops.csv" },
  { mapping: "parties.yaml", file: "parties.csv" },
  { mapping: "seizures.yaml", file: "seizures.csv" },
  { mapping: "commodity-lines.yaml", file: "commodity-lines.csv" },
  { mapping: "arrests.yaml", file: "arrests.csv" },
];

/**
 * Copies a CSV file with a first column `row` numbering its data rows from 1. The records are found
 * by their line breaks outside quotes and copied byte for byte behind their number: a CSV parser and
 * writer would give the same cells at several times the cost (the copies of a million shipments'
 * files hold 13 million rows).
 */
export async function addRowKey(input: string, output: string): Promise<void> {
  let row = 0;
  let atStart = true;
  let quoted = false;
  let first = true;
  let previous = 0;
  /** The file's line break (CRLF where its records end so), for a last record that lacks one. */
  let lineBreak = "\n";
  const number = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      const parts: Buffer[] = [];
      let from = 0;
      for (let i = 0; i < chunk.length; i += 1) {
        const byte = chunk[i]!;
        if (atStart) {
          parts.push(chunk.subarray(from, i), Buffer.from(row === 0 ? "row," : `${row},`));
          from = i;
          row += 1;
          atStart = false;
        }
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === NEWLINE && !quoted) {
          atStart = true;
          lineBreak = previous === RETURN ? "\r\n" : "\n";
        }
        previous = byte;
      }
      parts.push(chunk.subarray(from));
      callback(null, Buffer.concat(parts));
    },
    flush(callback) {
      // A last record without its line break ends the file with one.
      callback(null, atStart ? null : Buffer.from(lineBreak));
    },
  });
  await pipeline(createReadStream(input), number, createWriteStream(output));
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * Makes keyed copies of the keyless files of a generated folder in `<dir>/keyed/` and returns the
 * file to import for each CSV name.
 */
export async function prepareGeneratedFiles(dir: string): Promise<Map<string, string>> {
  const keyedDir = path.join(dir, "keyed");
  await mkdir(keyedDir, { recursive: true });
  const files = new Map<string, string>();
  for (const step of GENERATED_STEPS) files.set(step.file, path.join(dir, step.file));
  for (const name of KEYLESS_FILES) {
    const keyed = path.join(keyedDir, name);
    await addRowKey(path.join(dir, name), keyed);
    files.set(name, keyed);
  }
  return files;
}

export interface GeneratedImportOptions extends ImportOptions {
  /**
   * The generator's own places.csv / species.csv: `all` (the default: no reference import ran),
   * `missing` (only the rows whose id the database lacks, after the real reference imports) or `none`.
   */
  readonly reference?: "all" | "missing" | "none";
  /** Called after each file with its report. */
  readonly onStep?: (step: GeneratedStep, report: ImportReport) => void;
}

/** Imports a generated network folder with `mappings/generated/`, in order; returns one report per file. */
export async function importGeneratedNetwork(
  executor: CypherExecutor,
  dir: string,
  options: GeneratedImportOptions = {},
): Promise<ImportReport[]> {
  const { reference = "all", onStep, ...importOptions } = options;
  const files = await prepareGeneratedFiles(dir);
  const registry = importOptions.registry ?? (await CypherRegistry.load());
  const reports: ImportReport[] = [];
  for (const step of GENERATED_STEPS) {
    if (step.reference && reference === "none") continue;
    let file = files.get(step.file)!;
    if (step.reference && reference === "missing") {
      const label = step.reference === "places" ? NodeLabel.Place : NodeLabel.Species;
      const output = path.join(dir, "keyed", step.file);
      const missing = await keepMissingRows(executor, registry, { input: file, output, label, idPrefix: importOptions.idPrefix ?? "" });
      if (missing === 0) continue;
      file = path.join(dir, "keyed", step.file);
    }
    await access(file);
    const report = await importFiles(executor, path.join(GENERATED_MAPPINGS_DIR, step.mapping), [file], {
      reportDir: path.join(dir, "reports"),
      ...importOptions,
    });
    reports.push(report);
    onStep?.(step, report);
  }
  // Once, after every file: each file's batches have marked what they changed.
  if (!importOptions.dryRun) await refreshTradeAggregates(executor);
  return reports;
}

/**
 * Copies the rows of a reference file (id in the first column named `id`) whose node the database
 * lacks; returns how many. The reference imports win: the generator's rows only fill the gaps.
 */
async function keepMissingRows(
  executor: CypherExecutor,
  registry: CypherRegistry,
  { input, output, label, idPrefix }: { input: string; output: string; label: NodeLabel; idPrefix: string },
): Promise<number> {
  const records = (await parseAll(input)) as string[][];
  const [header, ...data] = records;
  const idColumn = header.indexOf("id");
  const ids = data.map((record) => idPrefix + record[idColumn]);
  const present = await existingIds(executor, registry, label, ids, true);
  const missing = data.filter((_, i) => !present.has(ids[i]));
  await pipeline(Readable.from([header, ...missing]), stringify(), createWriteStream(output));
  return missing.length;
}

async function parseAll(file: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const record of createReadStream(file).pipe(parse({ bom: true }))) records.push(record);
  return records;
}
