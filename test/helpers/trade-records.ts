import path from "node:path";

import type { NetworkFiles } from "../generate/network-files.js";
import { readCsv, ROUTES_DIR, ROUTES_ISO_OF } from "../import/helpers/import-context.js";

/**
 * Seizure records as the source files give them, read with csv-parse and never through the import,
 * and the figures the analyst fields must give for them, by the rules the API documents:
 * - a record's route is its origins, then its transits in order, then its destinations; several
 *   origins or destinations are alternatives, so a record describes one route per origin and destination;
 * - a hop goes from a stop to each stop of the next layer; at country level a hop inside one country is none;
 * - routes(from, to) counts a record when a stop in `from` (not a destination) comes before a stop
 *   in `to` (not an origin); the route shown starts at that stop when it is an origin (else at each
 *   origin) and ends likewise.
 */

export type Role = "ORIGIN" | "TRANSIT" | "DESTINATION";

export interface Stop {
  role: Role;
  country: string;
}

/** One seizure and the route of the shipment it intercepted. */
export interface SeizureRecord {
  /** The seizure's id as its file writes it (ROUTES: the ID column; the generator: the seizure id). */
  id: string;
  shipment: string;
  stops: Stop[];
  /** Seizure date `YYYY-MM-DD`, null when the file gives no single day. */
  date: string | null;
  seizedIn: string | null;
  /** The weight the graph can know: a plain number on a row naming at most one species. */
  weightKg: number | null;
  /** A weight the test cannot read with certainty ("400g each"): weights of groups holding it are not compared. */
  oddWeight: boolean;
}

/** A ROUTES record: tot.csv joined to transittots.csv. */
export interface RoutesRecord extends SeizureRecord {
  /** Which ROUTES database: Ivory, Rhino Horn, Reptiles, Birds. */
  database: string;
}

