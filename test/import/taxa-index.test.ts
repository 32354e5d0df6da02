import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { SpeciesIndex, type SpeciesRecord } from "../../src/import/plan/lookups.js";

/**
 * The import's species lookup by synonym and by higher rank. First on records written by hand, then
 * on the whole 2017 Index of CITES Species from ../shared (skipped where that folder is absent),
 * built here as mappings/cites-species.yaml and cites-taxonomy.yaml build the graph: one record per
 * species with its English names and synonyms, one per genus, family and order.
 */
const species = (id: string, scientificName: string, commonNames: string[], genus: string, family: string, order: string, synonyms: string[] = []): SpeciesRecord => ({
  id,
  scientificName,
  commonNames,
  genus,
  family,
  order,
  synonyms,
});
const taxon = (rank: "GENUS" | "FAMILY" | "ORDER", name: string, commonNames: string[] = []): SpeciesRecord => ({
  id: name.toLowerCase(),
  scientificName: name,
  commonNames,
  rank,
});

describe("on records written by hand", () => {
  const index = new SpeciesIndex([
    species("manis-javanica", "Manis javanica", ["Sunda Pangolin"], "Manis", "Manidae", "Pholidota"),
    species("manis-tricuspis", "Manis tricuspis", ["Tree Pangolin"], "Manis", "Manidae", "Pholidota", ["Phataginus tricuspis (Rafinesque, 1821)"]),
    species("rhinoceros-unicornis", "Rhinoceros unicornis", ["Indian Rhinoceros"], "Rhinoceros", "Rhinocerotidae", "Perissodactyla"),
    species("diceros-bicornis", "Diceros bicornis", ["Black Rhinoceros"], "Diceros", "Rhinocerotidae", "Perissodactyla"),
    species("crocodylus-porosus", "Crocodylus porosus", ["Saltwater Crocodile"], "Crocodylus", "Crocodylidae", "Crocodylia", ["Crocodilus porosus Schneider, 1801"]),
    species("gavialis-porosus", "Gavialis porosus", [], "Gavialis", "Gavialidae", "Crocodylia", ["Crocodilus porosus Schneider, 1801"]),
    taxon("GENUS", "Manis"),
    taxon("FAMILY", "Manidae"),
    taxon("ORDER", "Pholidota"),
    taxon("GENUS", "Rhinoceros"),
    taxon("FAMILY", "Rhinocerotidae", ["Rhinoceroses"]),
  ]);

  it.each<[string, { id: string; note?: string } | { problem: string }]>([
    ["Manis javanica", { id: "manis-javanica" }],
    ["sunda pangolin", { id: "manis-javanica" }],
    ["Phataginus tricuspis", { id: "manis-tricuspis" }],
    ["Manis spp.", { id: "manis", note: "names the genus Manis, not one species" }],
    ["Manis sp.", { id: "manis", note: "names the genus Manis, not one species" }],
    ["Manis", { id: "manis", note: "names the genus Manis, not one species" }],
    ["MANIDAE", { id: "manidae", note: "names the family Manidae, not one species" }],
    ["Pholidota", { id: "pholidota", note: "names the order Pholidota, not one species" }],
    ["Pangolin", { id: "manis", note: "the English name of 2 species, all of the genus Manis, not one species" }],
    ["pangolins", { id: "manis", note: "the English name of 2 species, all of the genus Manis, not one species" }],
    ["Rhinoceroses", { id: "rhinocerotidae", note: "names the family Rhinocerotidae, not one species" }],
    // A genus that is also the English word for a whole family: neither reading is taken.
    ["Rhinoceros", { problem: "both the genus Rhinoceros and the English name of 2 species, all of the family Rhinocerotidae" }],
    ["Rhinoceros spp.", { id: "rhinoceros", note: "names the genus Rhinoceros, not one species" }],
    // A synonym two species share is ambiguous.
    ["Crocodilus porosus", { problem: "2 species have that name (crocodylus-porosus, gavialis-porosus)" }],
    // One species' English word is no group; a genus without a node cannot be referred to.
    ["Crocodile", { problem: "no species has that scientific or English name" }],
    ["Crocodylus spp.", { problem: "no species has that scientific or English name" }],
    ["Javanica", { problem: "no species has that scientific or English name" }],
  ])("%j", (name, expected) => {
    expect(new SpeciesIndex([]).find(name)).toEqual({ problem: "no species has that scientific or English name" });
    expect(index.find(name)).toEqual(expected);
  });
});

