import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { loadGazetteer } from "../../src/import/normalise/gazetteer/gazetteer.js";
import { foldName } from "../../src/import/normalise/normaliser.js";

/**
 * The gazetteer against place cells of the shared data labelled by hand (fixtures/gazetteer-sample.csv:
 * the cell, where it came from, the countries and places a reader finds in it). Country level: per
 * cell, the expected codes and the codes of the mentions the gazetteer resolved (an ambiguous mention
 * has none), compared as multisets. Place level: the expected places and the mentions' places, a
 * pair counting when one folded name holds the other ("Dubai" and "Dubai International Airport").
 */
interface Labelled {
  source: string;
  text: string;
  countries: string[];
  places: string[];
}

function readLabelled(file: string): Labelled[] {
  return (parse(readFileSync(path.join(import.meta.dirname, "fixtures", file)), { columns: true, comment: "#" }) as Record<string, string>[]).map(
    (row): Labelled => ({
      source: row.source,
      text: row.text,
      countries: row.countries.split(" ").filter(Boolean),
      places: row.places.split(";").filter(Boolean),
    }),
  );
}

/** The sample the gazetteer was tuned on, and cells labelled after tuning and never used for it. */
const sample = readLabelled("gazetteer-sample.csv");
const heldOut = readLabelled("gazetteer-heldout.csv");
/** Airports only, labelled last and never tuned on: the hardest cells (many named after a person). */
const heldOutAirports = readLabelled("gazetteer-heldout-airports.csv");

interface Tally {
  cells: number;
  expected: number;
  found: number;
  right: number;
  placesExpected: number;
  placesFound: number;
  placesRight: number;
  exact: number;
}

const gazetteer = await loadGazetteer();

function tally(rows: readonly Labelled[], misses: string[]): Tally {
  const total: Tally = { cells: 0, expected: 0, found: 0, right: 0, placesExpected: 0, placesFound: 0, placesRight: 0, exact: 0 };
  for (const row of rows) {
    const mentions = gazetteer.find(row.text);
    const found = mentions.flatMap((mention) => (mention.country === null ? [] : [mention.country]));
    const right = overlap(row.countries, found, (a, b) => a === b);
    const places = mentions.flatMap((mention) => (mention.place === null || mention.ambiguous ? [] : [mention.place.name]));
    const placesRight = overlap(row.places, places, samePlace);
    total.cells += 1;
    total.expected += row.countries.length;
    total.found += found.length;
    total.right += right;
    total.placesExpected += row.places.length;
    total.placesFound += places.length;
    total.placesRight += placesRight;
    const exact = found.join(" ") === row.countries.join(" ");
    if (exact) total.exact += 1;
    if (!exact || placesRight < row.places.length) {
      misses.push(`${row.source}: ${row.text} → ${found.join(" ") || "-"} [${places.join("; ")}] expected ${row.countries.join(" ") || "-"} [${row.places.join("; ")}]`);
    }
  }
  return total;
}

/** How many items of `expected` find a partner in `found`, each used once. */
function overlap<T>(expected: readonly T[], found: readonly T[], same: (a: T, b: T) => boolean): number {
  const left = [...found];
  let count = 0;
  for (const item of expected) {
    const at = left.findIndex((candidate) => same(item, candidate));
    if (at >= 0) {
      left.splice(at, 1);
      count += 1;
    }
  }
  return count;
}

function samePlace(expected: string, found: string): boolean {
  const [a, b] = [foldName(expected), foldName(found)];
  return a === b || ` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `);
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

describe("gazetteer quality on hand-labelled place cells", () => {
  const misses: string[] = [];
  const bySource = new Map<string, Tally>();
  for (const source of [...new Set(sample.map((row) => row.source))]) {
    bySource.set(source, tally(sample.filter((row) => row.source === source), misses));
  }
  const all = tally(sample, []);
  const heldOutMisses: string[] = [];
  const held = tally(heldOut, heldOutMisses);
  const airports = tally(heldOutAirports, heldOutMisses);

  it("prints recall and precision per source", () => {
    const line = (name: string, t: Tally) =>
      `${name.padEnd(8)} cells ${String(t.cells).padStart(4)}  country recall ${ratio(t.right, t.expected).toFixed(3)} precision ${ratio(t.right, t.found).toFixed(3)} (${t.right}/${t.expected}, ${t.right}/${t.found}); cells exactly right ${t.exact}  place recall ${ratio(t.placesRight, t.placesExpected).toFixed(3)} precision ${ratio(t.placesRight, t.placesFound).toFixed(3)} (${t.placesRight}/${t.placesExpected}, ${t.placesRight}/${t.placesFound})`;
    console.log([...[...bySource].map(([name, t]) => line(name, t)), line("all", all), line("held out", held), line("airports", airports)].join("\n"));
    if (process.env.GAZETTEER_MISSES) console.log([...misses, "held out:", ...heldOutMisses].join("\n"));
    expect(all.cells).toBeGreaterThanOrEqual(300);
  });

  it("finds at least 95% of the countries", () => {
    expect(ratio(all.right, all.expected)).toBeGreaterThanOrEqual(0.95);
  });

  // A precision floor: a wrong country sends a route through a country it never touched, which is
  // worse than a missing one (flagged, left empty); ROUTES' own slips ("Brussels, Netherlands",
  // "Juba, Sudan" after 2011) cost some of it, as the gazetteer reports what the cell says.
  it("names a wrong country at most once in 25", () => {
    expect(ratio(all.right, all.found)).toBeGreaterThanOrEqual(0.96);
  });

  // Floor set before the airports were first run: a tenth may be missed (an airport named after a
  // person that OpenFlights spells otherwise), none may be given a wrong country more than once in 25.
  it("finds nine in ten of the held-out airports' countries", () => {
    expect(airports.cells).toBeGreaterThanOrEqual(50);
    expect(ratio(airports.right, airports.expected)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(airports.right, airports.found)).toBeGreaterThanOrEqual(0.96);
  });

  it("keeps both on cells it was not tuned on", () => {
    expect(held.cells).toBeGreaterThanOrEqual(90);
    expect(ratio(held.right, held.expected)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(held.right, held.found)).toBeGreaterThanOrEqual(0.96);
  });
});
