import { describe, expect, it } from "vitest";

import { CountryIndex } from "../../src/import/normalise/country.js";
import { loadCountryIndex } from "../../src/import/normalise/country-index.js";
import { parseDate } from "../../src/import/normalise/date.js";
import { splitter } from "../../src/import/normalise/list.js";
import type { Outcome } from "../../src/import/normalise/normaliser.js";
import { foldName } from "../../src/import/normalise/normaliser.js";
import { parseNumber } from "../../src/import/normalise/number.js";
import { normalisers } from "../../src/import/normalise/registry.js";
import { matchVocabulary } from "../../src/import/normalise/vocabulary.js";
import { parseWeight } from "../../src/import/normalise/weight.js";

/** `[raw, value]` for a value, `[raw, undefined, problem]` for a problem. */
type Case<T> = [raw: string, value: T | null | undefined, problem?: string];

function expectOutcome<T>(outcome: Outcome<T>, [, value, problem]: Case<T>): void {
  expect(outcome).toEqual(problem === undefined ? { value } : { problem });
}

describe("date", () => {
  const routes = parseDate({ formats: ["d-MMM-yy"], twoDigitYearsFrom: 2000 });
  it.each<Case<string>>([
    ["18-Jan-09", "2009-01-18"],
    ["1-Dec-12", "2012-12-01"],
    ["29-Feb-12", "2012-02-29"],
    ["  3-feb-09 ", "2009-02-03"],
    ["29-Feb-13", undefined, 'not a date in the format "d-MMM-yy"'],
    ["31-Apr-15", undefined, 'not a date in the format "d-MMM-yy"'],
    ["5/17/2011 to 5/26/2011", undefined, 'not a date in the format "d-MMM-yy"'],
    ["18-Jnu-09", undefined, 'not a date in the format "d-MMM-yy"'],
    ["2009-01-18", undefined, 'not a date in the format "d-MMM-yy"'],
  ])("d-MMM-yy: %j", (...c) => expectOutcome(routes(c[0]), c));

  const several = parseDate({ formats: ["ISO", "d/M/yyyy", "d MMMM yyyy"], twoDigitYearsFrom: 2000 });
  it.each<Case<string>>([
    ["2019-03-07", "2019-03-07"],
    ["7/3/2019", "2019-03-07"],
    ["07/03/2019", "2019-03-07"],
    ["7 March 2019", "2019-03-07"],
    ["7 Mar 2019", "2019-03-07"],
    ["13/13/2019", undefined, 'not a date in the format "ISO" or "d/M/yyyy" or "d MMMM yyyy"'],
    ["2019-02-30", undefined, 'not a date in the format "ISO" or "d/M/yyyy" or "d MMMM yyyy"'],
  ])("ISO, d/M/yyyy, d MMMM yyyy: %j", (...c) => expectOutcome(several(c[0]), c));

  it("puts two-digit years in the declared century", () => {
    expect(parseDate({ formats: ["d-MMM-yy"], twoDigitYearsFrom: 1900 })("18-Jan-09")).toEqual({ value: "1909-01-18" });
  });

  it.each([
    [{ formats: ["d-MMM"] }, 'formats.0: date format "d-MMM" needs a year, a month and a day'],
    [{ formats: [] }, "formats: Too small: expected array to have >=1 items"],
    [{ formats: ["ISO"], format: "ISO" }, 'Unrecognized key: "format"'],
  ])("refuses options %j", (options, message) => {
    const result = normalisers.get("date")!.options.safeParse(options);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message).toBe(message);
  });
});

