import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { speciesList } from "../../src/generate/reference/species.js";
import { importFiles } from "../../src/import/import-files.js";
import { SpeciesIndex } from "../../src/import/plan/lookups.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, DATA, deleteWorld, importTestContext, MAPPINGS, readCsv, ROUTES_DIR, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * The CITES species index: the full index (non-commercial licence: read from ../shared, never
 * shipped) and the subset the demo ships. Expected figures come from the CSV read with csv-parse.
 */
const FULL_INDEX = path.join(projectRoot, "..", "shared", "data", "cites-species-index-2017", "index_of_cites_species_animalia_2017-04-21.csv");
const SUBSET = path.join(DATA, "cites-species", "species-subset.csv");
const MAPPING = path.join(MAPPINGS, "cites-species.yaml");
/** The columns the mapping reads: the only ones the subset ships. */
const SUBSET_COLUMNS = ["TaxonId", "Kingdom", "Phylum", "Class", "Order", "Family", "Genus", "Species", "FullName", "RankName", "CurrentListing", "EnglishNames"];
const haveFullIndex = existsSync(FULL_INDEX);
if (!haveFullIndex) console.warn(`${FULL_INDEX} is missing: the tests of the full CITES index are skipped`);

const idOf = (fullName: string) => fullName.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const englishNames = (cell: string) => [...new Set(cell.split(",").map((name) => name.trim()).filter(Boolean))];
const firstAppendix = (listing: string) => (["I", "II", "III"].includes(listing.split("/")[0]) ? listing.split("/")[0] : null);

/**
 * The species the demo needs: those the ROUTES Species column names when one resolves (by the
 * import's own rule: one species by scientific or English name), the fixture's and the generator's.
 */
function demoSpeciesIds(species: readonly Record<string, string>[]): Set<string> {
  const index = new SpeciesIndex(
    species.map((row) => ({ id: idOf(row.FullName), scientificName: row.FullName.trim(), commonNames: englishNames(row.EnglishNames) })),
  );
  const ids = new Set<string>();
  for (const row of readCsv(path.join(ROUTES_DIR, "tot.csv"))) {
    for (const name of row.Species.split(";").map((item) => item.trim()).filter(Boolean)) {
      const found = index.find(name);
      if ("id" in found) ids.add(found.id);
    }
  }
  const fixture = readFileSync(path.join(projectRoot, "cypher", "seed", "fixture.cypher"), "utf8");
  for (const [, scientificName] of fixture.matchAll(/scientificName: "([^"]+)"/g)) ids.add(idOf(scientificName));
  for (const species of speciesList) ids.add(species.id);
  return ids;
}

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("species");
const subsetPrefix = uniquePrefix("species-subset");

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-test-"));
});

afterAll(async () => {
  if (context) {
    for (const world of [prefix, subsetPrefix]) await deleteWorld(context.executor, world);
    await context.driver.close();
  }
});

function timing(report: ImportReport): string {
  return `${report.rowsRead} rows in ${(report.elapsedMs / 1000).toFixed(1)} s (${Math.round((report.rowsRead * 1000) / report.elapsedMs)} rows/s)`;
}

