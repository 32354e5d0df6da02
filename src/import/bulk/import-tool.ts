import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { checkJavaVersion, ensureLauncherLibs, javaExecutable, launcherClasspath } from "../../db/embedded-neo4j.js";
import { ARRAY_DELIMITER_OPTION, type CsvPartFile } from "./csv-parts.js";

/**
 * `neo4j-admin database import full`, run from the jars the embedded launcher already fetched
 * (neo4j-import-tool is among them): `org.neo4j.cli.AdminTool` is the entry point of
 * `neo4j-admin`, and finds the import command through its service registry.
 */
const ADMIN_TOOL = "org.neo4j.cli.AdminTool";

export interface ImportToolOptions {
  /** The Neo4j home the embedded launcher will open: the database goes to `<home>/data/databases/neo4j`. */
  readonly home: string;
  /** Where the tool's configuration folder and report go. */
  readonly workDir: string;
  readonly parts: readonly CsvPartFile[];
  readonly multiline: boolean;
  /** The tool's JVM heap (`-Xmx`), its off-heap budget (`--max-off-heap-memory`) and its page cache. */
  readonly heap?: string;
  readonly offHeap?: string;
  readonly pageCache?: string;
  readonly log?: (line: string) => void;
}

export interface ImportToolResult {
  readonly seconds: number;
  /** The JVM's peak resident set (VmHWM, read every 100 ms while it ran). */
  readonly peakRssBytes: number;
  readonly cpuSeconds: number;
}

export class ImportToolError extends Error {
  override name = "ImportToolError";
}

/**
 * The memory of the tool's JVM. Nodes come with their node ids
 * (`--id-type=actual`), so the tool keeps no table of string ids to sort and search: that table was
 * most of its heap, and a third of its CPU time. What is left on the heap is the batches in flight:
 * 160 MiB, then 256 MiB and 320 MiB, ran out in the relationship linking of a million shipments
 * (3.1 million nodes, 13.85 million relationships), hence 512 MiB (a 1 GiB heap ran it with a peak
 * RSS of 865 MiB). Neo4j 5.26's linking stages read relationships in batches of 500 store pages
 * (120,000 records) and queue up to 10 batches between steps, whatever the settings: heap histograms
 * there held 3,000,000 to 3,120,000 relationship records (312 to 324 MB) and little else, and the
 * heap grew to its 512 MiB whatever the collector's free ratios: peak RSS 764 and 769 MiB with
 * `-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20`, 765 and 788 MiB without (two runs each on
 * the same files; one earlier run with them had 667), so they are not set. Around the heap: about
 * 85 MiB of the JVM's own, the tool's off-heap caches (130 MiB) and its 64 MiB page cache. At this
 * size the tool cannot run in 500 MB.
 * The serial collector needs no native structures of its own (the default one's took tens of MB on
 * two CPUs). Direct buffers (the read buffers) are capped by the heap size unless told otherwise,
 * and a heap this small needs more. Its page cache, left alone, is sized from the machine (1 GiB
 * here); writing the stores in order needs little.
 */
export const DEFAULT_TOOL_HEAP = "512m";
export const DEFAULT_TOOL_OFF_HEAP = "192m";
export const DEFAULT_TOOL_PAGE_CACHE = "64m";
const TOOL_DIRECT_MEMORY = "256m";
/** Each reader's buffer; it must hold the longest value of any cell (the tool's default is 4 MiB). */
const TOOL_READ_BUFFER = "1m";

export async function runImportTool(options: ImportToolOptions): Promise<ImportToolResult> {
  const log = options.log ?? (() => {});
  const java = javaExecutable();
  await checkJavaVersion(java);
  await ensureLauncherLibs(log);
  const conf = path.join(options.workDir, "conf");
  await mkdir(conf, { recursive: true });
  await writeFile(path.join(conf, "neo4j.conf"), `server.memory.pagecache.size=${options.pageCache ?? DEFAULT_TOOL_PAGE_CACHE}\n`);

  const args = [
    `-Xmx${options.heap ?? DEFAULT_TOOL_HEAP}`,
    `-XX:MaxDirectMemorySize=${TOOL_DIRECT_MEMORY}`,
    "-XX:+UseSerialGC",
    // A crash report goes with the tool's files, not into the working directory.
    `-XX:ErrorFile=${path.join(options.workDir, "hs_err_pid%p.log")}`,
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "-cp",
    launcherClasspath(),
    ADMIN_TOOL,
    "database",
    "import",
    "full",
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    // The files give every node its node id, and every relationship the node ids of its ends.
    "--id-type=actual",
    `--read-buffer-size=${TOOL_READ_BUFFER}`,
    `--max-off-heap-memory=${options.offHeap ?? DEFAULT_TOOL_OFF_HEAP}`,
    // The files hold no bad entry by construction: one would be a defect, so it stops the import.
    "--bad-tolerance=0",
    `--report-file=${path.join(options.workDir, "import.report")}`,
    ...(options.multiline ? ["--multiline-fields=true"] : []),
    ...options.parts.map((part) =>
      part.kind === "nodes" ? `--nodes=${part.header},${part.data}` : `--relationships=${part.type}=${part.header},${part.data}`,
    ),
    // No database name after the files: the file options take every word after them. It is `neo4j`, the default.
  ];
  const started = performance.now();
  const child = spawn(java, args, {
    env: { ...process.env, NEO4J_HOME: path.resolve(options.home), NEO4J_CONF: conf },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim() || /^[.\-\s]*\d+%/.test(line.trim()) || /^[.\s]+$/.test(line)) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      if (/IMPORT (DONE|FAILED)|Imported:|nodes$|relationships$|properties$|Peak memory/.test(line.trim())) log(`import tool: ${line.trim()}`);
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let peak = 0;
  let cpuTicks = 0;
  const sample = () => {
    const status = readProc(`/proc/${child.pid}/status`);
    const hwm = status && /VmHWM:\s+(\d+) kB/.exec(status);
    if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    const stat = readProc(`/proc/${child.pid}/stat`);
    if (stat) {
      const fields = stat.split(") ")[1]!.split(" ");
      cpuTicks = Number(fields[11]) + Number(fields[12]);
    }
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  }).finally(() => clearInterval(timer));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    // Out of heap, the tool shuts down while other threads still read its off-heap caches, and the
    // JVM may die of that instead: its crash report then names the first error.
    const outOfMemory = output.some((line) => line.includes("OutOfMemoryError")) || crashReportsOutOfMemory(options.workDir);
    const hint = outOfMemory ? `\nthe import tool ran out of heap: give it more (--tool-heap, now ${options.heap ?? DEFAULT_TOOL_HEAP})` : "";
    throw new ImportToolError(`neo4j-admin database import failed (exit code ${code}):\n${output.slice(-40).join("\n")}${hint}`);
  }
  return { seconds, peakRssBytes: peak, cpuSeconds: cpuTicks / 100 };
}

function crashReportsOutOfMemory(workDir: string): boolean {
  return readdirSync(workDir)
    .filter((name) => name.startsWith("hs_err_pid"))
    .some((name) => readProc(path.join(workDir, name))?.includes("OutOfMemoryError") ?? false);
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
