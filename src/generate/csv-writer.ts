import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

/** What a CSV cell can hold. `null` and `undefined` are written as an empty cell. */
export type Cell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as RFC 4180 wants it: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to a CSV file`);
    return String(value);
  }
  return value ? "true" : "false";
}

const CHUNK_CHARS = 1 << 16;

/**
 * One CSV file written row by row. Rows collect in a small buffer that goes to the stream every 64K
 * characters; `drain()` waits while the stream's own buffer is full, so a producer that awaits it
 * now and then keeps memory flat however many rows it writes.
 */
export class CsvTable<Row> {
  private readonly stream: WriteStream;
  private buffer = "";
  private written = 0;

  constructor(
    readonly path: string,
    readonly columns: readonly (keyof Row & string)[],
  ) {
    this.stream = createWriteStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
    this.buffer = `${columns.join(",")}\n`;
  }

  /** Data rows written so far (the header is not counted). */
  get rows(): number {
    return this.written;
  }

  write(row: Row): void {
    let line = "";
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ",";
      line += csvCell(row[this.columns[i]] as Cell);
    }
    this.buffer += `${line}\n`;
    this.written++;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.stream.write(this.buffer);
    this.buffer = "";
  }

  /** Resolves once the stream can take more; cheap when it already can. */
  async drain(): Promise<void> {
    if (this.stream.writableNeedDrain) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
