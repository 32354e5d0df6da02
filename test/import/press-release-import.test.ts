import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import { readPressReleases } from "../../src/import/press-releases/read-press-releases.js";
import { writeReleaseFiles, type WrittenFiles } from "../../src/import/press-releases/release-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { countsOf, deleteWorld, importCountries, importTestContext, MAPPINGS, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * Every Hong Kong Customs release of ../shared (© HKSAR Government, never shipped) through the
 * project's own import: the extractor writes its CSV files, mappings/hk-customs-press-releases.yaml
 * loads them into a world of this file's own (with the countries), and the API shows a seizure with
 * the sentences its values came from. The number of releases is counted here from the TSV itself.
 */
const RELEASES = path.join(projectRoot, "..", "shared", "data", "hk-customs-wildlife-press-releases", "hk_customs_wildlife_press_releases_2004_2018_zh.tsv");
const MAPPING = path.join(MAPPINGS, "hk-customs-press-releases.yaml");
const haveReleases = existsSync(RELEASES);
if (!haveReleases) console.warn(`${RELEASES} is missing: the press-release import tests are skipped`);

const prefix = uniquePrefix("press-releases");
const sourceId = `${prefix}hk-customs-press-releases`;

/** The releases as the TSV gives them, read with csv-parse, not through the extractor's reader. */
const tsv = haveReleases
  ? (parse(readFileSync(RELEASES), { delimiter: "\t", columns: true, quote: false, bom: true }) as Record<string, string>[])
  : [];

let context: ImportTestContext;
let api: TestApi;
let workDir: string;
let written: WrittenFiles;
let report: ImportReport;

beforeAll(async () => {
  if (!haveReleases) return;
  workDir = await mkdtemp(path.join(tmpdir(), "press-releases-"));
  written = await writeReleaseFiles(await readPressReleases(RELEASES), workDir);
  context = await importTestContext();
  await importCountries(context, prefix, workDir);
  report = await importFiles(context.executor, MAPPING, [written.seizures], { registry: context.registry, reportDir: workDir, idPrefix: prefix });
  api = await startTestApi();
}, 300_000);

afterAll(async () => {
  if (api) await api.close();
  if (context) {
    await deleteWorld(context.executor, prefix);
    await context.driver.close();
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe.skipIf(!haveReleases)("the Hong Kong Customs press releases, imported (from ../shared)", () => {
  it("imports every release: each one a seizure in the graph, or a row of the not-seizures file with its reason", async () => {
    const notSeizures = parse(readFileSync(written.notSeizures), { columns: true }) as Record<string, string>[];
    const counts = await countsOf(context, sourceId);
    expect(report).toMatchObject({ rowsRead: written.seizureCount, rowsLoaded: written.seizureCount, rowsRejected: 0 });
    expect(counts.nodes.Seizure! + notSeizures.length).toBe(tsv.length);
    expect(tsv.length).toBe(170);
    expect(notSeizures.every((row) => row.reason !== "")).toBe(true);
    // Each release once, by its URL.
    const urls = new Set([...notSeizures.map((row) => row.url), ...(parse(readFileSync(written.seizures), { columns: true }) as Record<string, string>[]).map((row) => row.url)]);
    expect(urls).toEqual(new Set(tsv.map((row) => row.url!.trim())));
    console.log(`press releases imported: ${tsv.length} releases, ${counts.nodes.Seizure} seizures, ${notSeizures.length} not seizures; flagged values by kind: ${JSON.stringify(report.flags.byKind)}`);
  });

  it("gives the Source the kind and reliability of a press release", async () => {
    const [source] = (await context.executor.read(`MATCH (source:Source {id: $sourceId}) RETURN source.kind AS kind, source.reliability AS reliability`, { sourceId })) as {
      kind: string;
      reliability: string;
    }[];
    expect(source).toEqual({ kind: "PRESS_RELEASE", reliability: "B" });
  });

  it("serves a seizure with its date, goods, route and the sentences they came from", async () => {
    // Release index_id_2076 (2018-01-05): about 1,800 kg of suspected pangolin scales in a container from Nigeria at Kwai Chung.
    const id = `${prefix}hk-customs-pr-2076`;
    const release = tsv.find((row) => row.url!.includes("index_id_2076."))!;
    const query = `query ($id: ID!) { seizure(id: $id) {
      date valueHkd country { code } commodities { product weightKg }
      shipments { mode route { role country { code } } }
      citedSentences { field sentence } } }`;
    const answer = await api.post(query, { id }, Role.ANALYST);
    expect(answer.errors).toBeUndefined();
    const seizure = (answer.data as { seizure: Record<string, unknown> & { citedSentences: { field: string; sentence: string }[] } }).seizure;
    expect(seizure).toMatchObject({
      date: "2018-01-05",
      valueHkd: 2_800_000,
      // The world's countries carry its prefix.
      country: { code: `${prefix}HK` },
      commodities: [{ product: "SCALES", weightKg: 1800 }],
      shipments: [{ mode: "SEA", route: [{ role: "ORIGIN", country: { code: `${prefix}NG` } }, { role: "DESTINATION", country: { code: `${prefix}HK` } }] }],
    });
    const fields = seizure.citedSentences.map((citation) => citation.field);
    expect(fields).toEqual(expect.arrayContaining(["date", "place", "route", "line1.product", "line1.weightKg"]));
    for (const citation of seizure.citedSentences) expect(release.article, citation.field).toContain(citation.sentence);
    const weight = seizure.citedSentences.find((citation) => citation.field === "line1.weightKg")!;
    expect(weight.sentence).toContain("一千八百公斤");
  });

  it("says what it could not read: a release of two cases is one seizure flagged as their totals", async () => {
    // Release index_id_2020 (2017-11-12): two passengers, from Beira and from Xiamen, 1.8 kg and 0.8 kg of rhino horn.
    const answer = await api.post(`query ($id: ID!) { seizure(id: $id) { readingFlags commodities { weightKg } } }`, { id: `${prefix}hk-customs-pr-2020` }, Role.PUBLIC);
    expect(answer.errors).toBeUndefined();
    const seizure = (answer.data as { seizure: { readingFlags: string[]; commodities: { weightKg: number }[] } }).seizure;
    expect(seizure.commodities).toEqual([{ weightKg: 2.6 }]);
    expect(seizure.readingFlags).toContain("release: the release tells of more than one case: the seizure holds what its lead sentence reports, which may sum several");
  });

  it("shows the cited sentences to analysts, not to the public", async () => {
    const answer = await api.post(`query ($id: ID!) { seizure(id: $id) { id citedSentences { sentence } } }`, { id: `${prefix}hk-customs-pr-2076` }, Role.PUBLIC);
    expect(answer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
