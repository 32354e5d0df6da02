import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { generateNetwork } from "../../src/generate/generate-network.js";
import type { DuplicateCluster } from "../../src/generate/ground-truth.js";
import { runCli } from "../../src/generate/run-cli.js";
import { graphOf, hashFolder, readNetwork, type NetworkFiles, type Row } from "./network-files.js";

/**
 * Duplicate records (`duplicates` option): generated networks read back with a CSV parser and
 * checked against their ground truth. The expected variant kinds are the ones the option promises;
 * the checks of each kind are written here from their definition, not from the generator's code.
 */
const SEED = "dup1";
const SHIPMENTS = 1000;
const SHARE = 0.1;

const PERSON_KINDS = ["no-diacritics", "upper-case", "han", "pinyin", "cantonese", "reordered", "typo", "initials"];
const COMPANY_KINDS = ["suffix", "upper-case", "typo", "no-diacritics"];

const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAS_HAN = /\p{Script=Han}/u;
const LATIN_NAME = /^[\p{Script=Latin}\s.,'()-]+$/u;

let root: string;
let network: NetworkFiles;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "generate-duplicates-"));
  await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: path.join(root, "dup"), duplicates: SHARE });
  network = await readNetwork(path.join(root, "dup"));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Latin letters without their accents, written independently of the generator's helper. */
function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{Mark}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/ı/g, "i");
}

function index(rows: readonly Row[], key = "id"): Map<string, Row> {
  return new Map(rows.map((row) => [row[key], row]));
}

function clusters(): { kind: "persons" | "companies"; cluster: DuplicateCluster }[] {
  const { duplicates } = network.truth;
  if (!duplicates) throw new Error("no duplicates section in the ground truth");
  return [
    ...duplicates.persons.map((cluster) => ({ kind: "persons" as const, cluster })),
    ...duplicates.companies.map((cluster) => ({ kind: "companies" as const, cluster })),
  ];
}

/** Each double with its cluster's original, rows from the files. */
function pairs(kind: "persons" | "companies"): { original: Row; double: Row; variant: string; sharesIdentifier: boolean }[] {
  const rows = index(network.rows[kind]);
  return clusters()
    .filter((entry) => entry.kind === kind)
    .flatMap(({ cluster }) =>
      cluster.members.slice(1).map((member) => ({
        original: rows.get(cluster.id) as Row,
        double: rows.get(member.id) as Row,
        variant: member.variant,
        sharesIdentifier: member.sharesIdentifier,
      })),
    );
}

function identifiersOf(): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  for (const row of network.rows.identifierHolders) {
    const set = held.get(row.holderId) ?? new Set<string>();
    set.add(row.identifierId);
    held.set(row.holderId, set);
  }
  return held;
}

describe("without duplicates", () => {
  test("duplicates 0 writes the same bytes as no option, and the ground truth has no duplicates", async () => {
    const [a, b] = [path.join(root, "none"), path.join(root, "zero")];
    await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: a });
    const truth = await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: b, duplicates: 0 });
    expect(await hashFolder(b)).toEqual(await hashFolder(a));
    expect(truth.duplicates).toBeUndefined();
    expect(truth.summary.duplicateClusters).toBeUndefined();
    expect(truth.rings.flatMap((ring) => ring.members).some((member) => member.doubles !== undefined)).toBe(false);
  });

  test("a share outside 0 to 0.5 is refused", async () => {
    await expect(generateNetwork({ seed: SEED, shipments: 60, outDir: path.join(root, "bad"), duplicates: 0.6 })).rejects.toThrow(/duplicates must be a share/);
    const err: string[] = [];
    const code = await runCli(["--shipments", "60", "--seed", "x", "--duplicates", "half"], { out: () => undefined, err: (line) => err.push(line) });
    expect(code).toBe(2);
    expect(err.join("\n")).toMatch(/--duplicates must be a share from 0 to 0.5/);
  });
});

