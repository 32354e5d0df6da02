import path from "node:path";

import { CsvTable } from "./csv-writer.js";
import { layout, type RowOf, type TableName } from "./layout.js";

/** One open CSV table per file of the layout, all written in step. */
export type Tables = { readonly [Name in TableName]: CsvTable<RowOf<Name>> };

export function openTables(directory: string): Tables {
  const entries = (Object.keys(layout) as TableName[]).map((name) => {
    const spec = layout[name];
    return [name, new CsvTable(path.join(directory, spec.file), spec.columns)] as const;
  });
  return Object.fromEntries(entries) as unknown as Tables;
}

function allTables(tables: Tables): CsvTable<unknown>[] {
  return Object.values(tables) as CsvTable<unknown>[];
}

/** Waits until every stream has room again; called every few hundred rows, it keeps memory flat. */
export async function drainAll(tables: Tables): Promise<void> {
  for (const table of allTables(tables)) await table.drain();
}

export async function closeAll(tables: Tables): Promise<void> {
  await Promise.all(allTables(tables).map((table) => table.close()));
}

/** Data rows written per file, in layout order. */
export function rowCounts(tables: Tables): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(layout) as TableName[]) counts[layout[name].file] = tables[name].rows;
  return counts;
}
