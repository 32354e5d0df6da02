import { on } from "node:events";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";

import { parse } from "csv-parse";

import type { CompiledJoin, CompiledMapping, InputColumn, Problem } from "../mapping/compiled-mapping.js";
import { joinKey } from "../mapping/compile-mapping.js";
import { InputError } from "../mapping/mapping-error.js";

/** U+FFFD: what bytes that are not UTF-8 become when decoded, or a replacement already in the file. */
const REPLACEMENT = "\uFFFD";

/** The files of one import: the main file and each join's file. */
export interface InputFiles {
  readonly main: string;
  readonly joins: ReadonlyMap<string, string>;
}

/**
 * Finds the files a mapping needs among those given (a folder stands for its CSV files): the
 * main file and `file:` joins by base name, `path:` joins relative to the mapping file. A lone
 * file that no join claims is the main file whatever its name.
 */
export async function resolveInputFiles(mapping: CompiledMapping, given: readonly string[]): Promise<InputFiles> {
  const candidates: string[] = [];
  for (const entry of given) {
    const info = await stat(entry).catch(() => {
      throw new InputError(`${entry}: no such file or folder`);
    });
    if (info.isDirectory()) {
      // The CSV files of the folder, but not the reports of earlier imports.
      for (const name of (await readdir(entry)).sort()) {
        if (/\.csv$/i.test(name) && !/\.(rejects|flags)\.csv$/i.test(name)) candidates.push(path.join(entry, name));
      }
    } else {
      candidates.push(entry);
    }
  }
  const byName = (name: string) => candidates.filter((file) => path.basename(file) === name);

  const joins = new Map<string, string>();
  for (const join of mapping.input.joins) {
    if (join.path !== undefined) {
      joins.set(join.name, path.resolve(path.dirname(mapping.file), join.path));
      continue;
    }
    const found = byName(join.file!);
    if (found.length !== 1) {
      throw new InputError(`the join ${join.name} needs ${join.file}: ${found.length ? "given more than once" : "give it with the other files"}`);
    }
    joins.set(join.name, found[0]);
  }
  const claimed = new Set(joins.values());
  const unclaimed = candidates.filter((file) => !claimed.has(path.resolve(file)) && !claimed.has(file));
  const named = unclaimed.filter((file) => path.basename(file) === mapping.input.file);
  const main = named.length === 1 ? named[0] : unclaimed.length === 1 ? unclaimed[0] : undefined;
  if (!main) {
    throw new InputError(
      unclaimed.length === 0
        ? `no input file: give ${mapping.input.file}`
        : `cannot tell the main file (${mapping.input.file}) among ${unclaimed.map((file) => path.basename(file)).join(", ")}`,
    );
  }
  return { main, joins };
}

function parserOptions(delimiter: string) {
  return { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
}

function parser(delimiter: string) {
  return parse(parserOptions(delimiter));
}

/**
 * Where each column the mapping reads sits in the header: found by its header text (trimmed: "Date "
 * is Date), by its `occurrence` among columns sharing that text, or by position. Header names the
 * mapping does not read may repeat (three unused "Notes" columns); one it reads by name must be
 * unique, or be told apart by occurrence or position.
 */
function locateColumns(file: string, record: readonly string[], columns: readonly InputColumn[]): Map<string, number> {
  const headers = record.map((name) => name.trim());
  const at = new Map<string, number[]>();
  headers.forEach((name, index) => at.set(name, [...(at.get(name) ?? []), index]));
  const positions = new Map<string, number>();
  const missing: string[] = [];
  for (const column of columns) {
    if (column.kind === "rowNumber") continue;
    if (column.kind === "position") {
      const index = column.position - 1;
      if (index >= headers.length) {
        throw new InputError(`${file}: the header has ${headers.length} columns, none at position ${column.position} (input.columns: ${column.name})`);
      }
      if (column.header !== null && headers[index] !== column.header) {
        throw new InputError(`${file}: column ${column.position} is headed "${headers[index]}", not "${column.header}" (input.columns: ${column.name})`);
      }
      positions.set(column.name, index);
      continue;
    }
    const found = at.get(column.header) ?? [];
    if (found.length === 0) {
      missing.push(column.header);
    } else if (column.occurrence !== null) {
      if (column.occurrence > found.length) {
        throw new InputError(
          `${file}: the header names "${column.header}" ${times(found.length)}, not ${column.occurrence} (input.columns: ${column.name})`,
        );
      }
      positions.set(column.name, found[column.occurrence - 1]);
    } else if (found.length > 1) {
      throw new InputError(
        `${file}: the header names "${column.header}" ${times(found.length)} (columns ${found.map((index) => index + 1).join(", ")}): ` +
          `name the one to read in input.columns, as { name: ..., header: "${column.header}", occurrence: 1 } or { name: ..., position: ${found[0] + 1} }`,
      );
    } else {
      positions.set(column.name, found[0]);
    }
  }
  if (missing.length > 0) {
    throw new InputError(`${file}: the header lacks ${missing.map((name) => `"${name}"`).join(", ")} (it has ${[...at.keys()].map((name) => `"${name}"`).join(", ")})`);
  }
  return positions;
}

function times(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}

/** A column read by its header text, as joined files' columns are. */
function byHeader(name: string): InputColumn {
  return { kind: "header", name, header: name, occurrence: null };
}

function cellsOf(
  record: string[],
  row: number,
  positions: ReadonlyMap<string, number>,
  columns: readonly InputColumn[],
  nulls: ReadonlySet<string>,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const column of columns) {
    if (column.kind === "rowNumber") {
      cells[column.name] = String(row);
      continue;
    }
    const cell = record[positions.get(column.name)!] ?? "";
    cells[column.name] = nulls.size > 0 && nulls.has(cell.trim()) ? "" : cell;
  }
  return cells;
}

