import { readFile } from "node:fs/promises";

import { expect } from "vitest";

import { parseMapping } from "../../../src/import/mapping/load-mapping.js";
import { MappingError } from "../../../src/import/mapping/mapping-error.js";
import { loadCountryIndex } from "../../../src/import/normalise/country-index.js";

/**
 * A valid fixture mapping to break one piece at a time: `problemsOf` gives the problems a mapping
 * text has, as MappingError lists them (none: an empty list); `edit` gives the fixture's text with
 * one piece replaced, and fails when the fixture no longer holds that piece.
 */
export async function mappingUnderTest(fixture: string) {
  const context = { countries: await loadCountryIndex() };
  const valid = await readFile(fixture, "utf8");
  const problemsOf = (text: string): readonly string[] => {
    try {
      parseMapping("broken.yaml", text, context);
    } catch (error) {
      if (error instanceof MappingError) return error.problems;
      throw error;
    }
    return [];
  };
  const edit = (find: string, replace: string): string => {
    expect(valid, `the fixture mapping holds ${JSON.stringify(find)}`).toContain(find);
    return valid.replace(find, replace);
  };
  return { valid, problemsOf, edit, context };
}
