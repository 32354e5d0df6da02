import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";

import { parseMapping } from "../../src/import/mapping/load-mapping.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";
import { PlaceIndex, SpeciesIndex } from "../../src/import/plan/lookups.js";
import { RowPlanner, type RowPlan } from "../../src/import/plan/plan-row.js";

/** The planner on its own: a row in, nodes, references and relationships out; no database. */
const context = { countries: await loadCountryIndex() };

const MAPPING = `
version: 1
source: { id: plan-test, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: rows.csv
  key: id
  columns: [id, o, oc, t, tc, d, dc, species, kg, carrier]
groups:
  stop:
    instances:
      - { values: { role: ORIGIN }, columns: { country: o, city: oc } }
      - { values: { role: TRANSIT }, columns: { country: t, city: tc } }
      - { values: { role: DESTINATION }, columns: { country: d, city: dc } }
  item:
    list: { column: species, separator: ";" }
    keepEmpty: true
nodes:
  shipment: { label: Shipment, id: "s-{id}", properties: { mode: { value: AIR } } }
  line:
    label: CommodityLine
    group: item
    id: "s-{id}-{index}"
    properties:
      speciesText: { slot: item }
      product: { value: SCALES }
      unit: { value: KG }
      weightKg: { column: kg, normalise: weight, raw: quantityText, rowTotal: true }
  carrier: { label: Carrier, id: "c-{carrier}", properties: { name: { column: carrier }, kind: { value: AIRLINE } } }
references:
  stop:
    group: stop
    place: { name: { slot: city }, country: { slot: country }, kinds: [CITY, AIRPORT], fallbackToCountry: true }
  species:
    group: item
    species: { name: { slot: item } }
relationships:
  route:
    type: STOPS_AT
    from: shipment
    to: stop
    sequenced: true
    properties: { seq: { slot: index }, role: { slot: role } }
  carried: { type: CARRIED, from: shipment, to: line }
  carriedBy: { type: CARRIED_BY, from: shipment, to: carrier }
  ofSpecies: { type: OF_SPECIES, from: line, to: species }
`;

const mapping = parseMapping("plan-test.yaml", MAPPING, context);
const lookups = {
  places: new PlaceIndex([
    { id: "iata:DXB", name: "Dubai International Airport", kind: "AIRPORT", iataCode: "DXB", country: "AE" },
    { id: "locode:AEDXB", name: "Dubai", kind: "CITY", iataCode: null, country: "AE" },
    { id: "locode:VNSGN", name: "Ho Chi Minh City", kind: "CITY", iataCode: null, country: "VN" },
    { id: "locode:VNSG2", name: "Ho Chi Minh City", kind: "CITY", iataCode: null, country: "VN" },
  ]),
  species: new SpeciesIndex([{ id: "manis-javanica", scientificName: "Manis javanica", commonNames: ["Sunda pangolin"] }]),
};
const planner = new RowPlanner(mapping, new Map(), lookups);

const EMPTY = { id: "", o: "", oc: "", t: "", tc: "", d: "", dc: "", species: "", kg: "", carrier: "" };
function plan(cells: Partial<typeof EMPTY>): RowPlan {
  return planner.plan(7, { ...EMPTY, ...cells });
}

function route(result: RowPlan) {
  return result.relationships
    .filter((relationship) => relationship.type === "STOPS_AT")
    .map((relationship) => [relationship.seq?.toNumber(), relationship.properties.role, `${relationship.to.label}:${relationship.to.id}`]);
}

