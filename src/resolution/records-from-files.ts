import path from "node:path";

import { LIST_SEPARATOR, layout } from "../generate/layout.js";
import type { InputColumn } from "../import/mapping/compiled-mapping.js";
import { openMainInput } from "../import/read/csv-input.js";
import type { ResolutionKind, ResolutionRecord } from "./resolution-record.js";

/**
 * Reads the persons and companies of a folder of CSV files in the generator's layout (see
 * src/generate/README.md: `persons.csv`, `companies.csv`, `identifier-holders.csv`, `parties.csv`)
 * into resolution records: names with aliases, birth year and nationality (persons), registration
 * country (companies), held identifiers and the shipments each is party to.
 *
 * The files stream through the import's CSV reader, so only the records are held, not the rows.
 * `officers.csv` is not read: a record has no place for officer links, and the generator gives
 * duplicate records none, so they could only ever count against a true pair.
 *
 * Errors name the file and the row number, never a cell: cells hold names and identifiers.
 */
export async function readResolutionRecords(directory: string): Promise<ResolutionRecord[]> {
  const records = new Map<string, ResolutionRecord>();

  for await (const cells of rows(directory, layout.persons.file, ["id", "name", "aliases", "birthYear", "nationalityId"])) {
    const birthYear = cells.birthYear.trim() === "" ? null : Number(cells.birthYear);
    if (birthYear !== null && !Number.isInteger(birthYear)) throw new Error(`${layout.persons.file} row ${cells.row}: birthYear is not a whole number`);
    add(records, cells, {
      id: cells.id,
      kind: "Person",
      names: namesOf(cells.name, cells.aliases),
      birthYear,
      nationalities: present(cells.nationalityId),
      identifiers: [],
      shipments: [],
    });
  }
  for await (const cells of rows(directory, layout.companies.file, ["id", "name", "countryId", "incorporatedOn"])) {
    add(records, cells, {
      id: cells.id,
      kind: "Company",
      names: namesOf(cells.name, ""),
      incorporatedOn: cells.incorporatedOn === "" ? null : cells.incorporatedOn,
      nationalities: present(cells.countryId),
      identifiers: [],
      shipments: [],
    });
  }
  for await (const cells of rows(directory, layout.identifierHolders.file, ["holderId", "holderKind", "identifierId"])) {
    holder(records, cells, layout.identifierHolders.file, cells.holderId, cells.holderKind).identifiers.push(cells.identifierId);
  }
  for await (const cells of rows(directory, layout.parties.file, ["partyId", "partyKind", "shipmentId"])) {
    holder(records, cells, layout.parties.file, cells.partyId, cells.partyKind).shipments.push(cells.shipmentId);
  }
  return [...records.values()];
}

type Cells = Record<string, string> & { row: string };

async function* rows(directory: string, file: string, headers: readonly string[]): AsyncGenerator<Cells> {
  const columns: InputColumn[] = [
    ...headers.map((header): InputColumn => ({ kind: "header", name: header, header, occurrence: null })),
    { kind: "rowNumber", name: "row" },
  ];
  const input = await openMainInput(path.join(directory, file), columns, ",");
  try {
    for await (const { row, cells, problems } of input.rows) {
      if (problems.length > 0) throw new Error(`${file} row ${row}: ${problems[0]!.reason}`);
      yield cells as Cells;
    }
  } finally {
    input.close();
  }
}

function add(records: Map<string, ResolutionRecord>, cells: Cells, record: ResolutionRecord): void {
  if (record.id === "") throw new Error(`row ${cells.row}: no id`);
  if (records.has(record.id)) throw new Error(`row ${cells.row}: id ${record.id} given twice`);
  records.set(record.id, record);
}

/** The record a relationship row points to; it must be of the kind the row says. */
function holder(records: ReadonlyMap<string, ResolutionRecord>, cells: Cells, file: string, id: string, kind: string): ResolutionRecord {
  const record = records.get(id);
  if (record === undefined) throw new Error(`${file} row ${cells.row}: ${id} is neither in ${layout.persons.file} nor in ${layout.companies.file}`);
  if (record.kind !== (kind as ResolutionKind)) throw new Error(`${file} row ${cells.row}: ${id} is a ${record.kind}, the row says ${kind}`);
  return record;
}

function namesOf(name: string, aliases: string): string[] {
  const names = [name, ...aliases.split(LIST_SEPARATOR)].map((text) => text.trim()).filter((text) => text !== "");
  return [...new Set(names)];
}

const present = (value: string): string[] => (value.trim() === "" ? [] : [value.trim()]);
