import { readFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { countsOf, deleteWorld, importCountries, importTestContext, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";
import { runCli, type CliResult } from "./helpers/run-cli.js";

const FIXTURES = path.join(projectRoot, "test", "import", "fixtures");
const MAPPING = path.join(FIXTURES, "bad-rows.yaml");
const INPUT = path.join(FIXTURES, "bad-rows.csv");

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("bad-rows");
const sourceId = `${prefix}test-bad-rows`;
let result: CliResult;

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-bad-rows-"));
  // The countries the rows name, in this file's world.
  await importCountries(context, prefix, reportDir);
  result = await runCli(["--mapping", MAPPING, INPUT, "--report-dir", reportDir, "--id-prefix", prefix]);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

describe("a CSV with each kind of bad row, through the CLI", () => {
  it("exits 2 and says rows were rejected", () => {
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("rows: 9 read, 4 loaded, 5 rejected");
    expect(result.stdout).toContain(`rejected rows: ${path.join(reportDir, "bad-rows.csv.rejects.csv")}`);
  });

  it("reports each bad row with its row, column, value and reason", async () => {
    const rejects = parse(await readFile(path.join(reportDir, "bad-rows.csv.rejects.csv")), { columns: true });
    expect(rejects).toEqual([
      { row: "3", column: "date", value: "31/2/2009", reason: 'not a date in the format "d/M/yyyy" (nodes.seizure.properties.date)' },
      { row: "4", column: "country", value: "Atlantis", reason: "unknown country (references.country.country)" },
      { row: "5", column: "id", value: "", reason: "missing key (input.key)" },
      { row: "6", column: "", value: "3", reason: "3 columns where the header has 5" },
      { row: "7", column: "country", value: "C\uFFFDte d'Ivoire", reason: "bad encoding: not UTF-8 (or U+FFFD in the text)" },
    ]);
  });

  it("loads every good row, whole, and nothing of the bad ones", async () => {
    const counts = await countsOf(context, sourceId);
    expect(counts.nodes).toEqual({ CommodityLine: 4, Seizure: 4 });
    expect(counts.relationships).toEqual({ RECOVERED: 4, SEIZED_IN: 4, SOURCED_FROM: 8 });
    const seizures = await context.executor.read(
      `MATCH (:Source {id: $sourceId})<-[p:SOURCED_FROM]-(s:Seizure)-[:SEIZED_IN]->(c:Country), (s)-[:RECOVERED]->(line)
       RETURN p.row AS row, s.date AS date, substring(c.id, size($prefix)) AS country, line.product AS product, line.weightKg AS weightKg,
              line.quantityText AS quantityText, s:Synthetic AS synthetic
       ORDER BY row`,
      { sourceId, prefix },
    );
    expect(seizures).toEqual([
      { row: 1, date: "2009-01-18", country: "VN", product: "SCALES", weightKg: 12, quantityText: "12", synthetic: true },
      { row: 2, date: "2009-02-03", country: "LA", product: "HORN", weightKg: null, quantityText: "Y", synthetic: true },
      { row: 8, date: "2009-03-05", country: "VN", product: "OTHER", weightKg: null, quantityText: "about 3 kg", synthetic: true },
      { row: 9, date: "2009-03-06", country: "HK", product: "SKIN", weightKg: 1250, quantityText: "1,250", synthetic: true },
    ]);
  });

  it("flags the value it could not resolve in a good row, without guessing", async () => {
    expect(result.stdout).toContain("weight: 1 (weight: about 3 kg)");
    const flags = parse(await readFile(path.join(reportDir, "bad-rows.csv.flags.csv")), { columns: true });
    expect(flags).toEqual([
      { row: "8", column: "weight", value: "about 3 kg", kind: "weight", reason: "not a weight", entry: "nodes.line.properties.weightKg" },
    ]);
  });

  it("writes nothing in a dry run, but reports the same", async () => {
    // The same world, so the references resolve; a source that exists, so a write would show.
    await deleteWorld(context.executor, `${prefix}test-bad-rows`);
    const dry = await runCli(["--mapping", MAPPING, INPUT, "--report-dir", path.join(reportDir, "dry"), "--id-prefix", prefix, "--dry-run"]);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain("rows: 9 read, 4 valid, 5 rejected");
    expect(await countsOf(context, sourceId)).toEqual({ nodes: {}, relationships: {} });
  });
});

describe("the CLI's exit code for an import that cannot run", () => {
  it("is 1 for a broken mapping, with a message naming the entry, before any database starts", async () => {
    const broken = path.join(reportDir, "broken.yaml");
    await writeFile(broken, (await readFile(MAPPING, "utf8")).replace("normalise: date,", "normalise: datee,"));
    const run = await runCli(["--mapping", broken, INPUT]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${broken}: nodes.seizure.properties.date: unknown normaliser "datee"`);
    expect(run.stderr).not.toContain("Neo4j");
  });

  it("is 1 without a mapping, with the usage", async () => {
    const run = await runCli([INPUT]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("usage: npm run import -- --mapping <mapping.yaml>");
  });

  it("is 1 when the database cannot be reached", async () => {
    const run = await runCli(["--mapping", MAPPING, INPUT], { NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_CONNECTION_TIMEOUT_MS: "500" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The graph database cannot be reached; try again shortly (bolt://127.0.0.1:1)");
  });

  it("is 1 when the files do not fit the mapping", async () => {
    const run = await runCli(["--mapping", MAPPING, path.join(projectRoot, "data", "countries", "countries.csv"), "--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('countries.csv: the header lacks "id", "date", "country", "product", "weight"');
  });
});