describe.skipIf(!haveFullIndex)("the full CITES species index (from ../shared)", () => {
  const index = haveFullIndex ? readCsv(FULL_INDEX) : [];
  const species = index.filter((row) => row.RankName === "SPECIES");
  let first: ImportReport;

  beforeAll(async () => {
    first = await importFiles(context.executor, MAPPING, [FULL_INDEX], { registry: context.registry, reportDir, idPrefix: prefix });
    console.log(`CITES species import: ${timing(first)}`);
  });

  it("makes one Species per row of rank SPECIES, and skips the other ranks", async () => {
    expect(new Set(species.map((row) => idOf(row.FullName))).size).toBe(species.length);
    const counts = await countsOf(context, `${prefix}cites-species`);
    expect(counts.nodes).toEqual({ Species: species.length });
    expect(counts.relationships).toEqual({ SOURCED_FROM: species.length });
    expect(first).toMatchObject({ rowsRead: index.length, rowsLoaded: species.length, rowsRejected: 0, rowsSkipped: index.length - species.length });
    expect(first.flags.total).toBe(0);
  });

  it("gives each species the first appendix of its listing, and keeps the listing", async () => {
    const found = (await context.executor.read(
      `MATCH (s:Species)-[:SOURCED_FROM]->(:Source {id: $prefix + "cites-species"})
       RETURN s.citesAppendix AS appendix, s.citesListing AS listing, count(*) AS n`,
      { prefix },
    )) as { appendix: string | null; listing: string; n: number }[];
    const expected: Record<string, number> = {};
    for (const row of species) {
      const key = `${firstAppendix(row.CurrentListing)}|${row.CurrentListing}`;
      expected[key] = (expected[key] ?? 0) + 1;
    }
    expect(Object.fromEntries(found.map(({ appendix, listing, n }) => [`${appendix}|${listing}`, Number(n)]))).toEqual(expected);
    // Every listing is appendices and NC (not listed), nothing else.
    expect(species.every((row) => /^(I|II|III|NC)(\/(I|II|III|NC))*$/.test(row.CurrentListing))).toBe(true);
  });

  it("describes the Sunda pangolin", async () => {
    const [javanica] = await context.executor.read(
      `MATCH (s:Species {id: $prefix + "manis-javanica"})
       RETURN s.scientificName AS scientificName, s.name AS name, s.citesAppendix AS appendix, s.citesListing AS listing,
              s.kingdom AS kingdom, s.phylum AS phylum, s.taxonClass AS taxonClass, s.order AS order, s.family AS family,
              s.genus AS genus, s.commonNamesEn AS commonNamesEn, s.searchText AS searchText`,
      { prefix },
    );
    expect(javanica).toEqual({
      scientificName: "Manis javanica", name: "Manis javanica", appendix: "I", listing: "I", kingdom: "Animalia",
      phylum: "Chordata", taxonClass: "Mammalia", order: "Pholidota", family: "Manidae", genus: "Manis",
      commonNamesEn: ["Malayan Pangolin", "Sunda Pangolin"], searchText: "Malayan Pangolin Sunda Pangolin Manidae",
    });
    const [elephant] = await context.executor.read(
      `MATCH (s:Species {id: $prefix + "loxodonta-africana"}) RETURN s.citesAppendix AS appendix, s.citesListing AS listing`,
      { prefix },
    );
    expect(elephant).toEqual({ appendix: "I", listing: "I/II" });
  });

  it("imported again, changes nothing", async () => {
    const again = await importFiles(context.executor, MAPPING, [FULL_INDEX], { registry: context.registry, reportDir, idPrefix: prefix });
    console.log(`CITES species re-import: ${timing(again)}`);
    expect(again.nodesAdded).toBe(0);
    expect(again.relationshipsAdded).toBe(0);
    expect(again.nodes).toEqual({ Species: { before: species.length, after: species.length } });
  });

  it("the bundled subset holds exactly the species rows the demo needs, with only the columns the mapping reads", () => {
    const wanted = demoSpeciesIds(species);
    const rows = species.filter((row) => wanted.has(idOf(row.FullName)));
    // Every species the demo needs is in the index.
    expect(rows.map((row) => idOf(row.FullName)).sort()).toEqual([...wanted].sort());
    const text = stringify(rows.map((row) => SUBSET_COLUMNS.map((column) => row[column])), { header: true, columns: SUBSET_COLUMNS });
    // UPDATE_SPECIES_SUBSET=1 rewrites the subset from the full index.
    if (process.env.UPDATE_SPECIES_SUBSET === "1") writeFileSync(SUBSET, text);
    expect(readFileSync(SUBSET, "utf8")).toBe(text);
  });
});

describe("the bundled subset", () => {
  it("imports every row as a species", async () => {
    const rows = readCsv(SUBSET);
    const report = await importFiles(context.executor, MAPPING, [SUBSET], { registry: context.registry, reportDir, idPrefix: subsetPrefix });
    console.log(`CITES subset import: ${timing(report)}`);
    expect(report).toMatchObject({ rowsRead: rows.length, rowsLoaded: rows.length, rowsRejected: 0, rowsSkipped: 0 });
    expect(report.flags.total).toBe(0);
    const counts = await countsOf(context, `${subsetPrefix}cites-species`);
    expect(counts.nodes).toEqual({ Species: rows.length });
    const [tiger] = await context.executor.read(
      `MATCH (s:Species {id: $prefix + "panthera-tigris"}) RETURN s.citesAppendix AS appendix, s.commonNamesEn AS names`,
      { prefix: subsetPrefix },
    );
    expect(tiger).toEqual({ appendix: "I", names: ["Tiger"] });
  });
});
