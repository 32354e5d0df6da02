import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import type { ReleaseReading } from "../../src/import/press-releases/extract-release.js";
import { readPressReleases } from "../../src/import/press-releases/read-press-releases.js";

/**
 * The Hong Kong Customs releases (© HKSAR Government: read from ../shared, never shipped) read by
 * the extractor, against labels written by hand from the text (fixtures/press-release-labels.json:
 * short facts, never the text). The figure that matters is the share of the date, place, weight,
 * species and product fields the rules get right; it is printed per field.
 */
const RELEASES = path.join(projectRoot, "..", "shared", "data", "hk-customs-wildlife-press-releases", "hk_customs_wildlife_press_releases_2004_2018_zh.tsv");
const haveReleases = existsSync(RELEASES);
if (!haveReleases) console.warn(`${RELEASES} is missing: the press-release extraction tests are skipped`);

interface LabelledLine {
  species: string | null;
  product: string;
  weightKg: number | null;
}
interface Label {
  row: number;
  id: string;
  status: "seizure" | "not-a-seizure";
  date?: string | null;
  place?: string | null;
  lines?: LabelledLine[];
  mode?: string;
  origin?: string | null;
  arrests?: number | null;
}

const labels = (
  JSON.parse(readFileSync(path.join(projectRoot, "test", "import", "fixtures", "press-release-labels.json"), "utf8")) as { releases: Label[] }
).releases;

let readings: ReleaseReading[];

beforeAll(async () => {
  if (haveReleases) readings = await readPressReleases(RELEASES);
});

const CORE_FIELDS = ["date", "place", "weightKg", "species", "product"] as const;
type CoreField = (typeof CORE_FIELDS)[number];

