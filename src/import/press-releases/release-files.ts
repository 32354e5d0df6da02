import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { stringify } from "csv-stringify/sync";

import type { ExtractedSeizure, ReleaseReading } from "./extract-release.js";

/**
 * The files the extractor writes, read by mappings/hk-customs-press-releases.yaml: one row per
 * release that reports a seizure (its values, each value's sentence in `citations`, and what could
 * not be read in `flags`), and one row per release that does not (with the reason). Every release
 * of the input is in exactly one of the two.
 */
export const SEIZURES_FILE = "hk-customs-press-releases.csv";
export const NOT_SEIZURES_FILE = "hk-customs-press-releases.not-seizures.csv";

/** Lines and route stops a row has room for: no release names more than 4 kinds of goods or 5 stops. */
export const MAX_LINES = 5;
export const MAX_STOPS = 6;
/** Joins the items of a list cell; no release text holds it. */
export const LIST_SEPARATOR = "‖";

const LINE_FIELDS = ["Taxon", "Common", "Product", "ProductText", "WeightKg", "Quantity", "Unit", "QuantityText"] as const;
const STOP_FIELDS = ["Country", "Role", "Text"] as const;

export const SEIZURE_COLUMNS = [
  "releaseId", "row", "url", "title", "releaseDate",
  "date", "dateText", "placeName", "placeKind", "placeId", "locationText",
  "mode", "modeText", "concealment", "declaredContents", "detectionMethod", "arrestCount", "valueHkd", "valueText",
  "description", "citations", "flags",
  ...Array.from({ length: MAX_LINES }, (_, i) => LINE_FIELDS.map((field) => `line${i + 1}${field}`)).flat(),
  ...Array.from({ length: MAX_STOPS }, (_, i) => STOP_FIELDS.map((field) => `stop${i}${field}`)).flat(),
] as const;

export const NOT_SEIZURE_COLUMNS = ["releaseId", "row", "url", "title", "releaseDate", "reason", "sentence"] as const;

/** The release's own id on the Customs site (index_id_2084), else its row. */
export function releaseId(url: string, row: number): string {
  const match = /index_id_(\d+)/.exec(url);
  return match ? match[1]! : `row-${row}`;
}

/** "field: sentence" for every value read, in a stable order. */
export function citationsOf(seizure: ExtractedSeizure): string[] {
  const cited: [string, string | undefined][] = [
    ["date", seizure.date?.sentence],
    ["place", seizure.place?.sentence],
    ["mode", seizure.mode?.sentence],
    ["route", seizure.route?.sentence],
    ["concealment", seizure.concealment?.sentence],
    ["declaredContents", seizure.declaredContents?.sentence],
    ["detectionMethod", seizure.detectionMethod?.sentence],
    ["arrestCount", seizure.arrestCount?.sentence],
    ["valueHkd", seizure.valueHkd?.sentence],
    ...seizure.lines.flatMap((line, i): [string, string | undefined][] => [
      [`line${i + 1}.product`, line.product.sentence],
      [`line${i + 1}.species`, line.taxon?.sentence],
      [`line${i + 1}.weightKg`, line.weightKg?.sentence],
    ]),
  ];
  return cited.filter((entry): entry is [string, string] => entry[1] !== undefined).map(([field, sentence]) => `${field}: ${sentence}`);
}

/** The seizure in English, for reading: what, how much, as the release reports it. */
export function describe(seizure: ExtractedSeizure): string {
  const goods = seizure.lines.map((line) => {
    const taxon = line.taxon ? `${line.common} (${line.taxon.value})` : line.common;
    const amount = [line.quantity !== null && line.unit !== "KG" ? `${line.quantity} ${line.unit.toLowerCase()}` : null, line.weightKg ? `${line.weightKg.value} kg` : null]
      .filter(Boolean)
      .join(", ");
    return `${taxon} ${line.product.value.toLowerCase().replace(/_/g, " ")}${amount ? `: ${amount}` : ""}`;
  });
  return `Hong Kong Customs seizure: ${goods.join("; ")}`;
}