describe("RowPlanner", () => {
  it("numbers the stops it keeps, resolves places, and falls back to the country when a place is unknown", () => {
    const result = plan({ id: "1", t: "UAE", tc: "Dubai", d: "Viet Nam", dc: "Hanoi" });
    expect(route(result)).toEqual([
      [0, "TRANSIT", "Place:locode:AEDXB"],
      [1, "DESTINATION", "Country:VN"],
    ]);
    expect(result.flags).toEqual([
      { kind: "place", entry: "references.stop.place.name", column: "dc", value: "Hanoi", reason: "no place of kind CITY or AIRPORT is called that in VN; the country is used instead" },
    ]);
    // Countries are references, confirmed against the database batch by batch.
    expect(result.checks.map((check) => check.endpoint)).toEqual([{ label: "Country", id: "VN" }]);
  });

  it("never chooses between two places of the same name", () => {
    const result = plan({ id: "2", d: "Vietnam", dc: "Ho Chi Minh City" });
    expect(route(result)).toEqual([[0, "DESTINATION", "Country:VN"]]);
    expect(result.flags[0].reason).toBe(
      "2 places of kind CITY are called that in VN (locode:VNSGN, locode:VNSG2); the country is used instead",
    );
  });

  it("flags a country it cannot resolve and leaves its stop out", () => {
    const result = plan({ id: "3", o: "Atlantis", d: "UAE" });
    expect(route(result)).toEqual([[1, "DESTINATION", "Country:AE"]]);
    expect(result.flags).toEqual([
      { kind: "country", entry: "references.stop.place.country", column: "o", value: "Atlantis", reason: "unknown country" },
    ]);
  });

  it("makes one line per listed species, and gives a row total to none of several", () => {
    const result = plan({ id: "4", species: "Sunda pangolin; Pangolin scales", kg: "12" });
    expect(result.nodes.filter((node) => node.label === "CommodityLine")).toEqual([
      { label: "CommodityLine", id: "s-4-0", mention: false, properties: { speciesText: "Sunda pangolin", product: "SCALES", unit: "KG", quantityText: "12" } },
      { label: "CommodityLine", id: "s-4-1", mention: false, properties: { speciesText: "Pangolin scales", product: "SCALES", unit: "KG", quantityText: "12" } },
    ]);
    expect(result.relationships.filter((relationship) => relationship.type === "OF_SPECIES").map((relationship) => relationship.to.id)).toEqual([
      "manis-javanica",
    ]);
    expect(result.flags.map((flag) => [flag.kind, flag.value])).toEqual([
      ["shared-total", "12"],
      ["species", "Pangolin scales"],
    ]);
  });

  it("keeps one line when the list is empty, with the row's total", () => {
    const result = plan({ id: "5", kg: "Y" });
    expect(result.nodes.find((node) => node.label === "CommodityLine")).toEqual({
      label: "CommodityLine",
      id: "s-5-0",
      mention: false,
      properties: { product: "SCALES", unit: "KG", quantityText: "Y" },
    });
    expect(plan({ id: "5", kg: "2,5" }).flags).toEqual([
      { kind: "weight", entry: "nodes.line.properties.weightKg", column: "kg", value: "2,5", reason: "not a weight" },
    ]);
  });

  it("keeps repeated items of a list group, each an instance of its own", () => {
    const result = plan({ id: "7", species: "Sunda pangolin; Pangolin scales; Sunda pangolin" });
    expect(result.nodes.filter((node) => node.label === "CommodityLine").map((node) => [node.id, node.properties.speciesText])).toEqual([
      ["s-7-0", "Sunda pangolin"],
      ["s-7-1", "Pangolin scales"],
      ["s-7-2", "Sunda pangolin"],
    ]);
  });

  it("keeps only the first of repeated items of a list group marked unique", () => {
    const unique = parseMapping("unique.yaml", MAPPING.replace('list: { column: species, separator: ";" }', 'list: { column: species, separator: ";", unique: true }'), context);
    const result = new RowPlanner(unique, new Map(), lookups).plan(7, { ...EMPTY, id: "7", species: "Sunda pangolin; Pangolin scales;  Sunda   pangolin " });
    expect(result.nodes.filter((node) => node.label === "CommodityLine").map((node) => [node.id, node.properties.speciesText])).toEqual([
      ["s-7-0", "Sunda pangolin"],
      ["s-7-1", "Pangolin scales"],
    ]);
  });

  it("makes no node, and no relationship to it, when its id has an empty placeholder", () => {
    const without = plan({ id: "6" });
    expect(without.nodes.map((node) => node.label)).toEqual(["Shipment", "CommodityLine"]);
    expect(without.relationships.map((relationship) => relationship.type)).toEqual(["CARRIED"]);
    const withCarrier = plan({ id: "6", carrier: "Air X" });
    expect(withCarrier.relationships.map((relationship) => relationship.type)).toEqual(["CARRIED", "CARRIED_BY"]);
  });

  it("puts a world's prefix on every id it makes or refers to", () => {
    const prefixed = new RowPlanner(mapping, new Map(), lookups, { idPrefix: "w-" }).plan(1, { ...EMPTY, id: "1", d: "Laos" });
    expect(prefixed.nodes.map((node) => node.id)).toEqual(["w-s-1", "w-s-1-0"]);
    expect(route(prefixed)).toEqual([[0, "DESTINATION", "Country:w-LA"]]);
  });

  it("makes a node only on rows whose columns hold the values its id names under when", () => {
    const conditional = parseMapping(
      "when.yaml",
      MAPPING.replace(
        'carrier: { label: Carrier, id: "c-{carrier}",',
        'carrier: { label: Carrier, id: { template: "c-{carrier}", when: { o: [VN, LA], d: [""] } },',
      ).replace("unit: { value: KG }", "unit: { firstOf: [{ value: PIECES, when: { kg: [\"\"] } }, { value: KG }] }"),
      context,
    );
    const conditionalPlanner = new RowPlanner(conditional, new Map(), lookups);
    const carriers = (cells: Partial<typeof EMPTY>) =>
      conditionalPlanner.plan(1, { ...EMPTY, id: "9", carrier: "Air X", ...cells }).nodes.filter((node) => node.label === "Carrier").length;
    expect(carriers({ o: "VN" })).toBe(1);
    expect(carriers({ o: " LA " })).toBe(1);
    expect(carriers({ o: "TH" })).toBe(0);
    expect(carriers({ o: "VN", d: "CN" })).toBe(0);
    const unit = (kg: string) => conditionalPlanner.plan(1, { ...EMPTY, id: "9", kg }).nodes.find((node) => node.label === "CommodityLine")!.properties.unit;
    expect([unit(""), unit("3")]).toEqual(["PIECES", "KG"]);
  });

  it("rejects a row that leaves a property the model requires empty", () => {
    const strict = parseMapping("strict.yaml", MAPPING.replace("product: { value: SCALES }", "product: { column: species, normalise: vocabulary, vocabulary: Product }"), context);
    const result = new RowPlanner(strict, new Map(), lookups).plan(3, { ...EMPTY, id: "3" });
    expect(result.rejects).toEqual([
      { kind: "missing", entry: "nodes.line.properties.product", column: "species", value: "", reason: "no value, and every CommodityLine needs one" },
    ]);
  });
});

