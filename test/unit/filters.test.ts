import { isDate } from "neo4j-driver";
import { describe, expect, test } from "vitest";

import { BadInputError } from "../../src/domain/errors.js";
import { filterParameters } from "../../src/graphql/resolvers/lists.js";

const SEIZURE_KEYS = ["country", "place", "species", "product", "mode", "dateFrom", "dateTo"] as const;

const allNull = { country: null, place: null, species: null, product: null, mode: null, dateFrom: null, dateTo: null };

describe("filterParameters", () => {
  test.each([
    { case: "no filter (null)", filter: null },
    { case: "no filter (undefined)", filter: undefined },
    { case: "an empty filter", filter: {} },
    { case: "every field null", filter: { ...allNull } },
  ])("$case: every key present, each null", ({ filter }) => {
    expect(filterParameters(filter, SEIZURE_KEYS)).toStrictEqual(allNull);
  });

  test("given values pass through; unused keys are null; fields not listed are dropped", () => {
    const filter = { country: "VN", product: "SCALES", taxonClass: "Mammalia" };
    expect(filterParameters(filter, SEIZURE_KEYS)).toStrictEqual({ ...allNull, country: "VN", product: "SCALES" });
  });

  test("the keys of the result are the keys asked for, in their order", () => {
    expect(Object.keys(filterParameters({ kind: "SHELL" }, ["country", "kind"]))).toStrictEqual(["country", "kind"]);
  });

  test.each([
    { iso: "2019-04-08", year: 2019, month: 4, day: 8 },
    { iso: "2020-02-29", year: 2020, month: 2, day: 29 },
    { iso: "1999-12-31", year: 1999, month: 12, day: 31 },
    { iso: "0999-01-01", year: 999, month: 1, day: 1 },
  ])("$iso becomes a Neo4j Date $year/$month/$day", ({ iso, year, month, day }) => {
    const parameters = filterParameters({ dateFrom: iso, dateTo: iso }, SEIZURE_KEYS);
    for (const key of ["dateFrom", "dateTo"]) {
      const value = parameters[key];
      expect(isDate(value), `${key} is a Neo4j Date`).toBe(true);
      expect(value).toMatchObject({ year, month, day });
      expect(String(value)).toBe(iso);
    }
  });

  test("one date alone is converted and the other stays null", () => {
    const parameters = filterParameters({ dateTo: "2019-04-08" }, SEIZURE_KEYS);
    expect(parameters.dateFrom).toBeNull();
    expect(isDate(parameters.dateTo)).toBe(true);
    expect(String(parameters.dateTo)).toBe("2019-04-08");
  });

  test.each([
    { dateFrom: "2019-04-09", dateTo: "2019-04-08" },
    { dateFrom: "2020-01-01", dateTo: "2019-12-31" },
    { dateFrom: "2019-10-01", dateTo: "2019-09-30" },
  ])("dateFrom $dateFrom after dateTo $dateTo is BAD_USER_INPUT on filter.dateTo", (filter) => {
    let thrown: unknown;
    try {
      filterParameters(filter, SEIZURE_KEYS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadInputError);
    expect(thrown).toMatchObject({
      argument: "filter.dateTo",
      code: "BAD_USER_INPUT",
      message: 'Invalid argument "filter.dateTo": must not be before filter.dateFrom',
    });
  });

  test("equal dates pass: one day", () => {
    const parameters = filterParameters({ dateFrom: "2019-04-08", dateTo: "2019-04-08" }, SEIZURE_KEYS);
    expect(String(parameters.dateFrom)).toBe("2019-04-08");
    expect(String(parameters.dateTo)).toBe("2019-04-08");
  });
});
