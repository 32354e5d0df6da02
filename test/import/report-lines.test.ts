import { describe, expect, it } from "vitest";

import { formatReport, type ImportReport } from "../../src/import/report/import-report.js";

/** A report with flagged values of every kind a terminal may or may not show. */
const report: ImportReport = {
  mapping: "case-file",
  sourceId: "case-file",
  mainFile: "parties.csv",
  dryRun: true,
  rowsRead: 4,
  rowsLoaded: 4,
  rowsRejected: 0,
  rowsSkipped: 0,
  rejectsFile: null,
  flagsFile: "parties.csv.flags.csv",
  flags: {
    total: 4,
    byKind: { place: 1, species: 1, reference: 1, join: 1 },
    values: {
      place: [{ value: "place: Lao Kay", count: 1 }],
      species: [{ value: "taxon: Pangolin", count: 1 }],
      reference: [{ value: "holder: PHONE:+84912000111", count: 1 }],
      join: [{ value: "director: Nguyễn Văn Hùng", count: 1 }],
    },
  },
  idCollisions: [],
  collisionsFile: null,
  nodes: {},
  relationships: {},
  nodesAdded: 0,
  relationshipsAdded: 0,
  batches: 1,
  elapsedMs: 10,
  notes: [],
} as unknown as ImportReport;

describe("the terminal lines of an import report", () => {
  it("show flagged texts such as places and taxa, and only counts for references and joins (which can name parties)", () => {
    const lines = formatReport(report);
    expect(lines).toContain("  place: 1 (place: Lao Kay)");
    expect(lines).toContain("  species: 1 (taxon: Pangolin)");
    expect(lines).toContain("  reference: 1");
    expect(lines).toContain("  join: 1");
    const printed = lines.join("\n");
    expect(printed).not.toContain("+84912000111");
    expect(printed).not.toContain("Nguyễn");
  });
});