/** A route chained from three columns, each holding several places; seq counts from 1. */
const CHAIN = `
version: 1
source: { id: chain-test, title: T, publisher: P, licence: MIT, retrievedOn: 2026-01-01, reliability: F, kind: SYNTHETIC, synthetic: true }
input:
  file: rows.csv
  key: id
  columns: [id, origin, transit, destination, n]
groups:
  stop:
    list:
      - { column: origin, separator: ",", values: { role: ORIGIN } }
      - { column: transit, pattern: "\\\\s*(?:;|/)\\\\s*", values: { role: TRANSIT } }
      - { column: destination, separator: ",", values: { role: DESTINATION } }
nodes:
  shipment: { label: Shipment, id: "s-{id}", properties: { mode: { value: AIR } } }
references:
  stop:
    group: stop
    country: { slot: item }
relationships:
  route:
    type: STOPS_AT
    from: shipment
    to: stop
    sequenced: true
    properties:
      seq: { slot: index, offset: 1 }
      role: { slot: role, normalise: vocabulary, vocabulary: StopRole }
      placeText: { slot: item }
      columnText: { slot: column }
`;

describe("a list group chained from several columns", () => {
  const chain = new RowPlanner(parseMapping("chain.yaml", CHAIN, context), new Map(), lookups);
  const cells = { id: "1", origin: "", transit: "", destination: "", n: "" };
  const stops = (result: RowPlan) =>
    result.relationships.map((relationship) => [
      relationship.seq?.toNumber(),
      relationship.properties.role,
      relationship.to.id,
      relationship.properties.columnText,
    ]);

  it("gives the origins, then the transits, then the destinations, numbered across the chain from the offset", () => {
    const result = chain.plan(1, { ...cells, origin: "Nigeria, Cameroon", transit: "Togo / Ghana; Kenya", destination: "Viet Nam" });
    expect(stops(result)).toEqual([
      [1, "ORIGIN", "NG", "origin"],
      [2, "ORIGIN", "CM", "origin"],
      [3, "TRANSIT", "TG", "transit"],
      [4, "TRANSIT", "GH", "transit"],
      [5, "TRANSIT", "KE", "transit"],
      [6, "DESTINATION", "VN", "destination"],
    ]);
    expect(result.flags).toEqual([]);
  });

  it("skips empty columns without leaving a gap in the numbers", () => {
    expect(stops(chain.plan(1, { ...cells, origin: "Nigeria", destination: "China, Viet Nam" }))).toEqual([
      [1, "ORIGIN", "NG", "origin"],
      [2, "DESTINATION", "CN", "destination"],
      [3, "DESTINATION", "VN", "destination"],
    ]);
    expect(chain.plan(1, cells).relationships).toEqual([]);
  });

  it("stores every seq as an integer, whether a slot, a constant or a column gave it", () => {
    const fromConstant = parseMapping("constant.yaml", CHAIN.replace("seq: { slot: index, offset: 1 }", "seq: { value: 7 }"), context);
    const fromColumn = parseMapping("column.yaml", CHAIN.replace("seq: { slot: index, offset: 1 }", "seq: { column: n, normalise: number }"), context);
    const fromText = parseMapping("text.yaml", CHAIN.replace("seq: { slot: index, offset: 1 }", "seq: { column: n, offset: -1 }"), context);
    const row = { ...cells, origin: "Nigeria", n: "3" };
    const seqs = [fromConstant, fromColumn, fromText, parseMapping("chain.yaml", CHAIN, context)].map(
      (compiled) => new RowPlanner(compiled, new Map(), lookups).plan(1, row).relationships[0].seq,
    );
    for (const seq of seqs) expect(neo4j.isInt(seq), String(seq)).toBe(true);
    expect(seqs.map((seq) => seq!.toNumber())).toEqual([7, 3, 2, 1]);
  });

  it("flags a seq that is not a whole number and leaves its stop out", () => {
    const fromColumn = new RowPlanner(parseMapping("column.yaml", CHAIN.replace("seq: { slot: index, offset: 1 }", "seq: { column: n, normalise: number }"), context), new Map(), lookups);
    const result = fromColumn.plan(1, { ...cells, origin: "Nigeria", n: "2.5" });
    expect(result.relationships).toEqual([]);
    expect(result.flags).toEqual([{ kind: "number", entry: "relationships.route.properties.seq", column: "n", value: "2.5", reason: "not a whole number" }]);
  });

  it("keeps one empty instance when asked and every column is empty", () => {
    const keep = parseMapping("keep.yaml", CHAIN.replace("      - { column: destination, separator: \",\", values: { role: DESTINATION } }\n", "      - { column: destination, separator: \",\", values: { role: DESTINATION } }\n    keepEmpty: true\n"), context);
    const planner = new RowPlanner(keep, new Map(), lookups);
    const instance = (keep.groups.get("stop")!).expand(() => null, () => {});
    expect(instance).toEqual([{ slots: { item: null, column: null, role: "ORIGIN" }, columns: { item: "origin", column: "origin", role: "origin" } }]);
    expect(planner.plan(1, cells).relationships).toEqual([]);
  });
});

