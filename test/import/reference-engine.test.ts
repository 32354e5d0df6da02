import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { searchTerms } from "../../src/domain/search-text.js";
import { loadMapping, parseMapping } from "../../src/import/mapping/load-mapping.js";
import { MappingError } from "../../src/import/mapping/mapping-error.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";
import { normalisers } from "../../src/import/normalise/registry.js";
import { toSlug } from "../../src/import/normalise/slug.js";
import { recordProblems } from "../../src/import/read/csv-input.js";

/**
 * The small engine additions the reference-data mappings need: the `slug` normaliser (species ids),
 * keys of several columns (UN/LOCODE), `nulls` (OpenFlights' \N), `where` (CITES rows of rank
 * SPECIES), and encoding checked only in the columns a mapping reads (UN/LOCODE's `name`).
 */
const context = { countries: await loadCountryIndex() };
const valid = await readFile(path.join(projectRoot, "test", "import", "fixtures", "bad-rows.yaml"), "utf8");

function problemsOf(text: string): readonly string[] {
  try {
    parseMapping("broken.yaml", text, context);
  } catch (error) {
    if (error instanceof MappingError) return error.problems;
    throw error;
  }
  return [];
}

function edit(find: string, replace: string): string {
  expect(valid).toContain(find);
  return valid.replace(find, replace);
}

describe("slug", () => {
  it.each([
    ["Manis javanica", "manis-javanica"],
    ["  Rhampholeon   gorongosae ", "rhampholeon-gorongosae"],
    ['Woodworthia "Mt. Arthur"', "woodworthia-mt-arthur"],
    ["Pangolin à écailles", "pangolin-a-ecailles"],
  ])("%s → %s", (raw, id) => {
    expect(toSlug(raw)).toEqual({ value: id });
  });

  // Letters that Unicode decomposition leaves whole: folded to Latin, as the search index folds
  // them (Lucene's ASCII folding), so a name written with or without them gives one id.
  it.each([
    ["Vũ Đức Thành", "vu-duc-thanh"],
    ["VŨ ĐỨC THÀNH", "vu-duc-thanh"],
    ["Vu Duc Thanh", "vu-duc-thanh"],
    ["Đắk Lắk", "dak-lak"],
    ["Łukasz Żółw", "lukasz-zolw"],
    ["Søren Ørsted", "soren-orsted"],
    ["Ærø", "aero"],
    ["Straße", "strasse"],
    ["Œuvre", "oeuvre"],
    ["Þór Ðorđe", "thor-dorde"],
    ["Ħamrun", "hamrun"],
    ["Kırıkkale", "kirikkale"],
    ["A-B", "a-b"],
    ["A B", "a-b"],
  ])("%s → %s, as search folds it", (raw, id) => {
    expect(toSlug(raw)).toEqual({ value: id });
    // The same words as the search makes of the name, joined by "-".
    expect(searchTerms(raw).words.join("-")).toBe(id);
  });

  it("is a problem when nothing is left", () => {
    expect(toSlug('" - "')).toEqual({ problem: "no letter or digit to make an id of" });
  });

  it("is registered under its name", () => {
    expect(normalisers.get("slug")?.valueType({})).toBe("string");
  });
});

describe("encoding is checked in the columns a mapping reads", () => {
  const header = ["country", "location", "name", "nameWoDiacritics"];
  const record = ["VN", "APH", "An Ph\uFFFD", "An Pho"];

  it("ignores U+FFFD in a column the mapping does not read", () => {
    expect(recordProblems(record, header, 4, new Set([0, 1, 3]))).toEqual([]);
  });

  it("rejects U+FFFD in a column it reads", () => {
    expect(recordProblems(record, header, 4, new Set([2]))).toEqual([
      { kind: "encoding", column: "name", value: "An Ph\uFFFD", reason: "bad encoding: not UTF-8 (or U+FFFD in the text)" },
    ]);
  });
});

describe("input: key of several columns, nulls, where", () => {
  it("accepts a key of several columns, nulls and where", () => {
    const mapping = parseMapping(
      "ok.yaml",
      edit("  key: id\n", '  key: [id, country]\n  nulls: ["\\\\N"]\n  where: { product: [scales, horn] }\n'),
      context,
    );
    expect(mapping.input.key.map((column) => column.name)).toEqual(["id", "country"]);
    expect(mapping.input.nulls).toEqual(["\\N"]);
    expect(mapping.input.where.map(({ column, values }) => [column, [...values]])).toEqual([["product", ["scales", "horn"]]]);
  });

  it("names a key column or a where column that is not among the columns", () => {
    expect(problemsOf(edit("  key: id\n", "  key: [id, nope]\n  where: { missing: [x] }\n"))).toEqual([
      'input.key.1: "nope" is not a column of bad-rows.csv',
      'input.where.missing: "missing" is not among input.columns',
    ]);
  });

  it("the shipped reference mappings load", async () => {
    for (const name of ["unlocode.yaml", "openflights-airports.yaml", "cites-species.yaml"]) {
      await expect(loadMapping(path.join(projectRoot, "mappings", name), context)).resolves.toBeDefined();
    }
  });
});
