import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, deleteWorld, importTestContext, MAPPINGS, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * Goods named by a synonym, a genus (`Manis spp.`), a family, an order or a common word for a group
 * (`Pangolin`) refer to a node of the graph: the species the synonym names, or the higher taxon's
 * Species node (made by mappings/cites-taxonomy.yaml), flagged as naming a group. The index below
 * copies rows of the 2017 Index of CITES Species (only the columns the mappings read); the expected
 * node of each cell is written by hand from it.
 */
const prefix = uniquePrefix("taxa");

const INDEX_HEADER = "TaxonId,Kingdom,Phylum,Class,Order,Family,Genus,Species,FullName,RankName,CurrentListing,EnglishNames,SynonymsWithAuthors";
const A = "Animalia,Chordata,Mammalia";
const INDEX_ROWS = [
  `2224,${A},Pholidota,Manidae,Manis,,Manis,GENUS,I/II,,`,
  `9849,${A},Pholidota,Manidae,Manis,crassicaudata,Manis crassicaudata,SPECIES,I,"Indian Pangolin, Thick-tailed Pangolin",`,
  `5034,${A},Pholidota,Manidae,Manis,javanica,Manis javanica,SPECIES,I,"Malayan Pangolin, Sunda Pangolin",`,
  `5373,${A},Pholidota,Manidae,Manis,pentadactyla,Manis pentadactyla,SPECIES,I,Chinese Pangolin,`,
  `4085,${A},Pholidota,Manidae,Manis,tricuspis,Manis tricuspis,SPECIES,I,"Three-cusped Pangolin, Tree Pangolin, White-bellied Pangolin","Phataginus tricuspis (Rafinesque, 1821)"`,
  `6723,${A},Pholidota,Manidae,Manis,tetradactyla,Manis tetradactyla,SPECIES,I,"Black-bellied Pangolin, Long-tailed Pangolin","Phataginus tetradactyla (Linnaeus, 1766), Uromanis tetradactyla (Linnaeus, 1766), Manis longicaudata (Brisson, 1756)"`,
  `4521,${A},Carnivora,Felidae,,,Felidae,FAMILY,I/II/NC,Cats,`,
  `3587,${A},Carnivora,Felidae,Panthera,tigris,Panthera tigris,SPECIES,I,Tiger,"Felis tigris Linnaeus, 1758"`,
  `8619,${A},Carnivora,Felidae,Panthera,pardus,Panthera pardus,SPECIES,I,Leopard,"Felis pardus Linnaeus, 1758"`,
  `4649,${A},Proboscidea,Elephantidae,Loxodonta,africana,Loxodonta africana,SPECIES,I/II,African Elephant,`,
  `7075,${A},Proboscidea,Elephantidae,Elephas,maximus,Elephas maximus,SPECIES,I,Asian Elephant,`,
  `7076,${A},Proboscidea,Elephantidae,Elephas,maximus indicus,Elephas maximus indicus,SUBSPECIES,I,,`,
];

const LINES_MAPPING = `
version: 1
source: { id: test-taxa, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: DATASET, synthetic: false }
input:
  file: lines.csv
  key: ref
  columns: [ref, taxon]
nodes:
  line:
    label: CommodityLine
    id: "taxa-{ref}"
    properties:
      product: { value: SCALES }
      unit: { value: KG }
      speciesText: { column: taxon }
references:
  species:
    species: { name: { column: taxon } }
relationships:
  ofSpecies: { type: OF_SPECIES, from: line, to: species }
`;

/** Each cell, the node it must refer to (id without the world's prefix, null: none) and whether it is flagged. */
const EXPECTED: readonly (readonly [cell: string, id: string | null, flagged: boolean])[] = [
  ["Manis javanica", "manis-javanica", false],
  ["Sunda Pangolin", "manis-javanica", false],
  ["Phataginus tricuspis", "manis-tricuspis", false],
  ["Manis tricuspis", "manis-tricuspis", false],
  ["Manis longicaudata", "manis-tetradactyla", false],
  ["Felis tigris", "panthera-tigris", false],
  ["Tiger", "panthera-tigris", false],
  ["Manis spp.", "manis", true],
  ["Manis sp", "manis", true],
  ["Manidae", "manidae", true],
  ["Pholidota", "pholidota", true],
  ["Pangolin", "manis", true],
  ["Pangolins", "manis", true],
  ["Elephant", "elephantidae", true],
  ["Cats", "felidae", true],
  ["Carnivora", "carnivora", true],
  ["Big cat", null, true],
  ["Panthera spp.", "panthera", true],
  ["Loxodonta", "loxodonta", true],
];

let context: ImportTestContext;
let folder: string;
let report: ImportReport;

