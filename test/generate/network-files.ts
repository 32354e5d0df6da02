import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { parse } from "csv-parse/sync";

import type { GroundTruth } from "../../src/generate/ground-truth.js";
import { GROUND_TRUTH_FILE, layout, type TableName } from "../../src/generate/layout.js";

/** Helpers for the generator's tests: read a generated folder back with a CSV parser, not with the generator's code. */

export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));

export type Row = Record<string, string>;

export interface NetworkFiles {
  readonly headers: Record<TableName, string[]>;
  readonly rows: Record<TableName, Row[]>;
  readonly truth: GroundTruth;
}

export async function readCsv(file: string): Promise<{ header: string[]; rows: Row[] }> {
  const text = await readFile(file, "utf8");
  const records = parse(text, { bom: false, relax_column_count: false }) as string[][];
  const [header, ...data] = records;
  const rows = data.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]])));
  return { header, rows };
}

export async function readNetwork(directory: string): Promise<NetworkFiles> {
  const headers = {} as Record<TableName, string[]>;
  const rows = {} as Record<TableName, Row[]>;
  for (const name of Object.keys(layout) as TableName[]) {
    const { header, rows: data } = await readCsv(path.join(directory, layout[name].file));
    headers[name] = header;
    rows[name] = data;
  }
  const truth = JSON.parse(await readFile(path.join(directory, GROUND_TRUTH_FILE), "utf8")) as GroundTruth;
  return { headers, rows, truth };
}

/** File name → SHA-256 of its bytes, for every file in the folder. */
export async function hashFolder(directory: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of (await readdir(directory)).sort()) {
    hashes[file] = createHash("sha256").update(await readFile(path.join(directory, file))).digest("hex");
  }
  return hashes;
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** An undirected multigraph of typed edges, as the files describe it, for path searches. */
export class Graph {
  private readonly adjacency = new Map<string, { to: string; type: string }[]>();

  add(from: string, to: string, type: string): void {
    for (const [a, b] of [[from, to], [to, from]]) {
      const list = this.adjacency.get(a);
      if (list) list.push({ to: b, type });
      else this.adjacency.set(a, [{ to: b, type }]);
    }
  }

  /** Length of the shortest paths from `source` to `target` over the given types, and how many there are. */
  shortestPaths(source: string, target: string, types: ReadonlySet<string>, maxDepth: number): { distance: number; count: number } | null {
    const distance = new Map<string, number>([[source, 0]]);
    const count = new Map<string, number>([[source, 1]]);
    let frontier = [source];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const edge of this.adjacency.get(node) ?? []) {
          if (!types.has(edge.type)) continue;
          const seen = distance.get(edge.to);
          if (seen === undefined) {
            distance.set(edge.to, depth + 1);
            count.set(edge.to, count.get(node) ?? 0);
            next.push(edge.to);
          } else if (seen === depth + 1) {
            count.set(edge.to, (count.get(edge.to) ?? 0) + (count.get(node) ?? 0));
          }
        }
      }
      if (distance.has(target)) return { distance: distance.get(target) ?? 0, count: count.get(target) ?? 0 };
      frontier = next;
    }
    return null;
  }
}

/** Builds the graph of every relationship the CSV files encode (all but SOURCED_FROM and BORDERS). */
export function graphOf(rows: Record<TableName, Row[]>): Graph {
  const graph = new Graph();
  for (const row of rows.identifierHolders) graph.add(row.holderId, row.identifierId, "HAS_IDENTIFIER");
  for (const row of rows.officers) graph.add(row.personId, row.companyId, "OFFICER_OF");
  for (const row of rows.parties) graph.add(row.partyId, row.shipmentId, "PARTY_TO");
  for (const row of rows.routeStops) graph.add(row.shipmentId, row.placeId || row.countryId, "STOPS_AT");
  for (const row of rows.shipments) if (row.carrierId) graph.add(row.id, row.carrierId, "CARRIED_BY");
  for (const row of rows.commodityLines) {
    graph.add(row.shipmentId, row.id, "CARRIED");
    graph.add(row.id, row.speciesId, "OF_SPECIES");
    if (row.seizureId) graph.add(row.seizureId, row.id, "RECOVERED");
  }
  for (const row of rows.seizures) {
    graph.add(row.id, row.shipmentId, "INTERCEPTED");
    graph.add(row.id, row.countryId, "SEIZED_IN");
    if (row.placeId) graph.add(row.id, row.placeId, "SEIZED_AT");
  }
  for (const row of rows.arrests) graph.add(row.seizureId, row.personId, "ARRESTED");
  for (const row of rows.persons) graph.add(row.id, row.nationalityId, "NATIONAL_OF");
  for (const row of rows.companies) graph.add(row.id, row.countryId, "REGISTERED_IN");
  for (const row of rows.places) graph.add(row.id, row.countryId, "IN_COUNTRY");
  return graph;
}
