import { readFile } from "node:fs/promises";

import { parse } from "csv-parse/sync";

import type { PressRelease } from "./press-release.js";

const COLUMNS = ["year", "month", "date", "title", "url", "article"] as const;

/**
 * The releases of a TSV shaped like the shared file (a header, then year, month, date, title, url,
 * article). Cells are not quoted: quotes in a text are kept as written.
 */
export async function readReleases(file: string): Promise<PressRelease[]> {
  const records = parse(await readFile(file), {
    delimiter: "\t",
    columns: true,
    bom: true,
    quote: false,
    relax_column_count: false,
  }) as Record<string, string>[];
  const header = records.length > 0 ? Object.keys(records[0]!) : [...COLUMNS];
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`${file}: the header lacks ${missing.join(", ")}`);
  return records.map((record, index) => ({
    row: index + 1,
    dateText: record.date!.trim(),
    title: record.title!.replace(/^[\s\u200b]+/u, "").trim(),
    url: record.url!.trim(),
    article: record.article!,
  }));
}