describe("number", () => {
  const plain = parseNumber({ decimal: ".", integer: false });
  it.each<Case<number>>([
    ["300", 300],
    ["1,200", 1200],
    ["1,200,000.5", 1200000.5],
    ["0.35", 0.35],
    [".5", 0.5],
    ["-4", -4],
    ["100s", undefined, "not a number"],
    ["1,20", undefined, "not a number"],
    ["about 40", undefined, "not a number"],
    ["12 3", undefined, "not a number"],
  ])("decimal point: %j", (...c) => expectOutcome(plain(c[0]), c));

  const european = parseNumber({ decimal: ",", integer: false });
  it.each<Case<number>>([
    ["1.200,5", 1200.5],
    ["0,35", 0.35],
    ["1,200.5", undefined, "not a number"],
  ])("decimal comma: %j", (...c) => expectOutcome(european(c[0]), c));

  const whole = parseNumber({ decimal: ".", integer: true });
  it.each<Case<number>>([
    ["1,000", 1000],
    ["2.5", undefined, "not a whole number"],
  ])("integer: %j", (...c) => expectOutcome(whole(c[0]), c));

  // "Y" in a count column: seized, count not reported. No value and no problem, as for weight.
  const counted = parseNumber({ decimal: ".", integer: true, unknown: ["Y", " unknown "] });
  it.each<Case<number>>([
    ["Y", null],
    ["y", null],
    [" Y ", null],
    ["Unknown", null],
    ["12", 12],
    ["N", undefined, "not a number"],
    ["YY", undefined, "not a number"],
  ])("unknown markers: %j", (...c) => expectOutcome(counted(c[0]), c));

  it("reads the unknown option from a mapping, and refuses an empty marker", () => {
    const options = normalisers.get("number")!.options;
    expect(options.safeParse({ unknown: ["Y"] }).success).toBe(true);
    const empty = options.safeParse({ unknown: [""] });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0].message).toBe("an unknown marker cannot be empty");
    expect(normalisers.get("weight")!.options.safeParse({ unknown: [" "] }).success).toBe(false);
  });
});

describe("weight", () => {
  const routes = parseWeight({ unit: "kg", decimal: ".", unknown: ["Y"] });
  it.each<Case<number>>([
    ["300", 300],
    ["12.98", 12.98],
    ["2,200", 2200],
    ["Y", null],
    ["y", null],
    ["12 kg", 12],
    ["400 g", 0.4],
    ["1.5t", 1500],
    ["0.3kgs", 0.3],
    ["400g each", undefined, "not a weight"],
    ["100s", undefined, "not a weight"],
    ["N", undefined, "not a weight"],
  ])("kg column, Y = unknown: %j", (...c) => expectOutcome(routes(c[0]), c));

  it("reads bare numbers in the column's unit", () => {
    expect(parseWeight({ unit: "g", decimal: ".", unknown: [] })("250")).toEqual({ value: 0.25 });
  });
});

describe("list", () => {
  it.each<[string, { separator?: string; pattern?: string; drop?: string }, string[]]>([
    ["Pigeons; Bird eggs", { separator: ";" }, ["Pigeons", "Bird eggs"]],
    ["Saffron Finches; Great-billed Seed Finches; Hooded Siskins; Nightengales; ", { separator: ";" }, ["Saffron Finches", "Great-billed Seed Finches", "Hooded Siskins", "Nightengales"]],
    ["Eagle Owls, scops owls", { separator: ";" }, ["Eagle Owls, scops owls"]],
    ["Snakes;  Snakes ;Turtles", { separator: ";" }, ["Snakes", "Turtles"]],
    [";;", { separator: ";" }, []],
    ["CD,DR Congo,Congo, the Democratic Republic of the,DRC", { pattern: ",(?! )", drop: "^[A-Z]{2}$" }, ["DR Congo", "Congo, the Democratic Republic of the", "DRC"]],
  ])("%j", (raw, options, items) => {
    // The list normaliser's default: repeated items dropped.
    expect(splitter({ unique: true, ...options })(raw)).toEqual(items);
  });
});

