import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Role } from "../../src/auth/role.js";
import { projectRoot } from "../../src/config.js";
import { importFiles } from "../../src/import/import-files.js";
import { readPressReleases } from "../../src/import/press-releases/read-press-releases.js";
import { writeReleaseFiles, type WrittenFiles } from "../../src/import/press-releases/release-files.js";
import type { ImportReport } from "../../src/import/report/import-report.js";
import { startTestApi, type TestApi } from "../helpers/test-api.js";
import { countsOf, DATA, deleteWorld, importCountries, importTestContext, MAPPINGS, uniquePrefix, type ImportTestContext } from "./helpers/import-context.js";

/**
 * Every Hong Kong Customs release of ../shared (© HKSAR Government, never shipped) through the
 * project's own import: the extractor writes its CSV files, mappings/hk-customs-press-releases.yaml
 * loads them into a world of this file's own (with the countries), and the API shows a seizure with
 * the sentences its values came from. The number of releases is counted here from the TSV itself.
 */
const RELEASES = path.join(projectRoot, "..", "shared", "data", "hk-customs-wildlife-press-releases", "hk_customs_wildlife_press_releases_2004_2018_zh.tsv");
const MAPPING = path.join(MAPPINGS, "hk-customs-press-releases.yaml");
/** The full CITES index (non-commercial licence, read from ../shared): its species and higher taxa of the families named here. */
const CITES_INDEX = path.join(projectRoot, "..", "shared", "data", "cites-species-index-2017", "index_of_cites_species_animalia_2017-04-21.csv");
const FAMILIES = ["Manidae", "Elephantidae", "Rhinocerotidae"];
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

interface Label {
  row: number;
  id: string;
  status: string;
  place?: string | null;
  lines?: { species: string | null }[];
}
const labels = (JSON.parse(readFileSync(path.join(projectRoot, "test", "import", "fixtures", "press-release-labels.json"), "utf8")) as { releases: Label[] }).releases;

/** The Place node each seizure place of the labels is, as UN/LOCODE and OpenFlights give them (written by hand). */
const PLACE_IDS: Readonly<Record<string, string>> = {
  "Hong Kong International Airport": "iata:HKG",
  "Kwai Chung": "locode:HKKCO",
  "Tsing Yi": "locode:HKTSI",
  "Lok Ma Chau Control Point": "locode:HK9LM",
  "Tuen Mun": "locode:HKMUN",
  "Sai Kung": "locode:HK9SK",
};

/** Hong Kong's rows of a reference file, into a file of the same name in `dir` (the mappings take a lone file whatever its name). */
async function hongKongRows(file: string, dir: string, isHongKong: (line: string) => boolean): Promise<string> {
  const [header, ...lines] = readFileSync(file, "utf8").split("\n");
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, path.basename(file));
  await writeFile(out, [header, ...lines.filter(isHongKong)].join("\n") + "\n");
  return out;
}

beforeAll(async () => {
  if (!haveReleases) return;
  workDir = await mkdtemp(path.join(tmpdir(), "press-releases-"));
  written = await writeReleaseFiles(await readPressReleases(RELEASES), workDir);
  context = await importTestContext();
  await importCountries(context, prefix, workDir);
  // Hong Kong's places (UN/LOCODE, OpenFlights) and the demo's species subset, for the references to find.
  const options = { registry: context.registry, reportDir: workDir, idPrefix: prefix };
  const locodes = await hongKongRows(path.join(DATA, "unlocode", "unlocode_filtered.csv"), path.join(workDir, "unlocode"), (line) => line.startsWith("HK,"));
  await importFiles(context.executor, path.join(MAPPINGS, "unlocode.yaml"), [locodes], options);
  const airports = await hongKongRows(path.join(DATA, "openflights", "airports.csv"), path.join(workDir, "openflights"), (line) => line.includes(',"Hong Kong",'));
  await importFiles(context.executor, path.join(MAPPINGS, "openflights-airports.yaml"), [airports], options);
  await importFiles(context.executor, path.join(MAPPINGS, "cites-species.yaml"), [path.join(DATA, "cites-species", "species-subset.csv")], options);
  if (existsSync(CITES_INDEX)) {
    // Pangolins, elephants and rhinos from the full index, with their family nodes (cites-taxonomy.yaml).
    const rows = (parse(readFileSync(CITES_INDEX), { columns: true, bom: true }) as Record<string, string>[]).filter((row) => FAMILIES.includes(row.Family!));
    const index = path.join(workDir, "cites-index", "index.csv");
    await mkdir(path.dirname(index), { recursive: true });
    await writeFile(index, stringify(rows, { header: true }));
    await importFiles(context.executor, path.join(MAPPINGS, "cites-species.yaml"), [index], options);
    await importFiles(context.executor, path.join(MAPPINGS, "cites-taxonomy.yaml"), [index], options);
  }
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

  it("ties each labelled seizure to its place, and each labelled line to its species where the species data has it", async () => {
    const graph = (await context.executor.read(
      `MATCH (source:Source {id: $sourceId})<-[:SOURCED_FROM]-(seizure:Seizure)
       OPTIONAL MATCH (seizure)-[:SEIZED_AT]->(place:Place)
       OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
       OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
       WITH seizure, place, line, species ORDER BY line.id
       RETURN seizure.id AS id, place.id AS place, collect(species.scientificName) AS species`,
      { sourceId },
    )) as { id: string; place: string | null; species: string[] }[];
    const byId = new Map(graph.map((row) => [row.id.slice(prefix.length), row]));
    const speciesInData = new Set(
      (parse(readFileSync(path.join(DATA, "cites-species", "species-subset.csv")), { columns: true }) as Record<string, string>[]).map((row) => row.FullName!.trim()),
    );
    // The families are nodes too when the full index is there (cites-taxonomy.yaml): a line of pangolin scales links to Manidae.
    if (existsSync(CITES_INDEX)) for (const family of FAMILIES) speciesInData.add(family);
    let placed = 0;
    for (const label of labels.filter((label) => label.status === "seizure")) {
      const seizure = byId.get(`hk-customs-pr-${label.id}`);
      expect(seizure, `row ${label.row}`).toBeDefined();
      const expectedPlace = label.place ? PLACE_IDS[label.place] : undefined;
      expect(seizure!.place, `row ${label.row}`).toBe(expectedPlace === undefined ? null : `${prefix}${expectedPlace}`);
      if (expectedPlace !== undefined) placed += 1;
      const expectedSpecies = label.lines!.map((line) => line.species).filter((name): name is string => name !== null && speciesInData.has(name));
      expect(seizure!.species, `row ${label.row}`).toEqual(expectedSpecies);
    }
    expect(placed).toBeGreaterThanOrEqual(40);
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
    const answer = await api.post(query, { id }, Role.INVESTIGATOR);
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

  it("shows the cited sentences to roles cleared for names (a text may name a person), not to analysts or the public", async () => {
    for (const role of [Role.PUBLIC, Role.ANALYST]) {
      const answer = await api.post(`query ($id: ID!) { seizure(id: $id) { id citedSentences { sentence } } }`, { id: `${prefix}hk-customs-pr-2076` }, role);
      expect(answer.errors?.[0]?.extensions?.code, role).toBe("FORBIDDEN");
    }
  });
});