/**
 * Problems that make a record unusable whatever the mapping says: a width other than the header's,
 * and bad encoding in a column the mapping reads (`used`: their positions). A column the mapping
 * never reads cannot put bad text into the graph, so its encoding does not reject the row (the
 * UN/LOCODE file has U+FFFD in `name`, beside a clean `nameWoDiacritics`).
 */
export function recordProblems(
  record: readonly string[],
  header: readonly string[],
  width: number,
  used: ReadonlySet<number>,
): Omit<Problem, "entry">[] {
  const problems: Omit<Problem, "entry">[] = [];
  if (record.length !== width) {
    problems.push({ kind: "row", column: "", value: String(record.length), reason: `${record.length} columns where the header has ${width}` });
  }
  record.forEach((value, index) => {
    if (used.has(index) && value.includes(REPLACEMENT)) {
      problems.push({ kind: "encoding", column: header[index]?.trim() ?? `column ${index + 1}`, value, reason: "bad encoding: not UTF-8 (or U+FFFD in the text)" });
    }
  });
  return problems;
}

/** The positions of the columns a mapping reads. */
function usedPositions(positions: ReadonlyMap<string, number>): Set<number> {
  return new Set(positions.values());
}

export interface JoinRow {
  readonly cells: Readonly<Record<string, string>>;
  /** Why the joined row cannot be used, if it cannot. */
  readonly problem?: string;
}

/** Reads a joined file into memory, by key. Joined files are meant to be small; the main file streams. */
export async function readJoinTable(
  join: CompiledJoin,
  file: string,
  delimiter: string,
  nulls: readonly string[] = [],
): Promise<Map<string, JoinRow>> {
  const nullCells = new Set(nulls);
  const columns = join.columns.map(byHeader);
  const table = new Map<string, JoinRow>();
  const rowOfKey = new Map<string, number>();
  let positions: Map<string, number> | undefined;
  let header: string[] = [];
  let row = 0;
  try {
    for await (const record of createReadStream(file).pipe(parser(delimiter)) as AsyncIterable<string[]>) {
      if (!positions) {
        header = record;
        positions = locateColumns(file, record, columns);
        continue;
      }
      row += 1;
      const cells = cellsOf(record, row, positions, columns, nullCells);
      const key = joinKey(cells[join.key] ?? "", join.match);
      if (!key) continue;
      if (rowOfKey.has(key)) {
        throw new InputError(`${file}: rows ${rowOfKey.get(key)} and ${row} both have ${join.key} "${cells[join.key].trim()}"`);
      }
      rowOfKey.set(key, row);
      const problems = recordProblems(record, header, header.length, usedPositions(positions));
      table.set(key, problems.length ? { cells, problem: `${path.basename(file)} row ${row}: ${problems[0].reason}` } : { cells });
    }
  } catch (error) {
    throw asInputError(file, error);
  }
  if (!positions) throw new InputError(`${file}: empty, not even a header`);
  return table;
}

/** One data row of the main file, or the problems that reject it before any mapping is applied. */
export interface MainRow {
  /** 1-based data row number (the header is row 0). */
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
  readonly problems: readonly Omit<Problem, "entry">[];
}

export interface MainInput {
  readonly rows: AsyncIterable<MainRow>;
  /** Bytes read so far (the parser's input runs ahead of the rows given out by up to a chunk) and in all, for progress. */
  bytesRead(): number;
  readonly totalBytes: number;
  close(): void;
}

