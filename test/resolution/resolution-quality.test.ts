import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { errorTables, summaryTable, variantTable } from "../../bench/resolution/report.js";
import { generateNetwork } from "../../src/generate/generate-network.js";
import type { GroundTruth } from "../../src/generate/ground-truth.js";
import { countNames, findCandidates, type Candidate, type ResolutionRecord } from "../../src/resolution/index.js";
import { measureResolution, type ResolutionQuality } from "../../src/resolution/quality.js";
import { DEFAULT_MIN_SCORE } from "../../src/resolution/resolve-candidates.js";
import { readResolutionRecords } from "../../src/resolution/records-from-files.js";
import { readNetwork, type NetworkFiles } from "../generate/network-files.js";

/**
 * Issue 17's bar: on generated worlds of 1,000 and 10,000 shipments with duplicate records
 * (`duplicates` 0.1), the resolver's candidates at its default threshold reach pairwise precision
 * and recall of 0.95 each against the generator's planted clusters. The figures per variant kind
 * are printed; `npm run bench:resolution` writes them to bench/REPORT.md.
 *
 * Both meet it on these seeds (last run: precision 0.969 and 0.952, recall 1.000 and 0.989). It
 * is a bar at the edge at 10,000 shipments: on four other seeds precision was 0.943–0.965 there
 * (README, "Resolution quality"). What is left are namesakes, persons with the same name, birth year
 * and nationality and nothing else to tell them apart, and names a letter apart ("Sophea" and
 * "Sopheak") that are two real names.
 */

/** What `npm run resolve -- candidates` stores by default (the README's threshold for review). */
const THRESHOLD = DEFAULT_MIN_SCORE;
const BAR = 0.95;
const SHARE = 0.1;
const SIZES = [1000, 10_000];

interface World {
  readonly shipments: number;
  readonly truth: GroundTruth;
  readonly records: ResolutionRecord[];
  readonly candidates: Candidate[];
  readonly quality: ResolutionQuality;
  readonly seconds: { generate: number; candidates: number };
}

let root: string;
const worlds = new Map<number, World>();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "resolution-quality-"));
  for (const shipments of SIZES) {
    const dir = path.join(root, String(shipments));
    let started = performance.now();
    const truth = await generateNetwork({ seed: `rq${shipments}`, shipments, outDir: dir, duplicates: SHARE });
    const generate = (performance.now() - started) / 1000;
    const records = await readResolutionRecords(dir);
    started = performance.now();
    const candidates = findCandidates(records, { minScore: THRESHOLD });
    const seconds = { generate, candidates: (performance.now() - started) / 1000 };
    const clusters = [...truth.duplicates!.persons, ...truth.duplicates!.companies];
    const quality = measureResolution(records, candidates, clusters, { threshold: THRESHOLD, nameCounts: countNames(records) });
    worlds.set(shipments, { shipments, truth, records, candidates, quality, seconds });
    console.log(
      [
        `${shipments} shipments, duplicates ${SHARE}, threshold ${THRESHOLD}: ${records.length} records, ${candidates.length} candidates ` +
          `(generated in ${seconds.generate.toFixed(1)} s, candidates in ${seconds.candidates.toFixed(1)} s)`,
        summaryTable(quality),
        variantTable(quality),
        errorTables(quality),
      ].join("\n\n"),
    );
  }
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe.each(SIZES)("generated world of %i shipments", (shipments) => {
  const world = () => worlds.get(shipments)!;

  test("plants duplicates of persons and companies to measure against", () => {
    const { duplicates } = world().truth;
    expect(duplicates?.persons.length).toBeGreaterThan(0);
    expect(duplicates?.companies.length).toBeGreaterThan(0);
  });

  test(`pairwise precision is at least ${BAR}`, () => {
    expect(world().quality.pairwise.all.precision).toBeGreaterThanOrEqual(BAR);
  });

  test(`pairwise recall is at least ${BAR}`, () => {
    expect(world().quality.pairwise.all.recall).toBeGreaterThanOrEqual(BAR);
  });

  test("the true pairs counted are exactly the pairs inside the ground truth's clusters", () => {
    const { truth, quality } = world();
    const clusters = [...truth.duplicates!.persons, ...truth.duplicates!.companies];
    const expected = clusters.reduce((sum, cluster) => sum + (cluster.members.length * (cluster.members.length - 1)) / 2, 0);
    expect(quality.pairwise.all.truePairs).toBe(expected);
    // Every original–double and double–double pair is in exactly one row of the variant table.
    expect(quality.byVariant.reduce((sum, row) => sum + row.pairs, 0)).toBe(expected);
  });
});