const INDEX_FILE = path.join(projectRoot, "..", "shared", "data", "cites-species-index-2017", "index_of_cites_species_animalia_2017-04-21.csv");
const haveIndex = existsSync(INDEX_FILE);
if (!haveIndex) console.log(`taxa-index: the full CITES index tests are skipped: ${INDEX_FILE} is absent (shared data of the project)`);

describe.skipIf(!haveIndex)("on the whole 2017 Index of CITES Species", () => {
  const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const rows = haveIndex ? (parse(readFileSync(INDEX_FILE), { columns: true, bom: true }) as Record<string, string>[]) : [];
  const records: SpeciesRecord[] = [];
  const higher = new Map<string, SpeciesRecord>();
  for (const row of rows) {
    if (!["SPECIES", "GENUS", "FAMILY", "ORDER"].includes(row.RankName)) continue;
    const english = row.EnglishNames.split(",").map((name) => name.trim()).filter(Boolean);
    for (const [rank, name] of [["GENUS", row.Genus], ["FAMILY", row.Family], ["ORDER", row.Order]] as const) {
      if (name && !higher.has(slug(name))) higher.set(slug(name), { id: slug(name), scientificName: name, commonNames: [], rank });
    }
    if (row.RankName === "SPECIES") {
      const synonyms = row.SynonymsWithAuthors ? row.SynonymsWithAuthors.split(/,\s*(?=[A-Z][a-z]+ [a-z])/) : [];
      records.push({ id: slug(row.FullName), scientificName: row.FullName, commonNames: english, genus: row.Genus, family: row.Family, order: row.Order, synonyms });
    } else {
      const own = higher.get(slug(row.FullName));
      if (own) own.commonNames = english;
    }
  }
  const index = new SpeciesIndex([...records, ...higher.values()]);

  it.each<[string, { id: string; note?: string } | { problem: string }]>([
    ["Pangolin", { id: "manis", note: "the English name of 7 species, all of the genus Manis, not one species" }],
    ["Pangolins", { id: "manis", note: "the English name of 7 species, all of the genus Manis, not one species" }],
    ["Manis spp.", { id: "manis", note: "names the genus Manis, not one species" }],
    ["Manidae", { id: "manidae", note: "names the family Manidae, not one species" }],
    ["Pholidota", { id: "pholidota", note: "names the order Pholidota, not one species" }],
    ["Phataginus tricuspis", { id: "manis-tricuspis" }],
    ["Smutsia gigantea", { id: "manis-gigantea" }],
    ["Manis longicaudata", { id: "manis-tetradactyla" }],
    ["Manis javanica", { id: "manis-javanica" }],
    ["Cats", { id: "felidae", note: "names the family Felidae, not one species" }],
    ["Rhinoceroses", { id: "rhinocerotidae", note: "names the family Rhinocerotidae, not one species" }],
    ["Rhinoceros", { problem: "both the genus Rhinoceros and the English name of 5 species, all of the family Rhinocerotidae" }],
    ["Elephant", { id: "elephantidae", note: "the English name of 2 species, all of the family Elephantidae, not one species" }],
    ["Tiger", { id: "panthera-tigris" }],
    ["Totoaba macdonaldi", { id: "totoaba-macdonaldi" }],
  ])("%j", (name, expected) => {
    expect(index.find(name)).toEqual(expected);
  });

  it("resolves ROUTES' species cells as the species-only lookup did, and adds groups to the others", () => {
    const speciesOnly = new SpeciesIndex(records.map(({ id, scientificName, commonNames }) => ({ id, scientificName, commonNames })));
    const cells = (parse(readFileSync(path.join(projectRoot, "data", "routes-airport-seizures-2009-2016", "tot.csv")), { columns: true, bom: true }) as Record<string, string>[])
      .flatMap((row) => row.Species.split(";").map((item) => item.trim()))
      .filter(Boolean);
    const tally = { species: 0, synonym: 0, group: 0, unresolved: 0 };
    for (const cell of cells) {
      const before = speciesOnly.find(cell);
      const after = index.find(cell);
      if ("id" in before) expect({ cell, after }).toEqual({ cell, after: before });
      if ("id" in after) tally[after.note ? "group" : "id" in before ? "species" : "synonym"] += 1;
      else tally.unresolved += 1;
    }
    console.log(`ROUTES species cells (${cells.length}):`, JSON.stringify(tally));
    expect(tally.species + tally.synonym + tally.group + tally.unresolved).toBe(cells.length);
  });
});
