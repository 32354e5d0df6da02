import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addRowKey } from "../../src/import/generated-files.js";

/**
 * The keyed copies of a generated network's keyless files are made byte for byte, records found by
 * their line breaks outside quotes. The expected cells come from a CSV parser read of the input,
 * numbered here, not from the copy's own logic.
 */
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "add-row-key-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function copyOf(text: string | Buffer): Promise<{ expected: string[][]; copied: string[][]; bytes: string }> {
  const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  const output = `${input}.keyed.csv`;
  await writeFile(input, text);
  await addRowKey(input, output);
  const records = parse(await readFile(input), { bom: true, relax_column_count: true }) as string[][];
  const expected = records.map((record, index) => [index === 0 ? "row" : String(index), ...record]);
  const bytes = await readFile(output, "utf8");
  return { expected, copied: parse(bytes, { relax_column_count: true }) as string[][], bytes };
}

describe("addRowKey", () => {
  it("numbers the data rows from 1 behind a `row` header", async () => {
    const { expected, copied, bytes } = await copyOf("a,b\nx,1\ny,2\n");
    expect(copied).toEqual(expected);
    expect(bytes).toBe("row,a,b\n1,x,1\n2,y,2\n");
  });

  it("keeps a quoted cell's line breaks, commas and doubled quotes inside its row", async () => {
    const { expected, copied } = await copyOf('id,note\nA,"two\nlines, and ""quotes"""\nB,plain\nC,"x\r\ny"\n');
    expect(copied).toEqual(expected);
    expect(copied.map((record) => record[0])).toEqual(["row", "1", "2", "3"]);
  });

  it("drops a byte order mark, keeps CRLF line ends, and ends a last row without a line break", async () => {
    const { expected, copied, bytes } = await copyOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("id,n\r\nA,1\r\nB,2")]));
    expect(copied).toEqual(expected);
    expect(bytes).toBe("row,id,n\r\n1,A,1\r\n2,B,2\r\n");
  });

  it("numbers rows across the chunks a large file is read in", async () => {
    const lines = ["id,text"];
    for (let i = 1; i <= 20_000; i += 1) lines.push(i % 7 === 0 ? `k${i},"multi\nline ${i}"` : `k${i},plain ${i}`);
    const { expected, copied } = await copyOf(lines.join("\n") + "\n");
    expect(copied.length).toBe(20_001);
    expect(copied).toEqual(expected);
  });
});