function seizureRow(reading: Extract<ReleaseReading, { kind: "seizure" }>): Record<string, string> {
  const { release, seizure } = reading;
  const row: Record<string, string> = {
    releaseId: releaseId(release.url, release.row),
    row: String(release.row),
    url: release.url,
    title: release.title,
    releaseDate: release.dateText,
    date: seizure.date?.value ?? "",
    dateText: seizure.date?.text ?? "",
    placeName: seizure.place?.value ?? "",
    placeKind: seizure.place?.kind ?? "",
    placeId: seizure.place?.placeId ?? "",
    locationText: seizure.place?.text ?? "",
    mode: seizure.mode?.value ?? "",
    modeText: seizure.mode?.text ?? "",
    concealment: seizure.concealment?.value ?? "",
    declaredContents: seizure.declaredContents?.value ?? "",
    detectionMethod: seizure.detectionMethod?.value ?? "",
    arrestCount: seizure.arrestCount === null ? "" : String(seizure.arrestCount.value),
    valueHkd: seizure.valueHkd === null ? "" : String(seizure.valueHkd.value),
    valueText: seizure.valueHkd?.text ?? "",
    description: describe(seizure),
    citations: citationsOf(seizure).join(LIST_SEPARATOR),
    flags: seizure.flags.map((flag) => `${flag.field}: ${flag.reason}`).join(LIST_SEPARATOR),
  };
  seizure.lines.slice(0, MAX_LINES).forEach((line, i) => {
    const prefix = `line${i + 1}`;
    row[`${prefix}Taxon`] = line.taxon?.value ?? "";
    row[`${prefix}Common`] = line.common;
    row[`${prefix}Product`] = line.product.value;
    row[`${prefix}ProductText`] = line.productText;
    row[`${prefix}WeightKg`] = line.weightKg === null ? "" : String(line.weightKg.value);
    row[`${prefix}Quantity`] = line.quantity === null ? "" : String(line.quantity);
    row[`${prefix}Unit`] = line.unit;
    row[`${prefix}QuantityText`] = line.quantityText ?? "";
  });
  (seizure.route?.value ?? []).slice(0, MAX_STOPS).forEach((stop, i) => {
    row[`stop${i}Country`] = stop.country;
    row[`stop${i}Role`] = stop.role;
    row[`stop${i}Text`] = stop.text;
  });
  return row;
}

export interface WrittenFiles {
  readonly seizures: string;
  readonly notSeizures: string;
  readonly seizureCount: number;
  readonly notSeizureCount: number;
}

export async function writeReleaseFiles(readings: readonly ReleaseReading[], outDir: string): Promise<WrittenFiles> {
  await mkdir(outDir, { recursive: true });
  const seizures = readings.filter((reading) => reading.kind === "seizure").map(seizureRow);
  const notSeizures = readings
    .filter((reading) => reading.kind === "not-a-seizure")
    .map((reading) => ({
      releaseId: releaseId(reading.release.url, reading.release.row),
      row: String(reading.release.row),
      url: reading.release.url,
      title: reading.release.title,
      releaseDate: reading.release.dateText,
      reason: reading.reason,
      sentence: reading.sentence ?? "",
    }));
  const seizuresFile = path.join(outDir, SEIZURES_FILE);
  const notSeizuresFile = path.join(outDir, NOT_SEIZURES_FILE);
  await writeFile(seizuresFile, stringify(seizures, { header: true, columns: [...SEIZURE_COLUMNS] }));
  await writeFile(notSeizuresFile, stringify(notSeizures, { header: true, columns: [...NOT_SEIZURE_COLUMNS] }));
  return { seizures: seizuresFile, notSeizures: notSeizuresFile, seizureCount: seizures.length, notSeizureCount: notSeizures.length };
}
