import path from "node:path";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import { deleteWorld, importTestContext, readCsv, uniquePrefix, type ImportTestContext } from "../import/helpers/import-context.js";
import { startTestApi, type GraphQLResponse, type TestApi } from "../helpers/test-api.js";

/**
 * The source's own role words (a case file's "Driver", "Contact", "Director"), kept beside the
 * model's roles, read through the API: by a role cleared for parties and offices (ANALYST and up),
 * and refused to PUBLIC, which sees shipments without their parties. Expected values come from the
 * fixture's CSV and the hand-written table of the mapping's roles.
 */
const FIXTURES = path.join(projectRoot, "test", "import", "fixtures");
const rows = readCsv(path.join(FIXTURES, "case-file-parties.csv"));
const ROLE_OF: Readonly<Record<string, string>> = {
  Consignee: "CONSIGNEE",
  Director: "OTHER",
  Driver: "COURIER",
  Buyer: "BUYER",
  Contact: "OTHER",
  Supplier: "SUPPLIER",
  Shipper: "SHIPPER",
  Partner: "OTHER",
};
/** The case whose director comes before its consignee, with a buyer and a contact. */
const CASE = "C2";
const caseRows = rows.filter((row) => row.Case === CASE);

let context: ImportTestContext;
let api: TestApi;
const prefix = uniquePrefix("role-words");
const shipmentId = `${prefix}test-case-file-${CASE}-shipment`;

const PARTIES = `query($id: ID!) {
  shipment(id: $id) {
    parties {
      role
      roleText
      party { ... on Company { name officers { role roleText } shipments { role roleText } } }
    }
  }
}`;

beforeAll(async () => {
  context = await importTestContext();
  const reportDir = await mkdtemp(path.join(tmpdir(), "role-words-"));
  const report = await importFiles(context.executor, path.join(FIXTURES, "case-file-parties.yaml"), [FIXTURES], {
    registry: context.registry,
    reportDir,
    idPrefix: prefix,
  });
  expect(report.rowsRejected).toBe(0);
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
});

function codes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => error.extensions?.code ?? "none");
}

describe("the source's role words in the API", () => {
  it.each([Role.ANALYST, Role.INVESTIGATOR])("%s reads each party's role word beside its role", async (role) => {
    const response = await api.post(PARTIES, { id: shipmentId }, role);
    expect(response.errors).toBeUndefined();
    const parties = response.data!.shipment.parties as { role: string; roleText: string | null }[];
    expect(parties.map((party) => `${party.role} ${party.roleText}`).sort()).toEqual(caseRows.map((row) => `${ROLE_OF[row.Role]} ${row.Role}`).sort());
  });

  it("ANALYST reads a company officer's office and a company's part in its shipments, each with the file's word", async () => {
    const response = await api.post(PARTIES, { id: shipmentId }, Role.ANALYST);
    const consignee = caseRows.find((row) => row.Role === "Consignee")!;
    const directors = caseRows.filter((row) => row.Role === "Director");
    const company = (response.data!.shipment.parties as { party: { name?: string; officers?: unknown[]; shipments?: unknown[] } }[]).find(
      (party) => party.party.name === consignee.Name,
    )!;
    expect(company.party.officers).toEqual(directors.map((row) => ({ role: "director", roleText: row.Role })));
    expect(company.party.shipments).toEqual([{ role: ROLE_OF[consignee.Role], roleText: consignee.Role }]);
  });

  it("PUBLIC is refused the parties, and with them their role words", async () => {
    const response = await api.post(PARTIES, { id: shipmentId }, Role.PUBLIC);
    expect(codes(response)).toContain("FORBIDDEN");
    expect(response.data?.shipment?.parties ?? null).toBeNull();
    expect(JSON.stringify(response.data)).not.toMatch(/Director|Contact|Buyer/);
  });
});