describe.skipIf(!haveReleases)("the Hong Kong Customs press releases, read by rules (from ../shared)", () => {
  it("has at least 40 labelled releases that report seizures, spread over the years", () => {
    const seizures = labels.filter((label) => label.status === "seizure");
    expect(seizures.length).toBeGreaterThanOrEqual(40);
    const years = new Set(seizures.map((label) => label.date?.slice(0, 4)).filter(Boolean));
    expect(years.size).toBeGreaterThanOrEqual(10);
  });

  it("labels the releases they say they label (row and the URL's id agree)", () => {
    for (const label of labels) expect(readings[label.row - 1]!.release.url, `row ${label.row}`).toContain(`index_id_${label.id}.`);
  });

  it("reads at least 95% of the labelled date, place, weight, species and product fields right, each citing its sentence", () => {
    const right: Record<CoreField, number> = { date: 0, place: 0, weightKg: 0, species: 0, product: 0 };
    const total: Record<CoreField, number> = { date: 0, place: 0, weightKg: 0, species: 0, product: 0 };
    const wrong: string[] = [];
    const score = (field: CoreField, ok: boolean, where: string) => {
      total[field] += 1;
      if (ok) right[field] += 1;
      else wrong.push(`${where} ${field}`);
    };
    let statusRight = 0;
    let extraLines = 0;
    for (const label of labels) {
      const reading = readings[label.row - 1]!;
      const where = `row ${label.row}`;
      if (reading.kind === label.status) statusRight += 1;
      else wrong.push(`${where} status (${reading.kind})`);
      if (label.status !== "seizure") continue;
      const seizure = reading.kind === "seizure" ? reading.seizure : null;
      const article = reading.release.article;
      // A value counts as right only with a sentence of the article that holds its evidence.
      const date = seizure?.date ?? null;
      score("date", (date?.value ?? null) === label.date && (date === null || (article.includes(date.sentence) && date.sentence.includes(date.text))), where);
      const place = seizure?.place ?? null;
      score("place", (place?.value ?? null) === label.place && (place === null || (article.includes(place.sentence) && place.sentence.includes(place.text))), where);
      const lines = seizure?.lines ?? [];
      extraLines += Math.max(0, lines.length - label.lines!.length);
      label.lines!.forEach((expected, i) => {
        const line = lines[i];
        const cites = (sentence: string | undefined, evidence: string | null) =>
          sentence !== undefined && article.includes(sentence) && (evidence === null || sentence.includes(evidence));
        const weight = line?.weightKg ?? null;
        score(
          "weightKg",
          line !== undefined && (weight?.value ?? null) === expected.weightKg && (weight === null || cites(weight.sentence, line.weightText)),
          `${where} line ${i + 1}`,
        );
        score(
          "species",
          line !== undefined && (line.taxon?.value ?? null) === expected.species && (line.taxon === null || cites(line.taxon.sentence, line.productText)),
          `${where} line ${i + 1}`,
        );
        score("product", line !== undefined && line.product.value === expected.product && cites(line.product.sentence, line.productText), `${where} line ${i + 1}`);
      });
    }
    const rightAll = CORE_FIELDS.reduce((sum, field) => sum + right[field], 0);
    const totalAll = CORE_FIELDS.reduce((sum, field) => sum + total[field], 0);
    const share = (r: number, t: number) => `${r}/${t} = ${(r / t).toFixed(3)}`;
    console.log(
      [
        `press releases, ${labels.length} labelled (${labels.filter((label) => label.status === "seizure").length} seizures):`,
        ...CORE_FIELDS.map((field) => `  ${field.padEnd(9)} ${share(right[field], total[field])}`),
        `  all       ${share(rightAll, totalAll)}`,
        `  seizure or not: ${share(statusRight, labels.length)}; lines read beyond the labels: ${extraLines}`,
        `  wrong: ${wrong.join(", ") || "none"}`,
      ].join("\n"),
    );
    expect(rightAll / totalAll).toBeGreaterThanOrEqual(0.95);
    expect(statusRight / labels.length).toBeGreaterThanOrEqual(0.95);
  });

  it("reads the mode, origin and arrests where the labels give them, and prints how often it is right", () => {
    const fields = ["mode", "origin", "arrests"] as const;
    const misses: string[] = [];
    const tally = Object.fromEntries(fields.map((field) => [field, { right: 0, total: 0 }])) as Record<(typeof fields)[number], { right: number; total: number }>;
    for (const label of labels.filter((label) => label.status === "seizure")) {
      const reading = readings[label.row - 1]!;
      if (reading.kind !== "seizure") continue;
      const seizure = reading.seizure;
      const read = {
        mode: seizure.mode?.value ?? null,
        origin: seizure.route?.value.find((stop) => stop.role === "ORIGIN")?.country ?? null,
        arrests: seizure.arrestCount?.value ?? null,
      };
      for (const field of fields) {
        if (label[field] === undefined) continue;
        tally[field].total += 1;
        if (read[field] === label[field]) tally[field].right += 1;
        else misses.push(`row ${label.row} ${field} (${String(read[field])})`);
      }
    }
    console.log(`press releases, other fields: ${fields.map((field) => `${field} ${tally[field].right}/${tally[field].total}`).join(", ")}; wrong: ${misses.join(", ") || "none"}`);
    // Not part of the promise: these are reported, and must not be mostly wrong.
    for (const field of fields) expect(tally[field].right / tally[field].total, field).toBeGreaterThanOrEqual(0.75);
  });

  it("cites, for every value of every release, a sentence of that release's article", () => {
    for (const reading of readings) {
      if (reading.kind !== "seizure") {
        if (reading.sentence !== null) expect(reading.release.article).toContain(reading.sentence);
        continue;
      }
      const { seizure, release } = reading;
      const sentences = [
        seizure.lead, seizure.date?.sentence, seizure.place?.sentence, seizure.mode?.sentence, seizure.concealment?.sentence,
        seizure.declaredContents?.sentence, seizure.detectionMethod?.sentence, seizure.arrestCount?.sentence, seizure.valueHkd?.sentence,
        seizure.route?.sentence, ...seizure.lines.flatMap((line) => [line.product.sentence, line.taxon?.sentence, line.weightKg?.sentence]),
      ].filter((sentence): sentence is string => sentence !== undefined);
      for (const sentence of sentences) expect(release.article, `row ${release.row}`).toContain(sentence);
    }
  });

  it("gives every release a seizure or a reason", () => {
    const seizures = readings.filter((reading) => reading.kind === "seizure").length;
    const notSeizures = readings.filter((reading) => reading.kind === "not-a-seizure").length;
    expect(seizures + notSeizures).toBe(readings.length);
    expect(readings.length).toBe(170);
  });
});