describe("vocabulary", () => {
  const mode = matchVocabulary({
    vocabulary: "TransportMode",
    values: { Luggage: "PASSENGER_LUGGAGE", "Passenger - Clothing/Items": "PASSENGER_LUGGAGE" },
    patterns: [{ pattern: "^a[ri]{1,2}f", value: "AIR" }],
    unmatched: "flag",
  });
  it.each<Case<string>>([
    ["Luggage", "PASSENGER_LUGGAGE"],
    ["luggage", "PASSENGER_LUGGAGE"],
    // Comparisons are blind to punctuation, so one entry covers both spellings.
    ["Passenger Clothing/Items", "PASSENGER_LUGGAGE"],
    ["Passenger - Clothing/Items", "PASSENGER_LUGGAGE"],
    ["Airfrieght", "AIR"],
    ["Arifreight", "AIR"],
    ["sea", "SEA"],
    ["passenger luggage", "PASSENGER_LUGGAGE"],
    ["Camel", undefined, "not a known TransportMode"],
  ])("TransportMode: %j", (...c) => expectOutcome(mode(c[0]), c));

  it("gives no value for an unmatched cell when told to", () => {
    const eggs = matchVocabulary({ vocabulary: "Product", values: {}, patterns: [{ pattern: "\\beggs?\\b", value: "EGGS" }], unmatched: "empty" });
    expect([eggs("Bird Eggs"), eggs("Pigeons")]).toEqual([{ value: "EGGS" }, { value: null }]);
  });

  it.each([
    [{ vocabulary: "TransportMode", values: { Luggage: "LUGGAGE" } }, "values.Luggage"],
    [{ vocabulary: "Transport" }, "vocabulary"],
    [{ vocabulary: "Product", patterns: [{ pattern: "(", value: "EGGS" }] }, "patterns.0.pattern"],
  ])("refuses options %j at %s", (options, path) => {
    const result = normalisers.get("vocabulary")!.options.safeParse(options);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });
});

const countryIndex = await loadCountryIndex();

describe("country", () => {
  const index = countryIndex;
  it.each<Case<string>>([
    // The spellings DOMAIN.md warns about, and those ROUTES uses.
    ["UAE", "AE"],
    ["Ivory Coast", "CI"],
    ["Côte d'Ivoire", "CI"],
    ["China - Hong Kong", "HK"],
    ["Hong Kong", "HK"],
    ["Laos", "LA"],
    ["Lao PDR", "LA"],
    ["Viet Nam", "VN"],
    ["Vietnam", "VN"],
    ["DR Congo", "CD"],
    ["Republic of Congo", "CG"],
    ["USA", "US"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["Taiwan", "TW"],
    ["South Korea", "KR"],
    ["Turkey", "TR"],
    ["Libia", "LY"],
    ["Czech Republic", "CZ"],
    ["The Netherlands", "NL"],
    ["French Guiana", "GF"],
    ["Korea, Republic of", "KR"],
    ["中国", "CN"],
    // Codes, in capitals only.
    ["VN", "VN"],
    ["VNM", "VN"],
    ["us", undefined, "unknown country"],
    ["Korea", undefined, "unknown country"],
    ["Canada, Turkey", undefined, "unknown country"],
    ["Atlantis", undefined, "unknown country"],
  ])("%j", (...c) => expectOutcome(index.resolve(c[0]), c));

  it("calls a name two countries share ambiguous, unless an alias settles it", () => {
    const countries = [
      { cca2: "CD", cca3: "COD", names: ["DR Congo", "Congo"] },
      { cca2: "CG", cca3: "COG", names: ["Congo"] },
    ];
    expect(new CountryIndex(countries, []).resolve("Congo")).toEqual({ problem: "ambiguous country name (CD, CG)" });
    expect(new CountryIndex(countries, [{ alias: "Congo", cca2: "CG" }]).resolve("congo")).toEqual({ value: "CG" });
    expect(() => new CountryIndex(countries, [{ alias: "Zaire", cca2: "ZR" }])).toThrow(
      'country alias "Zaire" names ZR, which is not in the country data',
    );
  });
});

describe("foldName", () => {
  it.each([
    ["Côte d'Ivoire", "cote divoire"],
    ["O.R. Tambo Airport", "or tambo airport"],
    ["Sao Paulo–Guarulhos Airport", "sao paulo guarulhos airport"],
    ["The Netherlands", "netherlands"],
    ["Trinidad & Tobago", "trinidad and tobago"],
  ])("%j → %j", (raw, folded) => expect(foldName(raw)).toBe(folded));
});
