import { createReadStream } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse";

import { layout } from "../generate/layout.js";
import { DEFAULT_LINK_WEIGHTS, PartyGraphBuilder, type LinkWeights, type PartyKind, type PartyRef } from "./party-graph.js";

/**
 * The party graph of a folder of CSV files in the generator's layout (`identifier-holders.csv`,
 * `parties.csv`, `officers.csv`; see src/generate/README.md), built as the analysis builds it from
 * Neo4j's export: identifiers in id order (those with more than maxIdentifierHolders holders left
 * out), shipments in id order, officers by person. Lets ring detection be measured against the
 * generator's ground truth without a database. Errors name the file and the row, never a cell.
 */
export async function partyGraphFromFiles(directory: string, weights: LinkWeights = DEFAULT_LINK_WEIGHTS): Promise<PartyGraphBuilder> {
  const builder = new PartyGraphBuilder(weights);
  const holders = await grouped(directory, layout.identifierHolders.file, "identifierId", "holderId", "holderKind");
  for (const key of [...holders.keys()].sort()) {
    const list = holders.get(key)!;
    if (list.length >= 2) builder.addIdentifier(list);
  }
  const parties = await grouped(directory, layout.parties.file, "shipmentId", "partyId", "partyKind");
  for (const key of [...parties.keys()].sort()) builder.addShipment(parties.get(key)!);
  const officers: [string, string][] = [];
  for await (const row of rows(directory, layout.officers.file)) officers.push([row.personId, row.companyId]);
  officers.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  for (const [person, company] of officers) builder.addOfficer({ id: person, kind: "Person" }, { id: company, kind: "Company" });
  return builder;
}

async function grouped(directory: string, file: string, groupColumn: string, idColumn: string, kindColumn: string): Promise<Map<string, PartyRef[]>> {
  const groups = new Map<string, PartyRef[]>();
  let row = 1;
  for await (const cells of rows(directory, file)) {
    row++;
    const kind = cells[kindColumn];
    if (kind !== "Person" && kind !== "Company") throw new Error(`${file} row ${row}: ${kindColumn} is neither Person nor Company`);
    const party: PartyRef = { id: cells[idColumn], kind: kind as PartyKind };
    const list = groups.get(cells[groupColumn]);
    if (list) list.push(party);
    else groups.set(cells[groupColumn], [party]);
  }
  return groups;
}

async function* rows(directory: string, file: string): AsyncGenerator<Record<string, string>> {
  const parser = createReadStream(path.join(directory, file)).pipe(parse({ columns: true, bom: true }));
  for await (const record of parser) yield record as Record<string, string>;
}
