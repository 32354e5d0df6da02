import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { loadMapping, parseMapping } from "../../src/import/mapping/load-mapping.js";
import { MappingError } from "../../src/import/mapping/mapping-error.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";

const context = { countries: await loadCountryIndex() };
const FIXTURE = path.join(projectRoot, "test", "import", "fixtures", "bad-rows.yaml");
const valid = await readFile(FIXTURE, "utf8");

/** The problems a mapping text gives, as MappingError lists them. */
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
  expect(valid, `the fixture mapping holds ${JSON.stringify(find)}`).toContain(find);
  return valid.replace(find, replace);
}

describe("mapping files that cannot be used fail with a message naming the entry", () => {
  it("the fixture mapping itself is valid", () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    [
      "an unknown normaliser",
      edit("normalise: date,", "normalise: datee,"),
      'nodes.seizure.properties.date: unknown normaliser "datee" (known: text, date, number, weight, list, country, vocabulary, slug)',
    ],
    [
      "an option the normaliser does not take",
      edit("formats: [d/M/yyyy]", "formats: [d/M/yyyy], format: ISO"),
      'nodes.seizure.properties.date: Unrecognized key: "format" (normaliser date)',
    ],
    [
      "a date format without a year",
      edit("formats: [d/M/yyyy]", "formats: [d/M]"),
      'nodes.seizure.properties.date.formats.0: date format "d/M" needs a year, a month and a day (normaliser date)',
    ],
    [
      "a vocabulary value the model does not have",
      edit("default: OTHER", "default: SCALE"),
      "nodes.line.properties.product.default: not a known Product (normaliser vocabulary)",
    ],
    [
      "a condition (when) on a column the input does not declare",
      edit("unit: { value: KG }", "unit: { value: KG, when: { Weight: [kg] } }"),
      'nodes.line.properties.unit.when.Weight: "Weight" is not a column of bad-rows.csv nor of a join',
    ],
    [
      "a condition (when) without a column",
      edit("unit: { value: KG }", "unit: { value: KG, when: {} }"),
      "nodes.line.properties.unit.when: name at least one column",
    ],
    [
      "a column the input does not declare",
      edit("{ column: weight,", "{ column: Weight,"),
      'nodes.line.properties.weightKg.column: "Weight" is not a column of bad-rows.csv nor of a join',
    ],
    [
      "a template placeholder that is not a column",
      edit('"test-bad-rows-{id}"', '"test-bad-rows-{ID}"'),
      'nodes.seizure.id: template placeholder {ID}: "ID" is not a column of bad-rows.csv nor of a join',
    ],
    [
      "a label outside the model",
      edit("label: Seizure", "label: Seizures"),
      'nodes.seizure.label: Invalid option: expected one of "Seizure"|"Shipment"|"CommodityLine"|"Species"|"Person"|"Company"|"Identifier"|"Carrier"|"Place"|"Country"|"Source"|"TradeRecord"',
    ],
    [
      "a relationship type outside the model",
      edit("type: SEIZED_IN", "type: SEIZED_BY"),
      'relationships.seizedIn.type: Invalid option: expected one of "SEIZED_IN"|"SEIZED_AT"|"INTERCEPTED"|"RECOVERED"|"CARRIED"|"OF_SPECIES"|"STOPS_AT"|"CARRIED_BY"|"PARTY_TO"|"ARRESTED"|"HAS_IDENTIFIER"|"OFFICER_OF"|"NATIONAL_OF"|"REGISTERED_IN"|"IN_COUNTRY"|"BORDERS"|"SOURCED_FROM"|"IMPORTED_BY"|"EXPORTED_BY"|"ORIGINATED_IN"|"RECORDS"',
    ],
    [
      "a relationship between labels the model does not join",
      edit("type: RECOVERED", "type: CARRIED"),
      "relationships.recovered: the model has no (Seizure)-[:CARRIED]->(CommodityLine) (see cypher/model.md)",
    ],
    [
      "a relationship to an unknown alias",
      edit("to: line", "to: lines"),
      'relationships.recovered.to: unknown alias "lines" (nodes and references: seizure, line, country)',
    ],
    [
      "a source without a reliability grade",
      edit("  reliability: F\n", ""),
      "source.reliability: Invalid option: expected one of \"A\"|\"B\"|\"C\"|\"D\"|\"E\"|\"F\"",
    ],
    [
      "a value with two origins",
      edit("{ column: product,", "{ column: product, value: SCALES,"),
      "nodes.line.properties.product: give exactly one of column, slot, template, value, firstOf, concat (found column, value)",
    ],
    [
      "a synthetic source that makes reference nodes",
      edit("label: CommodityLine", "label: Country"),
      [
        "nodes.line.label: a synthetic source cannot make Country nodes: reference facts are never synthetic; refer to them under references",
        "nodes.line.properties: the model requires name on every Country",
        "relationships.recovered: the model has no (Seizure)-[:RECOVERED]->(Country) (see cypher/model.md)",
      ],
    ],
    [
      "a node without a property the API cannot do without",
      edit("      unit: { value: KG }\n", ""),
      "nodes.line.properties: the model requires unit on every CommodityLine",
    ],
    [
      "an unknown group",
      edit("label: CommodityLine", "label: CommodityLine\n    group: items"),
      'nodes.line.group: unknown group "items" (groups: none)',
    ],
    [
      "a key twice in the YAML",
      edit("  key: id\n", "  key: id\n  key: id\n"),
      "YAML line 15: Map keys must be unique",
    ],
  ])("%s", (_, text, messages) => {
    expect(problemsOf(text)).toEqual(Array.isArray(messages) ? messages : [messages]);
  });

  it("lists every problem at once", () => {
    const text = edit("normalise: date,", "normalise: datee,").replace("to: line", "to: lines");
    expect(problemsOf(text)).toHaveLength(2);
  });

  it("names the file and the entry in the error message", async () => {
    const error = await loadMapping(path.join(projectRoot, "no-such-mapping.yaml")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toBe(`${path.join(projectRoot, "no-such-mapping.yaml")}: cannot read the mapping file (ENOENT)`);
    expect(() => parseMapping("broken.yaml", edit("normalise: date,", "normalise: datee,"), context)).toThrow(
      'broken.yaml: nodes.seizure.properties.date: unknown normaliser "datee"',
    );
  });
});

describe("the shipped mappings", () => {
  it.each(["countries.yaml", "routes-airport-seizures.yaml"])("%s is valid", async (file) => {
    const mapping = await loadMapping(path.join(projectRoot, "mappings", file));
    expect(mapping.source.synthetic).toBe(false);
  });
});

describe("mappings/README.md", () => {
  it("its example is a valid mapping", async () => {
    const readme = await readFile(path.join(projectRoot, "mappings", "README.md"), "utf8");
    const example = /## Example[^\n]*\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(problemsOf(example!)).toEqual([]);
  });
});