describe("records read from the generator's files", () => {
  let network: NetworkFiles;
  let records: Map<string, ResolutionRecord>;

  beforeAll(async () => {
    const dir = path.join(root, String(SIZES[0]));
    network = await readNetwork(dir);
    records = new Map(worlds.get(SIZES[0]!)!.records.map((record) => [record.id, record]));
  });

  test("one record per row of persons.csv and companies.csv, of the row's kind", () => {
    expect(records.size).toBe(network.rows.persons.length + network.rows.companies.length);
    for (const row of network.rows.persons) expect(records.get(row.id)?.kind).toBe("Person");
    for (const row of network.rows.companies) expect(records.get(row.id)?.kind).toBe("Company");
  });

  test("persons carry their name and aliases, birth year and nationality as the row gives them", () => {
    for (const row of network.rows.persons) {
      const record = records.get(row.id)!;
      expect(record.names[0]).toBe(row.name);
      const aliases = row.aliases === "" ? [] : row.aliases.split(";");
      expect(new Set(record.names)).toEqual(new Set([row.name, ...aliases]));
      expect(record.birthYear ?? null).toBe(row.birthYear === "" ? null : Number(row.birthYear));
      expect(record.nationalities).toEqual(row.nationalityId === "" ? [] : [row.nationalityId]);
    }
  });

  test("companies carry their name and registration country", () => {
    for (const row of network.rows.companies) {
      const record = records.get(row.id)!;
      expect(record.names).toEqual([row.name]);
      expect(record.nationalities).toEqual(row.countryId === "" ? [] : [row.countryId]);
    }
  });

  test("identifiers and shipments are those of identifier-holders.csv and parties.csv", () => {
    const expected = (rows: readonly Record<string, string>[], holder: string, value: string) => {
      const held = new Map<string, string[]>();
      for (const row of rows) held.set(row[holder]!, [...(held.get(row[holder]!) ?? []), row[value]!]);
      return held;
    };
    const identifiers = expected(network.rows.identifierHolders, "holderId", "identifierId");
    const shipments = expected(network.rows.parties, "partyId", "shipmentId");
    for (const record of records.values()) {
      expect([...record.identifiers].sort()).toEqual([...(identifiers.get(record.id) ?? [])].sort());
      expect([...record.shipments].sort()).toEqual([...(shipments.get(record.id) ?? [])].sort());
    }
  });
});

describe("measureResolution on a hand-made case", () => {
  const person = (id: string): ResolutionRecord => ({ id, kind: "Person", names: [id], nationalities: [], identifiers: [], shipments: [] });
  const records = ["a1", "a2", "a3", "b1", "b2", "c", "d"].map(person);
  const clusters = [
    { id: "a1", members: [{ id: "a1", variant: "original" }, { id: "a2", variant: "typo" }, { id: "a3", variant: "han" }] },
    { id: "b1", members: [{ id: "b1", variant: "original" }, { id: "b2", variant: "typo" }] },
  ];
  const candidate = (a: string, b: string, score: number): Candidate => ({
    a,
    b,
    score,
    features: [
      { name: "prior", weight: -2, detail: "" },
      { name: "names", weight: 3.2, detail: "" },
    ],
  });
  // True pairs: a1-a2, a1-a3, a2-a3, b1-b2 (4). Predicted at 0.5: a1-a2, a2-a3, b2-c, c-d (a1-a3 at 0.4 is below).
  const candidates = [candidate("a1", "a2", 0.9), candidate("a2", "a3", 0.6), candidate("b2", "c", 0.7), candidate("c", "d", 0.5), candidate("a1", "a3", 0.4)];
  const quality = measureResolution(records, candidates, clusters, { threshold: 0.5 });

  test("pairwise: 2 of 4 predicted pairs are true, 2 of 4 true pairs are found", () => {
    expect(quality.pairwise.all).toEqual({ truePairs: 4, predictedPairs: 4, correctPairs: 2, precision: 0.5, recall: 0.5 });
  });

  test("closure: {a1, a2, a3} and {b2, c, d} give 6 pairs, of which the 3 inside the first are true", () => {
    expect(quality.closure.all).toEqual({ truePairs: 4, predictedPairs: 6, correctPairs: 3, precision: 0.5, recall: 0.75 });
    expect(quality.largestClosureCluster).toBe(3);
  });

  test("recall per variant: original–double by the double's variant, two doubles apart", () => {
    const rows = Object.fromEntries(quality.byVariant.map((row) => [row.variant, [row.pairs, row.found, row.foundInClosure]]));
    expect(rows).toEqual({ typo: [2, 1, 1], han: [1, 0, 1], "double–double": [1, 1, 1] });
  });

  test("false positives are grouped by their evidence, without names", () => {
    expect(quality.falsePositives).toEqual([{ pattern: "names +3.2", count: 2, examples: [["b2", "c"], ["c", "d"]] }]);
  });
});