/**
 * A stand-in for the gazetteer (its contract: src/import/normalise/gazetteer/gazetteer.ts), reading a
 * table written here: the planner's part is to turn mentions into instances, and to flag.
 */
const MENTIONS: Record<string, { text: string; country: string | null; place?: string; candidates?: string[] }[]> = {
  "Kinshasa (DRC), Xiamen (China)": [
    { text: "Kinshasa (DRC)", country: "CD", place: "Kinshasa" },
    { text: "Xiamen (China)", country: "CN", place: "Xiamen" },
  ],
  "Lagos, Nigeria": [{ text: "Lagos, Nigeria", country: "NG", place: "Lagos" }],
  "Viet Nam": [{ text: "Viet Nam", country: "VN" }],
  "Kinshasa, Matadi": [
    { text: "Kinshasa", country: "CD", place: "Kinshasa" },
    { text: "Matadi", country: "CD", place: "Matadi" },
  ],
  "Kinshasa; Kinshasa": [
    { text: "Kinshasa", country: "CD", place: "Kinshasa" },
    { text: "Kinshasa", country: "CD", place: "Kinshasa" },
  ],
  "Congo, Hanoi": [
    { text: "Congo", country: null, candidates: ["CG", "CD"] },
    { text: "Hanoi", country: "VN", place: "Hanoi" },
  ],
};
const fakeGazetteer = {
  find: (text: string) =>
    (MENTIONS[text] ?? []).map((mention) => ({
      text: mention.text,
      country: mention.country,
      place: mention.place ? { name: mention.place, kind: "CITY" as never, locode: null, iata: null } : null,
      ambiguous: (mention.candidates ?? []).length > 1,
      candidates: mention.candidates ?? (mention.country ? [mention.country] : []),
    })),
};

