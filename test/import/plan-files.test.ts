import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { projectRoot } from "../../src/config.js";
import { importPlan } from "../../src/import/import-files.js";
import { InputError } from "../../src/import/mapping/mapping-error.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { countsOf, deleteWorld, importTestContext, readCsv, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";
import { runCli, type CliResult } from "./helpers/run-cli.js";

/**
 * Two mapping files as one plan: case-file-companies.yaml makes companies, case-file-shipments.yaml
 * makes shipments whose consignee (required) and forwarder are those companies, by id. On its own,
 * before the companies are written, every shipment row is rejected; as the second file of a plan it
 * is dry-run against what the first would write, and imported after it. Expected figures come from
 * the CSV files, read with csv-parse.
 */
const FIXTURES = path.join(projectRoot, "test", "import", "fixtures");
const COMPANIES = path.join(FIXTURES, "case-file-companies.yaml");
const SHIPMENTS = path.join(FIXTURES, "case-file-shipments.yaml");
const companyRows = readCsv(path.join(FIXTURES, "case-file-companies.csv"));
const shipmentRows = readCsv(path.join(FIXTURES, "case-file-shipments.csv"));

let context: ImportTestContext;
let reportDir: string;
const prefix = uniquePrefix("plan-files");
let alone: ImportReport[];
let reversedCli: CliResult;
let dryRunCli: CliResult;
let imported: ImportReport[];
let companiesBefore: unknown;
let missingFile: unknown;

/** Expected PARTY_TO links, `company role shipment`, from the shipments file. */
const expectedParties = shipmentRows
  .flatMap((row) => [
    `test-case-file-company-${row["Consignee ID"]} CONSIGNEE test-case-file-shipment-${row.Shipment}`,
    ...(row["Forwarder ID"] ? [`test-case-file-company-${row["Forwarder ID"]} FREIGHT_FORWARDER test-case-file-shipment-${row.Shipment}`] : []),
  ])
  .sort();

beforeAll(async () => {
  context = await importTestContext();
  reportDir = await mkdtemp(path.join(tmpdir(), "import-plan-"));
  const options = { registry: context.registry, reportDir, idPrefix: prefix };
  alone = await importPlan(context.executor, [{ mapping: SHIPMENTS, files: [FIXTURES] }], { ...options, dryRun: true });
  // Through the command: the shipments first, then the companies (the wrong order), and the right order.
  reversedCli = await runCli(["--dry-run", "--mapping", SHIPMENTS, "--mapping", COMPANIES, FIXTURES, "--report-dir", reportDir, "--id-prefix", prefix]);
  dryRunCli = await runCli(["--dry-run", COMPANIES, SHIPMENTS, "--report-dir", reportDir, "--id-prefix", prefix]);
  // The shipments' file is not among those given to it: the plan stops before the companies are written.
  const empty = await mkdtemp(path.join(tmpdir(), "import-plan-empty-"));
  missingFile = await importPlan(context.executor, [{ mapping: COMPANIES, files: [FIXTURES] }, { mapping: SHIPMENTS, files: [empty] }], options).catch(
    (error: unknown) => error,
  );
  companiesBefore = await context.executor.read(`MATCH (node) WHERE node.id STARTS WITH $prefix RETURN count(node) AS n`, { prefix });
  imported = await importPlan(context.executor, [{ mapping: COMPANIES, files: [FIXTURES] }, { mapping: SHIPMENTS, files: [FIXTURES] }], options);
});

afterAll(async () => {
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

describe("plans of several mapping files", () => {
  it("rejects every shipment dry-run on its own: its consignees are not written yet", () => {
    expect(alone).toHaveLength(1);
    expect([alone[0].rowsRead, alone[0].rowsLoaded, alone[0].rowsRejected]).toEqual([shipmentRows.length, 0, shipmentRows.length]);
  });

  it("rejects them too when the plan puts the shipments first (exit 2, both files reported)", () => {
    expect(reversedCli.stderr).not.toMatch(/Error/);
    expect(reversedCli.code).toBe(2);
    expect(reversedCli.stdout).toContain(`rows: ${shipmentRows.length} read, 0 valid, ${shipmentRows.length} rejected`);
    expect(reversedCli.stdout).toContain(`rows: ${companyRows.length} read, ${companyRows.length} valid, 0 rejected`);
    expect(reversedCli.stdout.indexOf("case-file-shipments.yaml")).toBeLessThan(reversedCli.stdout.indexOf("case-file-companies.yaml"));
  });

  it("dry-runs the plan in order, the shipments' references confirmed against the companies it would write (exit 0)", () => {
    expect(dryRunCli.stderr).not.toMatch(/Error/);
    expect(dryRunCli.code).toBe(0);
    expect(dryRunCli.stdout).toContain(`rows: ${companyRows.length} read, ${companyRows.length} valid, 0 rejected`);
    expect(dryRunCli.stdout).toContain(`rows: ${shipmentRows.length} read, ${shipmentRows.length} valid, 0 rejected`);
    expect(dryRunCli.stdout).not.toContain("flagged values");
    expect(dryRunCli.stdout.indexOf("case-file-companies.yaml")).toBeLessThan(dryRunCli.stdout.indexOf("case-file-shipments.yaml"));
  });

  it("stops before reading or writing anything when a file of the plan cannot be found", () => {
    expect(missingFile).toBeInstanceOf(InputError);
    expect((missingFile as Error).message).toMatch(/no input file: give case-file-shipments\.csv|no file named case-file-shipments\.csv/);
  });

  it("writes nothing in a dry run, nor in a plan that could not run", () => {
    expect(companiesBefore).toEqual([{ n: 0 }]);
  });

  it("imports the plan in order, as the dry run said", async () => {
    expect(imported.map((report) => [report.sourceId, report.rowsLoaded, report.rowsRejected, report.flags.total])).toEqual([
      [`${prefix}test-case-file-companies`, companyRows.length, 0, 0],
      [`${prefix}test-case-file-shipments`, shipmentRows.length, 0, 0],
    ]);
    const parties = (await context.executor.read(
      `MATCH (company:Company)-[link:PARTY_TO]->(shipment:Shipment) WHERE link.sourceId = $sourceId
       RETURN company.id AS company, link.role AS role, shipment.id AS shipment`,
      { sourceId: `${prefix}test-case-file-shipments` },
    )) as { company: string; role: string; shipment: string }[];
    expect(parties.map((party) => `${party.company.slice(prefix.length)} ${party.role} ${party.shipment.slice(prefix.length)}`).sort()).toEqual(expectedParties);
    expect((await countsOf(context, `${prefix}test-case-file-companies`)).nodes).toEqual({ Company: companyRows.length });
  });
});