const STOP_COLUMNS: [Role, string][] = [
  ["ORIGIN", "Origin Country1"], ["ORIGIN", "Origin Country2"], ["ORIGIN", "Origin Country3"],
  ["TRANSIT", "Transit Country1"], ["TRANSIT", "Transit Country2"], ["TRANSIT", "Transit Country3"], ["TRANSIT", "Transit Country4"],
  ["DESTINATION", "Destination Country1"], ["DESTINATION", "Destination Country2"], ["DESTINATION", "Destination Country3"],
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function isoDate(text: string): string | null {
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]) + 1;
  return `20${match[3]}-${String(month).padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

function iso(name: string): string {
  const code = ROUTES_ISO_OF[name.trim()];
  if (!code) throw new Error(`no ISO code for ROUTES country ${name}`);
  return code;
}

/** The ROUTES records, one per row of tot.csv, with the route transittots.csv gives it. */
export function readRoutesRecords(): RoutesRecord[] {
  const tot = readCsv(path.join(ROUTES_DIR, "tot.csv"));
  const transit = new Map(readCsv(path.join(ROUTES_DIR, "transittots.csv")).map((row) => [row.ID, row]));
  return tot.map((row) => {
    const chain = transit.get(row.ID)!;
    const weightText = row["Weight (kg)"].trim();
    const items = row.Species.split(";").filter((item) => item.trim() !== "");
    const plain = /^\d+(\.\d+)?$/.test(weightText);
    return {
      id: row.ID,
      shipment: row.ID,
      stops: STOP_COLUMNS.filter(([, column]) => (chain[column] ?? "").trim()).map(([role, column]) => ({ role, country: iso(chain[column]) })),
      database: row.Database.trim(),
      date: isoDate(row.Date),
      seizedIn: chain["Seizure Country"].trim() ? iso(chain["Seizure Country"]) : null,
      weightKg: plain && items.length <= 1 ? Number(weightText) : null,
      oddWeight: weightText !== "" && !plain,
    };
  });
}

/** A seizure of a generated network, with what its commodity lines say. */
export interface GeneratedRecord extends SeizureRecord {
  mode: string;
  /** One entry per commodity line the seizure recovered. */
  lines: { product: string; species: string | null; genus: string | null; order: string | null }[];
}

/** The seizures of a generated network, from seizures.csv, route-stops.csv, places.csv, commodity-lines.csv and species.csv. */
export function generatedRecords(files: NetworkFiles): GeneratedRecord[] {
  const { rows } = files;
  const countryOfPlace = new Map(rows.places.map((place) => [place.id, place.countryId]));
  const taxon = new Map(rows.species.map((species) => [species.id, species]));
  const modeOf = new Map(rows.shipments.map((shipment) => [shipment.id, shipment.mode]));
  const stopsOf = new Map<string, { seq: number; stop: Stop }[]>();
  for (const row of rows.routeStops) {
    const country = row.placeId ? countryOfPlace.get(row.placeId) : row.countryId;
    if (!country) throw new Error(`route-stops.csv: no country for the stop ${row.shipmentId} ${row.seq}`);
    const list = stopsOf.get(row.shipmentId) ?? [];
    list.push({ seq: Number(row.seq), stop: { role: row.role as Role, country } });
    stopsOf.set(row.shipmentId, list);
  }
  const linesOf = new Map<string, GeneratedRecord["lines"]>();
  for (const line of rows.commodityLines) {
    if (!line.seizureId) continue;
    const species = line.speciesId ? taxon.get(line.speciesId) : undefined;
    const list = linesOf.get(line.seizureId) ?? [];
    list.push({ product: line.product, species: line.speciesId || null, genus: species?.genus || null, order: species?.order || null });
    linesOf.set(line.seizureId, list);
  }
  return rows.seizures.map((seizure) => ({
    id: seizure.id,
    shipment: seizure.shipmentId,
    stops: (stopsOf.get(seizure.shipmentId) ?? []).sort((a, b) => a.seq - b.seq).map(({ stop }) => stop),
    date: seizure.date || null,
    seizedIn: seizure.countryId || null,
    // Weights are not compared for generated records.
    weightKg: null,
    oddWeight: true,
    mode: modeOf.get(seizure.shipmentId)!,
    lines: linesOf.get(seizure.id) ?? [],
  }));
}

/** Consecutive repeats named once. */
export function collapse(countries: string[]): string[] {
  return countries.filter((country, index) => index === 0 || country !== countries[index - 1]);
}

/** The routes (as "KE>AE>CN") that a record describes between two countries. */
export function routesOf(record: SeizureRecord, from: string, to: string): Set<string> {
  const { stops } = record;
  const origins = stops.filter((stop) => stop.role === "ORIGIN");
  const transits = stops.filter((stop) => stop.role === "TRANSIT");
  const destinations = stops.filter((stop) => stop.role === "DESTINATION");
  const found = new Set<string>();
  stops.forEach((start, i) =>
    stops.forEach((end, j) => {
      if (!(i < j && start.country === from && start.role !== "DESTINATION" && end.country === to && end.role !== "ORIGIN")) return;
      const firsts = start.role === "ORIGIN" ? [start] : origins.length > 0 ? origins : [null];
      const lasts = end.role === "DESTINATION" ? [end] : destinations.length > 0 ? destinations : [null];
      for (const first of firsts) {
        for (const last of lasts) {
          const path = [first, ...transits, last].filter((stop): stop is Stop => stop !== null).map((stop) => stop.country);
          found.add(collapse(path).join(">"));
        }
      }
    }),
  );
  return found;
}

/** The country-level hops of a record, as "KE>AE". */
export function hopsOf(record: SeizureRecord): Set<string> {
  const hops = new Set<string>();
  record.stops.forEach((here, i) =>
    record.stops.forEach((next, j) => {
      if (!(i < j && here.role !== "DESTINATION" && next.role !== "ORIGIN")) return;
      if (record.stops.slice(i + 1, j).some((stop) => stop.role === "TRANSIT")) return;
      if (here.country !== next.country) hops.add(`${here.country}>${next.country}`);
    }),
  );
  return hops;
}

/** The seizures (and their shipments, weights and latest date) of one route, hop or hub. */
export interface Group {
  ids: Set<string>;
  shipments: Set<string>;
  weightKg: number | null;
  weighed: number;
  comparableWeight: boolean;
  lastSeen: string | null;
}

export function group(entries: [string, SeizureRecord][]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const [key, record] of entries) {
    const group = groups.get(key) ?? { ids: new Set(), shipments: new Set(), weightKg: null, weighed: 0, comparableWeight: true, lastSeen: null };
    if (!group.ids.has(record.id)) {
      group.ids.add(record.id);
      group.shipments.add(record.shipment);
      if (record.weightKg !== null) {
        group.weightKg = (group.weightKg ?? 0) + record.weightKg;
        group.weighed += 1;
      }
      if (record.oddWeight) group.comparableWeight = false;
      if (record.date && (!group.lastSeen || record.date > group.lastSeen)) group.lastSeen = record.date;
    }
    groups.set(key, group);
  }
  return groups;
}

/** The observed routes from one country to another, grouped. */
export function expectedRoutes(records: readonly SeizureRecord[], from: string, to: string): Map<string, Group> {
  return group(records.flatMap((record) => [...routesOf(record, from, to)].map((route): [string, SeizureRecord] => [route, record])));
}

/** The country-level flows, grouped by hop. */
export function expectedFlows(records: readonly SeizureRecord[]): Map<string, Group> {
  return group(records.flatMap((record) => [...hopsOf(record)].map((hop): [string, SeizureRecord] => [hop, record])));
}

/**
 * The transit countries of the records, ranked by the shipments through them (then by code), and
 * the number of shipments that name a transit.
 */
export function expectedHubs(records: readonly SeizureRecord[]): { total: number; ranked: [string, number][] } {
  const through = new Map<string, Set<string>>();
  const withTransit = new Set<string>();
  for (const record of records) {
    const hubs = new Set(record.stops.filter((stop) => stop.role === "TRANSIT").map((stop) => stop.country));
    if (hubs.size > 0) withTransit.add(record.shipment);
    for (const hub of hubs) through.set(hub, (through.get(hub) ?? new Set()).add(record.shipment));
  }
  const ranked = [...through].map(([hub, shipments]): [string, number] => [hub, shipments.size]).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return { total: withTransit.size, ranked };
}
