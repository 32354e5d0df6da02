import { readFileSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { InputColumn } from "../../src/import/mapping/compiled-mapping.js";
import { InputError } from "../../src/import/mapping/mapping-error.js";
import { openMainInput, PARSE_IN_WORKER_FROM_BYTES, type MainRow } from "../../src/import/read/csv-input.js";

/**
 * Main files from PARSE_IN_WORKER_FROM_BYTES up are parsed on a worker thread. Both ways must give
 * the same rows, problems and errors; the worker's batches and its bound on batches sent ahead must
 * neither lose, repeat nor reorder a row; a reader that stops early must stop the worker. No
 * database: files are only read.
 */
const COLUMNS: InputColumn[] = [
  { kind: "header", name: "id", header: "id", occurrence: null },
  { kind: "header", name: "name", header: "name", occurrence: null },
  { kind: "position", name: "third", position: 3, header: null },
  { kind: "rowNumber", name: "row" },
];

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "csv-input-worker-"));
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, text: string | Buffer): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, text);
  return file;
}

async function readAll(file: string, inWorker: boolean, nulls: string[] = []): Promise<MainRow[]> {
  const input = await openMainInput(file, COLUMNS, ",", nulls, inWorker);
  const rows: MainRow[] = [];
  try {
    for await (const row of input.rows) rows.push(row);
    expect(input.bytesRead()).toBe(input.totalBytes);
  } finally {
    input.close();
  }
  return rows;
}

async function errorOf(file: string, inWorker: boolean): Promise<string> {
  try {
    await readAll(file, inWorker);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("the file was read");
}

/** This process's threads, from Linux's /proc (a worker thread is one more). */
function threads(): number {
  return Number(/^Threads:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))![1]);
}

describe("a main file parsed on a worker thread", () => {
  it("gives the rows, cells and problems that parsing in the reading thread gives", async () => {
    const lines = [
      "\uFEFFid,name,third,unused",
      "1,plain,x,",
      '2,"quoted, with comma","multi\nline",',
      "",
      '3,say "hi" loosely,y,',
      "4,short",
      "5,long,z,a,b",
      "6,NA,\uFFFD in a used column,",
      "7,n,w,\uFFFD in an unused column",
      '8,"""quoted quotes""",v,',
    ];
    const file = await fileWith("tricky.csv", lines.join("\r\n") + "\r\n");
    const here = await readAll(file, false, ["NA"]);
    expect(here.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(here[1].cells).toEqual({ id: "2", name: "quoted, with comma", third: "multi\nline", row: "2" });
    expect(here[2].cells.name).toBe('say "hi" loosely');
    expect(here[3].problems.map((problem) => problem.kind)).toEqual(["row"]);
    expect(here[5].cells.name).toBe("");
    expect(here[5].problems.map((problem) => problem.kind)).toEqual(["encoding"]);
    expect(here[6].problems).toEqual([]);
    expect(await readAll(file, true, ["NA"])).toEqual(here);
  });

  it("keeps every row in order across many batches, with the reader slower than the parser", async () => {
    const count = 12_345;
    const body = Array.from({ length: count }, (_, index) => `${index + 1},name ${index + 1},${"x".repeat(index % 50)}`);
    const file = await fileWith("many.csv", ["id,name,third", ...body].join("\n") + "\n");
    const input = await openMainInput(file, COLUMNS, ",", [], true);
    const ids: number[] = [];
    try {
      for await (const row of input.rows) {
        ids.push(Number(row.cells.id));
        expect(row.cells.row).toBe(row.cells.id);
        // Now and then the reader lets the worker run ahead, which its bound must hold back.
        if (row.row % 1_000 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      input.close();
    }
    expect(ids).toEqual(Array.from({ length: count }, (_, index) => index + 1));
  });

  it("reports the parser's errors with the same message", async () => {
    const file = await fileWith("unclosed.csv", 'id,name,third\n1,a,b\n2,"never closed,c\n3,d,e\n');
    const here = await errorOf(file, false);
    expect(here).toMatch(/unclosed\.csv line \d+: /);
    expect(await errorOf(file, true)).toBe(here);
  });

  it("reports a header that lacks a column with the same message", async () => {
    const file = await fileWith("no-name.csv", "id,other,third\n1,a,b\n");
    const here = await errorOf(file, false);
    expect(here).toContain('the header lacks "name"');
    expect(await errorOf(file, true)).toBe(here);
  });

  it("runs on a thread of its own, and a reader that stops early stops it", async () => {
    const body = Array.from({ length: 20_000 }, (_, index) => `${index},n,t`);
    const file = await fileWith("stopped.csv", ["id,name,third", ...body].join("\n") + "\n");
    // The thread pool's threads are made at the first file operation: they must be there before counting.
    await stat(file);
    const before = threads();
    const input = await openMainInput(file, COLUMNS, ",", [], true);
    let read = 0;
    for await (const _ of input.rows) {
      read += 1;
      if (read === 1) expect(threads()).toBeGreaterThan(before);
      if (read === 10) break;
    }
    input.close();
    expect(read).toBe(10);
    await expect.poll(threads, { timeout: 5_000 }).toBeLessThanOrEqual(before);
  });

  it("is chosen for files from PARSE_IN_WORKER_FROM_BYTES up", async () => {
    const row = "1,a name of some length,and a third column\n";
    const rows = Math.ceil(PARSE_IN_WORKER_FROM_BYTES / row.length) + 1;
    const file = await fileWith("large.csv", "id,name,third\n" + row.repeat(rows));
    expect((await stat(file)).size).toBeGreaterThanOrEqual(PARSE_IN_WORKER_FROM_BYTES);
    const before = threads();
    const input = await openMainInput(file, COLUMNS, ",");
    let first = true;
    let count = 0;
    for await (const _ of input.rows) {
      if (first) expect(threads()).toBeGreaterThan(before);
      first = false;
      count += 1;
    }
    input.close();
    expect(count).toBe(rows);
  });
});