describe(`with duplicates ${SHARE} at ${SHIPMENTS} shipments`, () => {
  test("every cluster member exists, originals come first, and no record is in two clusters", () => {
    const seen = new Set<string>();
    for (const { kind, cluster } of clusters()) {
      const rows = index(network.rows[kind]);
      expect(cluster.members[0]).toMatchObject({ id: cluster.id, variant: "original" });
      expect(cluster.members.length).toBeGreaterThanOrEqual(2);
      expect(cluster.members.length).toBeLessThanOrEqual(3);
      for (const member of cluster.members) {
        expect(rows.has(member.id)).toBe(true);
        expect(seen.has(member.id)).toBe(false);
        seen.add(member.id);
      }
    }
  });

  test("about the share asked for of persons and of companies have doubles, and the summary counts them", () => {
    const truth = network.truth;
    const duplicates = truth.duplicates;
    if (!duplicates) throw new Error("no duplicates section");
    for (const kind of ["persons", "companies"] as const) {
      const doubles = duplicates[kind].reduce((sum, cluster) => sum + cluster.members.length - 1, 0);
      const originals = network.rows[kind].length - doubles;
      const share = duplicates[kind].length / originals;
      expect(share).toBeGreaterThan(SHARE / 2);
      expect(share).toBeLessThan(SHARE * 1.6);
    }
    const records = clusters().reduce((sum, { cluster }) => sum + cluster.members.length - 1, 0);
    expect(truth.summary.duplicateClusters).toBe(clusters().length);
    expect(truth.summary.duplicateRecords).toBe(records);
    expect(duplicates.share).toBe(SHARE);
  });

  test("every variant kind appears", () => {
    expect([...new Set(pairs("persons").map((pair) => pair.variant))].sort()).toEqual([...PERSON_KINDS].sort());
    expect([...new Set(pairs("companies").map((pair) => pair.variant))].sort()).toEqual([...COMPANY_KINDS].sort());
  });

  test("han doubles are in characters and their originals in Latin letters with no characters among their aliases", () => {
    const han = pairs("persons").filter((pair) => pair.variant === "han");
    expect(han.length).toBeGreaterThan(0);
    for (const { original, double } of han) {
      expect(double.name).toMatch(HAN_ONLY);
      expect(original.name).toMatch(LATIN_NAME);
      expect(original.aliases).not.toMatch(HAS_HAN);
    }
  });

  test("pinyin doubles are in Latin letters and their originals in characters", () => {
    const pinyin = pairs("persons").filter((pair) => pair.variant === "pinyin");
    expect(pinyin.length).toBeGreaterThan(0);
    for (const { original, double } of pinyin) {
      expect(original.name).toMatch(HAN_ONLY);
      expect(double.name).toMatch(LATIN_NAME);
      expect(original.aliases.split(";")).not.toContain(double.name);
    }
  });

  test("each kind varies the name the way it says", () => {
    for (const { original, double, variant } of [...pairs("persons"), ...pairs("companies")]) {
      expect(double.name).not.toBe(original.name);
      if (variant === "no-diacritics") expect(double.name).toBe(plain(original.name));
      if (variant === "upper-case") expect([original.name.toUpperCase(), plain(original.name).toUpperCase()]).toContain(double.name);
      if (variant === "typo") expect(Math.abs([...double.name].length - [...original.name].length)).toBeLessThanOrEqual(1);
      if (variant === "cantonese") expect(double.name).toMatch(LATIN_NAME);
      if (variant === "reordered" || variant === "initials") {
        // The family name (a word of the original) is still there, spelt the same way.
        const words = original.name.split(" ");
        expect(words.some((word) => word.length > 2 && double.name.includes(word))).toBe(true);
      }
    }
  });

  test("cantonese doubles: one of the pair in Hong Kong romanisation, one in pinyin", () => {
    const pinyinFamily = new Map([["Chen", "Chan"], ["Li", "Lee"], ["Zhang", "Cheung"], ["Liu", "Lau"], ["Zhao", "Chiu"], ["Wu", "Ng"], ["Zhou", "Chow"], ["Lin", "Lam"], ["Guo", "Kwok"], ["He", "Ho"], ["Luo", "Law"], ["Liang", "Leung"], ["Xie", "Tse"], ["Tang", "Tong"], ["Wang", "Wong"], ["Huang", "Wong"], ["Sun", "Suen"], ["Zhu", "Chu"], ["Gao", "Ko"], ["Zheng", "Cheng"], ["Xu", "Hui"], ["Feng", "Fung"], ["Cai", "Choi"], ["Mai", "Mak"], ["Ye", "Yip"], ["Yang", "Yeung"], ["Zeng", "Tsang"], ["Pan", "Poon"]]);
    const cantonese = pairs("persons").filter((pair) => pair.variant === "cantonese");
    expect(cantonese.length).toBeGreaterThan(0);
    for (const { original, double } of cantonese) {
      const familyOf = (name: string): string => name.split(" ").find((word) => pinyinFamily.has(word) || [...pinyinFamily.values()].includes(word)) ?? "";
      const [a, b] = [familyOf(original.name), familyOf(double.name)];
      expect(pinyinFamily.get(a) === b || pinyinFamily.get(b) === a).toBe(true);
    }
  });

  test("company suffix doubles keep the name and change or drop the legal form", () => {
    const suffix = pairs("companies").filter((pair) => pair.variant === "suffix");
    expect(suffix.length).toBeGreaterThan(0);
    // Vietnamese names put the form first; take it off, and what is left begins the same way.
    const body = (name: string): string => name.replace(/^(Công ty TNHH|Công ty Trách nhiệm Hữu hạn|Cty TNHH) /, "");
    for (const { original, double } of suffix) {
      const [a, b] = [body(original.name), body(double.name)];
      let common = 0;
      while (common < Math.min(a.length, b.length) && a[common] === b[common]) common++;
      expect(common).toBeGreaterThanOrEqual(Math.min(8, Math.min(a.length, b.length)));
    }
  });

  test("shared identifiers are held by both records, listed as duplicates; the others share none", () => {
    const held = identifiersOf();
    const sharers = network.truth.identifierSharers;
    let sharing = 0;
    for (const { original, double, sharesIdentifier } of [...pairs("persons"), ...pairs("companies")]) {
      const common = [...(held.get(double.id) ?? [])].filter((id) => held.get(original.id)?.has(id));
      if (sharesIdentifier) {
        sharing++;
        expect(common.length).toBe(1);
        expect(sharers[common[0]]).toEqual({ purpose: "duplicate", holders: [original.id, double.id].sort() });
        expect(common[0]).toMatch(/^(PHONE|EMAIL|ADDRESS):/);
      } else expect(common).toEqual([]);
    }
    const all = pairs("persons").length + pairs("companies").length;
    expect(sharing / all).toBeGreaterThan(0.3);
    expect(sharing / all).toBeLessThan(0.7);
  });

  test("identifier sharers in the ground truth are exactly the identifiers the files give several holders", () => {
    const holders = new Map<string, Set<string>>();
    for (const row of network.rows.identifierHolders) {
      const set = holders.get(row.identifierId) ?? new Set<string>();
      set.add(row.holderId);
      holders.set(row.identifierId, set);
    }
    const multi = [...holders.entries()].filter(([, set]) => set.size > 1).map(([id]) => id).sort();
    expect(Object.keys(network.truth.identifierSharers).sort()).toEqual(multi);
  });

  test("each double has a PARTY_TO, HAS_IDENTIFIER or OFFICER_OF row, and some stand in for their originals on shipments", () => {
    const linked = new Set([
      ...network.rows.parties.map((row) => row.partyId),
      ...network.rows.identifierHolders.map((row) => row.holderId),
      ...network.rows.officers.map((row) => row.personId),
    ]);
    const parties = new Set(network.rows.parties.map((row) => row.partyId));
    const all = [...pairs("persons"), ...pairs("companies")];
    for (const { double } of all) expect(linked.has(double.id)).toBe(true);
    const both = all.filter(({ original, double }) => parties.has(original.id) && parties.has(double.id));
    expect(both.length).toBeGreaterThan(all.length / 10);
  });

  test("every foreign id of the party, holder and arrest files exists", () => {
    const persons = index(network.rows.persons);
    const companies = index(network.rows.companies);
    const exists = (id: string, kind: string): boolean => (kind === "Person" ? persons.has(id) : companies.has(id));
    for (const row of network.rows.parties) expect(exists(row.partyId, row.partyKind)).toBe(true);
    for (const row of network.rows.identifierHolders) expect(exists(row.holderId, row.holderKind)).toBe(true);
    const partiesOf = new Set(network.rows.parties.map((row) => `${row.partyId} ${row.shipmentId}`));
    const shipmentOf = index(network.rows.seizures);
    for (const row of network.rows.arrests) expect(partiesOf.has(`${row.personId} ${shipmentOf.get(row.seizureId)?.shipmentId}`)).toBe(true);
  });

  test("doubles repeat most facts of their original, leave some out, and never copy its aliases", () => {
    const persons = pairs("persons");
    const sameYear = persons.filter(({ original, double }) => double.birthYear === original.birthYear).length;
    const noYear = persons.filter(({ double }) => double.birthYear === "").length;
    const sameNationality = persons.filter(({ original, double }) => double.nationalityId === original.nationalityId).length;
    expect(sameYear / persons.length).toBeGreaterThan(0.6);
    expect(noYear).toBeGreaterThan(0);
    expect(sameNationality / persons.length).toBeGreaterThan(0.6);
    expect(persons.some(({ double }) => double.nationalityId === "")).toBe(true);
    for (const { original, double } of persons) if (original.aliases !== "") expect(double.aliases).not.toBe(original.aliases);
    for (const { original, double } of pairs("companies")) {
      expect(double.kind).toBe(original.kind);
      expect([original.countryId, ""]).toContain(double.countryId);
    }
  });

  test("ring members list their doubles, which are the doubles of their clusters", () => {
    const byOriginal = new Map(clusters().map(({ cluster }) => [cluster.id, cluster.members.slice(1).map((member) => member.id).sort()]));
    const members = network.truth.rings.flatMap((ring) => ring.members);
    for (const member of members) expect(member.doubles ?? []).toEqual(byOriginal.get(member.id) ?? []);
    expect(members.some((member) => member.doubles !== undefined)).toBe(true);
  });

  test("planted paths keep their edges and stay the only shortest paths between their ends", () => {
    // Records without a nationality or country have no NATIONAL_OF or REGISTERED_IN edge.
    const rows = {
      ...network.rows,
      persons: network.rows.persons.filter((row) => row.nationalityId !== ""),
      companies: network.rows.companies.filter((row) => row.countryId !== ""),
    };
    const graph = graphOf(rows);
    expect(network.truth.plantedPaths.length).toBeGreaterThan(0);
    for (const planted of network.truth.plantedPaths) {
      const found = graph.shortestPaths(planted.from, planted.to, new Set(planted.uniqueUnder), planted.length);
      expect(found, `${planted.from} → ${planted.to}`).toEqual({ distance: planted.length, count: 1 });
    }
  });

  test("the same seed and share give byte-identical files", async () => {
    const again = path.join(root, "again");
    await generateNetwork({ seed: SEED, shipments: SHIPMENTS, outDir: again, duplicates: SHARE });
    expect(await hashFolder(again)).toEqual(await hashFolder(path.join(root, "dup")));
  });
});