beforeAll(async () => {
  context = await importTestContext();
  folder = await mkdtemp(path.join(tmpdir(), "import-taxa-"));
  const index = path.join(folder, "index.csv");
  await writeFile(index, [INDEX_HEADER, ...INDEX_ROWS].join("\n") + "\n");
  const options = { registry: context.registry, reportDir: folder, idPrefix: prefix };
  await importFiles(context.executor, path.join(MAPPINGS, "cites-species.yaml"), [index], options);
  await importFiles(context.executor, path.join(MAPPINGS, "cites-taxonomy.yaml"), [index], options);
  const mapping = path.join(folder, "lines.yaml");
  const lines = path.join(folder, "lines.csv");
  await writeFile(mapping, LINES_MAPPING);
  await writeFile(lines, ["ref,taxon", ...EXPECTED.map(([cell], row) => `r${row + 1},${cell}`)].join("\n") + "\n");
  report = await importFiles(context.executor, mapping, [lines], options);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

describe("the CITES taxonomy mapping", () => {
  it("makes a node for each genus, family and order the index names, with its rank and higher taxonomy", async () => {
    const rows = await context.executor.read(
      `MATCH (taxon:Species) WHERE taxon.id STARTS WITH $prefix AND taxon.rank IN ["GENUS", "FAMILY", "ORDER"]
       RETURN taxon.id AS id, taxon.rank AS rank, taxon.genus AS genus, taxon.family AS family, taxon.order AS order ORDER BY id`,
      { prefix },
    );
    expect(rows.map((row) => ({ ...row, id: String(row.id).slice(prefix.length) }))).toEqual([
      { id: "carnivora", rank: "ORDER", genus: null, family: null, order: "Carnivora" },
      { id: "elephantidae", rank: "FAMILY", genus: null, family: "Elephantidae", order: "Proboscidea" },
      { id: "elephas", rank: "GENUS", genus: "Elephas", family: "Elephantidae", order: "Proboscidea" },
      { id: "felidae", rank: "FAMILY", genus: null, family: "Felidae", order: "Carnivora" },
      { id: "loxodonta", rank: "GENUS", genus: "Loxodonta", family: "Elephantidae", order: "Proboscidea" },
      { id: "manidae", rank: "FAMILY", genus: null, family: "Manidae", order: "Pholidota" },
      { id: "manis", rank: "GENUS", genus: "Manis", family: "Manidae", order: "Pholidota" },
      { id: "panthera", rank: "GENUS", genus: "Panthera", family: "Felidae", order: "Carnivora" },
      { id: "pholidota", rank: "ORDER", genus: null, family: null, order: "Pholidota" },
      { id: "proboscidea", rank: "ORDER", genus: null, family: null, order: "Proboscidea" },
    ]);
  });

  it("keeps the index's listing and English names of a higher taxon, and each species' synonyms", async () => {
    const [felidae] = await context.executor.read(
      `MATCH (taxon:Species {id: $id}) RETURN taxon.commonNamesEn AS names, taxon.citesListing AS listing, taxon.citesAppendix AS appendix`,
      { id: `${prefix}felidae` },
    );
    expect(felidae).toEqual({ names: ["Cats"], listing: "I/II/NC", appendix: "I" });
    const [tetradactyla] = await context.executor.read(`MATCH (s:Species {id: $id}) RETURN s.synonyms AS synonyms, s.rank AS rank`, {
      id: `${prefix}manis-tetradactyla`,
    });
    expect(tetradactyla).toEqual({
      rank: "SPECIES",
      synonyms: ["Phataginus tetradactyla (Linnaeus, 1766)", "Uromanis tetradactyla (Linnaeus, 1766)", "Manis longicaudata (Brisson, 1756)"],
    });
  });

  it("leaves the species of cites-species.yaml as they were, one node each", async () => {
    const counts = await countsOf(context, `${prefix}cites-species`);
    expect(counts.nodes).toEqual({ Species: INDEX_ROWS.filter((row) => row.includes(",SPECIES,")).length });
  });
});

describe("goods named by synonym or higher taxon", () => {
  it("refer to the species or higher taxon written by hand for each cell", async () => {
    const rows = await context.executor.read(
      `MATCH (line:CommodityLine) WHERE line.id STARTS WITH $prefix
       OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
       RETURN line.speciesText AS cell, species.id AS id`,
      { prefix },
    );
    const got = Object.fromEntries(rows.map((row) => [row.cell, row.id === null ? null : String(row.id).slice(prefix.length)]));
    expect(got).toEqual(Object.fromEntries(EXPECTED.map(([cell, id]) => [cell, id])));
    expect(report.rowsLoaded).toBe(EXPECTED.length);
  });

  it("flag every cell that names a group, not one species, or nothing known", async () => {
    const flags = parse(await readFile(report.flagsFile!), { columns: true }) as Record<string, string>[];
    expect(flags.map((flag) => flag.value).sort()).toEqual(EXPECTED.filter(([, , flagged]) => flagged).map(([cell]) => cell).sort());
    const reasons = Object.fromEntries(flags.map((flag) => [flag.value, flag.reason]));
    expect(reasons["Manis spp."]).toBe("names the genus Manis, not one species");
    expect(reasons["Manidae"]).toBe("names the family Manidae, not one species");
    expect(reasons["Pangolin"]).toBe("the English name of 5 species, all of the genus Manis, not one species");
    expect(reasons["Elephant"]).toBe("the English name of 2 species, all of the family Elephantidae, not one species");
    expect(reasons["Big cat"]).toBe("no species has that scientific or English name");
  });
});

const FULL_INDEX = path.join(projectRoot, "..", "shared", "data", "cites-species-index-2017", "index_of_cites_species_animalia_2017-04-21.csv");
const haveFullIndex = existsSync(FULL_INDEX);
if (!haveFullIndex) console.log(`taxa-import: the whole CITES index test is skipped: ${FULL_INDEX} is absent (shared data of the project)`);

describe.skipIf(!haveFullIndex)("the taxonomy mapping on the whole 2017 index", () => {
  const fullPrefix = uniquePrefix("taxa-full");
  let taxonomy: ImportReport;
  let lines: ImportReport;

  beforeAll(async () => {
    const options = { registry: context.registry, reportDir: folder, idPrefix: fullPrefix };
    await importFiles(context.executor, path.join(MAPPINGS, "cites-species.yaml"), [FULL_INDEX], options);
    taxonomy = await importFiles(context.executor, path.join(MAPPINGS, "cites-taxonomy.yaml"), [FULL_INDEX], options);
    const cells = path.join(folder, "full-lines.csv");
    await writeFile(cells, "ref,taxon\nf1,Pangolin\nf2,Manis spp.\nf3,Manidae\nf4,Pholidota\nf5,Phataginus tricuspis\nf6,Rhinoceros\n");
    lines = await importFiles(context.executor, path.join(folder, "lines.yaml"), [cells], options);
  });

  afterAll(async () => {
    if (context) await deleteWorld(context.executor, fullPrefix);
  });

  it("makes one node per genus, family and order the index's rows name, counted here from the file", async () => {
    const rows = (parse(readFileSync(FULL_INDEX), { columns: true, bom: true }) as Record<string, string>[]).filter((row) =>
      ["SPECIES", "GENUS", "FAMILY", "ORDER"].includes(row.RankName),
    );
    const names = (column: string) => new Set(rows.map((row) => row[column].trim()).filter(Boolean));
    const [genera, families, orders] = [names("Genus"), names("Family"), names("Order")];
    const found = await context.executor.read(
      `MATCH (taxon:Species) WHERE taxon.id STARTS WITH $prefix AND taxon.rank IN ["GENUS", "FAMILY", "ORDER"]
       RETURN taxon.rank AS rank, count(*) AS n ORDER BY rank`,
      { prefix: fullPrefix },
    );
    expect(Object.fromEntries(found.map((row) => [row.rank, Number(row.n)]))).toEqual({ FAMILY: families.size, GENUS: genera.size, ORDER: orders.size });
    const withSynonyms = rows.filter((row) => row.RankName === "SPECIES" && row.SynonymsWithAuthors.trim()).length;
    const [synonymous] = await context.executor.read(
      `MATCH (s:Species) WHERE s.id STARTS WITH $prefix AND s.synonyms IS NOT NULL RETURN count(*) AS n`,
      { prefix: fullPrefix },
    );
    expect(Number(synonymous.n)).toBe(withSynonyms);
    console.log(`cites-taxonomy on the whole index: ${genera.size} genera, ${families.size} families, ${orders.size} orders; ${withSynonyms} species with synonyms; rows ${taxonomy.rowsLoaded} loaded, ${taxonomy.rowsRejected} rejected, flags ${JSON.stringify(taxonomy.flags.byKind)}`);
    expect(taxonomy.rowsRejected).toBe(0);
  });

  it("links pangolin goods named by group or synonym, and leaves Rhinoceros unresolved", async () => {
    const rows = await context.executor.read(
      `MATCH (line:CommodityLine) WHERE line.id STARTS WITH $prefix
       OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
       RETURN line.speciesText AS cell, species.id AS id`,
      { prefix: fullPrefix },
    );
    expect(Object.fromEntries(rows.map((row) => [row.cell, row.id === null ? null : String(row.id).slice(fullPrefix.length)]))).toEqual({
      Pangolin: "manis",
      "Manis spp.": "manis",
      Manidae: "manidae",
      Pholidota: "pholidota",
      "Phataginus tricuspis": "manis-tricuspis",
      Rhinoceros: null,
    });
    expect(lines.flags.byKind).toEqual({ species: 5 });
  });
});