/**
 * Main files of at least this size are parsed on a worker thread (csv-parse-worker.js), so that
 * parsing and the import's own work (planning, writing) run on two cores. Parsing is a fifth of a
 * bulk load's files phase; the worker costs a few tens of milliseconds to start, which a smaller
 * file would not win back.
 */
export const PARSE_IN_WORKER_FROM_BYTES = 1 << 20;

/** Records per message from the worker, and how many messages it may send ahead of the reader. */
const WORKER_BATCH = 500;
const WORKER_IN_FLIGHT = 4;
/**
 * The worker's young generation. With V8's default the files phase of a bulk load of 1,000,000
 * shipments peaked at 491 MiB; with 4 MB, at 450–470 MiB, and no slower.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** The records of a file in order, in batches; how many of its bytes the parser has read; a way to stop early. */
interface RecordSource {
  readonly batches: AsyncIterable<readonly string[][]>;
  bytesRead(): number;
  close(): void;
}

function parsedHere(file: string, delimiter: string): RecordSource {
  const stream = createReadStream(file);
  const records = stream.pipe(parser(delimiter)) as unknown as AsyncIterable<string[]>;
  async function* batches(): AsyncGenerator<string[][]> {
    for await (const record of records) yield [record];
  }
  return { batches: batches(), bytesRead: () => stream.bytesRead, close: () => stream.destroy() };
}

/** What csv-parse-worker.js sends: a batch of records, the end, or the parser's (or the file's) error. */
type WorkerMessage =
  | { records: string[][]; bytesRead: number; done?: undefined; error?: undefined }
  | { done: true; bytesRead: number; error?: undefined }
  | { error: { code?: string; lines?: number; message: string } };

function parsedInWorker(file: string, delimiter: string): RecordSource {
  const worker = new Worker(new URL("./csv-parse-worker.js", import.meta.url), {
    workerData: { file, options: parserOptions(delimiter), batchSize: WORKER_BATCH, inFlight: WORKER_IN_FLIGHT },
    // Its records die young: a small young generation keeps its heap, and the import's peak memory, small.
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  let bytesRead = 0;
  async function* batches(): AsyncGenerator<string[][]> {
    try {
      for await (const [message] of on(worker, "message", { close: ["exit"] }) as AsyncIterable<[WorkerMessage]>) {
        if (message.error) throw Object.assign(new Error(message.error.message), message.error);
        bytesRead = message.bytesRead;
        if (message.done) return;
        worker.postMessage(1);
        yield message.records;
      }
      // A worker that ends without saying so must not pass for the end of the file.
      throw new Error(`the thread parsing ${path.basename(file)} stopped before the end of the file`);
    } finally {
      void worker.terminate();
    }
  }
  return { batches: batches(), bytesRead: () => bytesRead, close: () => void worker.terminate() };
}

/**
 * Streams the main file: a header, then rows checked for width and encoding; `nulls` cells read as
 * empty. A `rowNumber` column holds the data row's number (1 for the first row after the header;
 * empty lines are not rows), the same on every read of the same file. Files of
 * PARSE_IN_WORKER_FROM_BYTES or more are parsed on a worker thread (`inWorker` decides for tests):
 * the same parser with the same options, so the same rows and errors.
 */
export async function openMainInput(
  file: string,
  columns: readonly InputColumn[],
  delimiter: string,
  nulls: readonly string[] = [],
  inWorker?: boolean,
): Promise<MainInput> {
  const nullCells = new Set(nulls);
  const { size } = await stat(file);
  const source = (inWorker ?? size >= PARSE_IN_WORKER_FROM_BYTES) ? parsedInWorker(file, delimiter) : parsedHere(file, delimiter);
  async function* rows(): AsyncGenerator<MainRow> {
    let positions: Map<string, number> | undefined;
    let used: Set<number> | undefined;
    let header: string[] = [];
    let row = 0;
    try {
      for await (const batch of source.batches) {
        for (const record of batch) {
          if (!positions) {
            header = record;
            positions = locateColumns(file, record, columns);
            continue;
          }
          row += 1;
          used ??= usedPositions(positions);
          yield { row, cells: cellsOf(record, row, positions, columns, nullCells), problems: recordProblems(record, header, header.length, used) };
        }
      }
    } catch (error) {
      throw asInputError(file, error);
    }
    if (!positions) throw new InputError(`${file}: empty, not even a header`);
  }
  return { rows: rows(), bytesRead: () => Math.min(source.bytesRead(), size), totalBytes: size, close: () => source.close() };
}

function asInputError(file: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  const csvError = error as { code?: string; lines?: number; message?: string };
  if (csvError.code?.startsWith("CSV_")) return new InputError(`${file} line ${csvError.lines ?? "?"}: ${csvError.message}`);
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return new InputError(`${file}: no such file`);
  return error;
}