describe("a list group whose items the gazetteer finds", () => {
  const text = (find: string) =>
    CHAIN.replace(/(separator: ",")|(pattern: "[^"]*")/g, `find: ${find}`)
      .replace("country: { slot: item }", "country: { slot: country }")
      .replace("columnText: { slot: column }", "columnText: { slot: column }\n      cityText: { slot: place }");
  const withGazetteer = { ...context, gazetteer: fakeGazetteer };
  const countries = new RowPlanner(parseMapping("countries.yaml", text("countries"), withGazetteer), new Map(), lookups);
  const places = new RowPlanner(parseMapping("places.yaml", text("places"), withGazetteer), new Map(), lookups);
  const cells = { id: "1", origin: "", transit: "", destination: "", n: "" };
  const stops = (result: RowPlan) =>
    result.relationships.map((relationship) => [relationship.seq?.toNumber(), relationship.to.id, relationship.properties.placeText, relationship.properties.cityText ?? null]);

  it("makes one stop per country a cell names, in the order written, before the next column's", () => {
    const result = countries.plan(1, { ...cells, origin: "Kinshasa (DRC), Xiamen (China)", destination: "Viet Nam" });
    expect(stops(result)).toEqual([
      [1, "CD", "Kinshasa (DRC)", null],
      [2, "CN", "Xiamen (China)", null],
      [3, "VN", "Viet Nam", null],
    ]);
    expect(result.flags).toEqual([]);
  });

  it("names each country once per cell with find: countries, every place with find: places", () => {
    expect(stops(countries.plan(1, { ...cells, origin: "Kinshasa, Matadi" }))).toEqual([[1, "CD", "Kinshasa", null]]);
    expect(stops(places.plan(1, { ...cells, origin: "Kinshasa, Matadi" }))).toEqual([
      [1, "CD", "Kinshasa", "Kinshasa"],
      [2, "CD", "Matadi", "Matadi"],
    ]);
  });

  it("drops repeated places of a cell with unique: true", () => {
    const unique = new RowPlanner(parseMapping("unique.yaml", text("places").replace("find: places,", "find: places, unique: true,"), withGazetteer), new Map(), lookups);
    expect(stops(unique.plan(1, { ...cells, origin: "Kinshasa, Matadi", transit: "Kinshasa (DRC), Xiamen (China)" }))).toEqual([
      [1, "CD", "Kinshasa", "Kinshasa"],
      [2, "CD", "Matadi", "Matadi"],
      // unique is per cell: the transit's Kinshasa is a stop of its own.
      [3, "CD", "Kinshasa (DRC)", "Kinshasa"],
      [4, "CN", "Xiamen (China)", "Xiamen"],
    ]);
    // A cell naming one place twice: twice without unique, once with it.
    expect(stops(places.plan(1, { ...cells, origin: "Kinshasa; Kinshasa" })).map(([seq, country]) => [seq, country])).toEqual([[1, "CD"], [2, "CD"]]);
    expect(stops(unique.plan(1, { ...cells, origin: "Kinshasa; Kinshasa" })).map(([seq, country]) => [seq, country])).toEqual([[1, "CD"]]);
  });

  it("flags an ambiguous mention and a cell naming nothing known, and guesses no country for either", () => {
    const result = countries.plan(1, { ...cells, origin: "Congo, Hanoi", transit: "Atlantis" });
    expect(stops(result)).toEqual([[2, "VN", "Hanoi", null]]);
    expect(result.flags).toEqual([
      { kind: "place", entry: "groups.stop.list.0.find", column: "origin", value: "Congo", reason: "ambiguous: may be in CG, CD; left without a country" },
      { kind: "place", entry: "groups.stop.list.1.find", column: "transit", value: "Atlantis", reason: "names no place or country the gazetteer knows" },
    ]);
    const nothing = countries.plan(1, { ...cells, origin: "Somewhere far" });
    expect(nothing.flags).toEqual([
      { kind: "place", entry: "groups.stop.list.0.find", column: "origin", value: "Somewhere far", reason: "names no place or country the gazetteer knows" },
    ]);
  });

  it("cannot be used without a gazetteer", () => {
    expect(() => parseMapping("countries.yaml", text("countries"), context)).toThrow(
      "groups.stop.list.0.find: the gazetteer is not loaded, so nothing can be found in free text",
    );
  });
});
