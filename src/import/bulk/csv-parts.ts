import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";

import { isDate, isInt } from "neo4j-driver";

import type { PropertyValue } from "../mapping/compiled-mapping.js";

/**
 * Typed CSV files for `neo4j-admin database import`: one data file per label (or relationship type
 * and ends) and shape of row (the properties it has and their types), each with its header in a
 * file of its own, written when the data is complete. A row holds every column of its file, so an
 * empty cell never has to mean "no property"; strings are always quoted, so `""` is an empty string.
 */

/** Between the items of a list, and between labels: a character no value of the graph holds. */
export const ARRAY_DELIMITER = "\u001f";
/** How `--array-delimiter` names it. */
export const ARRAY_DELIMITER_OPTION = "U+001F";

/**
 * Each part's bytes wait in a buffer of their own until it is full. Lines gathered into a string
 * (`buffer += line`) outlive many young-generation collections, so megabytes of them were copied
 * into the old generation for every part and discarded there (at 1,000,000 shipments the files
 * phase's peak RSS went 772 → 615 MiB with byte buffers, and its time 179 → 158 s).
 */
const BUFFER_BYTES = 1 << 18;

export type CsvType = "string" | "double" | "long" | "boolean" | "date" | "string[]";

/** A property value as a typed cell, or null where a CSV cell cannot hold it exactly (an empty list). */
export function cellOf(value: PropertyValue | unknown): { type: CsvType; text: string } | null {
  if (typeof value === "string") return { type: "string", text: quote(value) };
  if (typeof value === "number") return Number.isFinite(value) ? { type: "double", text: String(value) } : null;
  if (typeof value === "boolean") return { type: "boolean", text: String(value) };
  if (isInt(value)) return { type: "long", text: value.toString() };
  if (isDate(value)) return { type: "date", text: value.toString() };
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.length === 0 || items.some((item) => typeof item !== "string" || item === "" || item.includes(ARRAY_DELIMITER))) return null;
    return { type: "string[]", text: quote(items.join(ARRAY_DELIMITER)) };
  }
  return null;
}

export function quote(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export interface CsvPartFile {
  /** `nodes`, or `relationships` of one type. */
  readonly kind: "nodes" | "relationships";
  readonly type: string | null;
  readonly header: string;
  readonly data: string;
  readonly rows: number;
}

class Part {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private readonly fd: number;
  rows = 0;

  constructor(
    readonly kind: "nodes" | "relationships",
    readonly type: string | null,
    readonly headerLine: string,
    readonly header: string,
    readonly data: string,
  ) {
    this.fd = openSync(data, "w");
  }

  /** One line, ending with its line break. */
  write(line: string): void {
    this.rows += 1;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.used + line.length * 3 > BUFFER_BYTES) {
      this.flush();
      if (line.length * 3 > BUFFER_BYTES) {
        writeAll(this.fd, Buffer.from(line, "utf8"));
        return;
      }
    }
    this.used += this.buffer.write(line, this.used, "utf8");
  }

  flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  close(): CsvPartFile {
    this.flush();
    closeSync(this.fd);
    writeFileSync(this.header, this.headerLine + "\n");
    return { kind: this.kind, type: this.type, header: this.header, data: this.data, rows: this.rows };
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The part files of one bulk load, in one folder. */
export class CsvParts {
  private readonly parts = new Map<string, Part>();
  /** Whether some value holds a line break (the import then needs `--multiline-fields`). */
  multiline = false;

  constructor(private readonly dir: string) {}

  /**
   * A node row: its node id in the new database (`--id-type=actual`: the import tool keeps no table
   * of ids to map), its `id` property, its labels, and its properties (each already a cell, see
   * cellOf), in one file per label and shape.
   */
  node(label: string, nodeId: number, id: string, labels: readonly string[], cells: readonly (readonly [string, { type: CsvType; text: string }])[]): void {
    let key = `n|${label}`;
    for (const [name, cell] of cells) key += `|${name}:${cell.type}`;
    let part = this.parts.get(key);
    if (!part) {
      part = this.open(key, "nodes", null, [":ID", "id:string", ":LABEL", ...cells.map(([name, cell]) => checkName(`${name}:${cell.type}`))]);
    }
    let line = `${nodeId},${quote(id)},${labels.length === 1 ? labels[0] : labels.join(ARRAY_DELIMITER)}`;
    for (const [, cell] of cells) line += `,${cell.text}`;
    this.watch(line);
    part.write(line + "\n");
  }

  /** A relationship row of one type, between two node ids of the new database. */
  relationship(type: string, from: number, to: number, cells: readonly (readonly [string, { type: CsvType; text: string }])[]): void {
    let key = `r|${type}`;
    for (const [name, cell] of cells) key += `|${name}:${cell.type}`;
    let part = this.parts.get(key);
    if (!part) part = this.open(key, "relationships", type, [":START_ID", ":END_ID", ...cells.map(([name, cell]) => checkName(`${name}:${cell.type}`))]);
    let line = `${from},${to}`;
    for (const [, cell] of cells) line += `,${cell.text}`;
    this.watch(line);
    part.write(line + "\n");
  }

  /** Closes every file and writes the headers; returns the files, in the order they were opened. */
  close(): CsvPartFile[] {
    return [...this.parts.values()].map((part) => part.close());
  }

  private open(key: string, kind: "nodes" | "relationships", type: string | null, header: string[]): Part {
    const name = `${this.parts.size + 1}-${kind}${type ? `-${type}` : ""}`;
    const part = new Part(kind, type, header.join(","), path.join(this.dir, `${name}.header.csv`), path.join(this.dir, `${name}.csv`));
    this.parts.set(key, part);
    return part;
  }

  private watch(line: string): void {
    if (!this.multiline && (line.includes("\n") || line.includes("\r"))) this.multiline = true;
  }
}

function checkName(column: string): string {
  const name = column.slice(0, column.lastIndexOf(":"));
  if (!NAME.test(name)) throw new RangeError(`the property name "${name}" cannot be written to a bulk-load header`);
  return column;
}
