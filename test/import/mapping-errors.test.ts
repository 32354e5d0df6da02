import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { loadMapping, parseMapping } from "../../src/import/mapping/load-mapping.js";
import { MappingError } from "../../src/import/mapping/mapping-error.js";
import { mappingUnderTest } from "./helpers/mapping-problems.js";

const { valid, problemsOf, edit, context } = await mappingUnderTest(path.join(projectRoot, "test", "import", "fixtures", "bad-rows.yaml"));

describe("mapping files that cannot be used fail with a message naming the entry", () => {
  it("the fixture mapping itself is valid", () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it.each([
    [
      "an unknown normaliser",
      edit("normalise: date,", "normalise: datee,"),
      'nodes.seizure.properties.date: unknown normaliser "datee" (known: text, date, number, weight, list, country, vocabulary, slug, phone, email, address, document, bank-account, places)',
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

/** A mapping using the language for hand-kept spreadsheets: columns by position or renamed, a row number, a chained list. */
const SPREADSHEET = `
version: 1
source: { id: sheet, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: sheet.csv
  rowNumber: row
  key: row
  columns:
    - { name: origin, header: Country, occurrence: 1 }
    - { name: destination, header: Country, occurrence: 2 }
    - { name: transit, position: 9 }
    - count
groups:
  stop:
    list:
      - { column: origin, separator: ",", values: { role: ORIGIN } }
      - { column: transit, separator: ",", values: { role: TRANSIT } }
      - { column: destination, separator: ",", values: { role: DESTINATION } }
nodes:
  shipment: { label: Shipment, id: "sheet-{row}", properties: { mode: { value: AIR } } }
  line:
    label: CommodityLine
    id: "sheet-{row}-line"
    properties: { product: { value: SCALES }, unit: { value: PIECES }, quantity: { column: count, normalise: number, unknown: [Y] } }
references:
  stop: { group: stop, country: { slot: item } }
relationships:
  route:
    type: STOPS_AT
    from: shipment
    to: stop
    sequenced: true
    properties: { seq: { slot: index, offset: 1 }, role: { slot: role } }
  carried: { type: CARRIED, from: shipment, to: line }
`;

describe("columns by position or renamed, row numbers, chained lists and seq arithmetic", () => {
  function change(find: string | RegExp, replace: string): string {
    const changed = SPREADSHEET.replace(find, replace);
    expect(changed, `the mapping holds ${String(find)}`).not.toBe(SPREADSHEET);
    return changed;
  }

  it("the mapping itself is valid", () => {
    expect(problemsOf(SPREADSHEET)).toEqual([]);
  });

  it.each([
    [
      "two entries giving one name",
      change("{ name: transit, position: 9 }", "{ name: origin, position: 9 }"),
      ['input.columns.2: column "origin" is listed twice', 'groups.stop.list.1.column: "transit" is not a column of sheet.csv nor of a join'],
    ],
    [
      "two entries reading one column",
      change("{ name: destination, header: Country, occurrence: 2 }", "{ name: destination, header: Country }"),
      ["input.columns.1: reads the same column as input.columns.0"],
    ],
    [
      "an occurrence without a header",
      change("{ name: destination, header: Country, occurrence: 2 }", "{ name: destination, occurrence: 2 }"),
      ["input.columns.1: occurrence counts columns of one header: give header as well"],
    ],
    [
      "a position and an occurrence",
      change("{ name: transit, position: 9 }", "{ name: transit, header: Country, position: 9, occurrence: 3 }"),
      ["input.columns.2: give position or occurrence, not both: a position names one column already"],
    ],
    [
      "a position that is not a column number",
      change("position: 9", "position: 0"),
      ["input.columns.2.position: Too small: expected number to be >=1"],
    ],
    [
      "a row number named like a column",
      change("rowNumber: row", "rowNumber: count"),
      [
        'input.rowNumber: "count" is also a column of input.columns: the row number needs a name of its own',
        'input.key: "row" is not a column of sheet.csv',
        'nodes.shipment.id: template placeholder {row}: "row" is not a column of sheet.csv nor of a join',
        'nodes.line.id: template placeholder {row}: "row" is not a column of sheet.csv nor of a join',
      ],
    ],
    [
      "a column of a chain that the input does not declare",
      change("{ column: transit, separator", "{ column: via, separator"),
      ['groups.stop.list.1.column: "via" is not a column of sheet.csv nor of a join'],
    ],
    [
      "a part of a chain with two ways to find its items",
      change('{ column: transit, separator: ","', '{ column: transit, separator: ",", find: countries'),
      ["groups.stop.list.1: give one of separator, pattern or find"],
    ],
    [
      "a part of a chain without the slots the others give",
      change("{ column: transit, separator: \",\", values: { role: TRANSIT } }", "{ column: transit, separator: \",\" }"),
      ["groups.stop.list.1.values: missing slot(s) role: every column of the list gives the same slots"],
    ],
    [
      "a part of a chain giving a built-in slot",
      change("values: { role: ORIGIN }", "values: { role: ORIGIN, column: X }"),
      ['groups.stop.list.0.values.column: slot "column" is built in', "groups.stop.list.1.values: missing slot(s) column: every column of the list gives the same slots", "groups.stop.list.2.values: missing slot(s) column: every column of the list gives the same slots"],
    ],
    [
      "a pattern that is not a regular expression",
      change('{ column: transit, separator: ","', '{ column: transit, pattern: "(["'),
      ["groups.stop.list.1.pattern: not a regular expression: Invalid regular expression: /([/u: Unterminated character class"],
    ],
    [
      "the gazetteer where none is loaded",
      change('{ column: origin, separator: ","', "{ column: origin, find: countries"),
      ["groups.stop.list.0.find: the gazetteer is not loaded, so nothing can be found in free text"],
    ],
    [
      "a gazetteer search for something else",
      change('{ column: origin, separator: ","', "{ column: origin, find: cities"),
      ['groups.stop.list.0.find: Invalid option: expected one of "countries"|"places"'],
    ],
    [
      "a group that is both a list and column groups",
      change("  stop:\n    list:", "  stop:\n    instances: [{ values: { role: ORIGIN } }]\n    list:"),
      ["groups.stop: a group has either instances (column groups) or list (a column, or columns chained, holding several values)"],
    ],
    [
      "skipEmpty on a list",
      change("  stop:\n    list:", "  stop:\n    skipEmpty: [item]\n    list:"),
      ["groups.stop.skipEmpty: skipEmpty applies to instances only"],
    ],
    [
      "an offset that is not a whole number",
      change("offset: 1", "offset: 0.5"),
      ["relationships.route.properties.seq.offset: must be a whole number"],
    ],
    [
      "an offset on a template",
      change("{ slot: index, offset: 1 }", '{ template: "{index}", offset: 1 }'),
      ["relationships.route.properties.seq.offset: offset applies to a column, a slot or a value"],
    ],
    [
      "a seq that is a constant fraction",
      change("{ slot: index, offset: 1 }", "{ value: 1.5 }"),
      ["relationships.route.properties.seq: must be a whole number"],
    ],
    [
      "an empty unknown marker of a number",
      change("unknown: [Y]", 'unknown: [""]'),
      ["nodes.line.properties.quantity.unknown.0: an unknown marker cannot be empty (normaliser number)"],
    ],
  ])("%s", (_, text, messages) => {
    expect(problemsOf(text)).toEqual(messages);
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
