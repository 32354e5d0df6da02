import { describe, expect, test } from "vitest";

import { seededRandom } from "../../src/analysis/seeded-random.js";
import { compareEntities, findCandidates, type Candidate, type ResolutionRecord } from "../../src/resolution/index.js";

const MIN_SCORE = 0.5;

function record(id: string, kind: ResolutionRecord["kind"], names: string[], extra: Partial<ResolutionRecord> = {}): ResolutionRecord {
  return { id, kind, names, nationalities: [], identifiers: [], shipments: [], ...extra };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);

describe("findCandidates on a handful of records", () => {
  const records = [
    record("p1", "Person", ["李强"], { birthYear: 1971, nationalities: ["CN"] }),
    record("p2", "Person", ["Lee Keung"], { birthYear: 1971 }),
    record("p3", "Person", ["Li Qiang"], { birthYear: 1990, nationalities: ["CN"] }),
    record("p4", "Person", ["Nguyễn Văn Hùng"], { identifiers: ["PHONE:+84912345678"] }),
    record("p5", "Person", ["Nguyen Thanh Hung"], { identifiers: ["PHONE:+84912345678"] }),
    record("p6", "Person", ["Tran Thi Mai"], { identifiers: ["PHONE:+84912345678"] }),
    record("p7", "Person", ["Golden Leaf"]),
    record("c1", "Company", ["Golden Leaf Sdn Bhd"], { nationalities: ["MY"] }),
    record("c2", "Company", ["GOLDEN LEAF SENDIRIAN BERHAD"], { nationalities: ["MY"] }),
    record("c3", "Company", ["Golden Dragon Sdn Bhd"], { nationalities: ["MY"] }),
    record("c4", "Company", ["华强贸易有限公司"], { nationalities: ["CN"] }),
    record("c5", "Company", ["Hua Qiang Trading Co Ltd", "Hua Qiang Mao Yi Co Ltd"], { nationalities: ["CN"] }),
  ];
  // Which records are one entity, by construction: p1/p2 (李强 is Lee Keung in Cantonese, same
  // year), p4/p5 (a shared phone), c1/c2 (Sdn Bhd is Sendirian Berhad), c4/c5 (贸易 is mao yi).
  const expected = ["p1+p2", "p4+p5", "c1+c2", "c4+c5"].sort();

  test("finds the pairs that are one entity and no others", () => {
    const found = findCandidates(records, { minScore: MIN_SCORE });
    expect(found.map((candidate) => pairKey(candidate.a, candidate.b)).sort()).toEqual(expected);
  });

  test("each pair has a < b, the score compareEntities gives, and comes best first", () => {
    const found = findCandidates(records, { minScore: 0 });
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const candidate of found) {
      expect(candidate.a < candidate.b).toBe(true);
      expect(byId.get(candidate.a)!.kind).toBe(byId.get(candidate.b)!.kind);
      expect(candidate.score).toBe(compareEntities(byId.get(candidate.a)!, byId.get(candidate.b)!).score);
    }
    for (let k = 1; k < found.length; k++) expect(found[k]!.score).toBeLessThanOrEqual(found[k - 1]!.score);
  });

  test("a person never pairs with a company of the same name", () => {
    const found = findCandidates(records, { minScore: 0 });
    expect(found.some((candidate) => [candidate.a, candidate.b].includes("p7"))).toBe(false);
  });

  test("the same records in any order give the same candidates", () => {
    const random = seededRandom(7);
    const first = findCandidates(records, { minScore: 0 });
    for (let round = 0; round < 5; round++) {
      expect(findCandidates(shuffled(records, random), { minScore: 0 })).toEqual(first);
    }
  });
});

describe("capped blocks", () => {
  // 300 namesakes, each with its own birth year and phone, and three duplicate pairs far apart in
  // the block: n000 and n299 share a phone; n002 and n297 share a birth year; n001 and n298 have
  // no birth year and share nothing.
  const namesakes = Array.from({ length: 300 }, (_, k) =>
    record(`n${String(k).padStart(3, "0")}`, "Person", ["Nguyen Van Hung"], {
      birthYear: 1700 + k,
      identifiers: [`PHONE:+8490${String(k).padStart(7, "0")}`],
    }),
  );
  namesakes[299] = { ...namesakes[299]!, names: ["Nguyễn V. Hùng"], identifiers: [namesakes[0]!.identifiers[0]!], birthYear: 1700 };
  namesakes[297] = { ...namesakes[297]!, identifiers: [], birthYear: 1702 };
  namesakes[1] = { ...namesakes[1]!, identifiers: [], birthYear: null, nationalities: ["VN"] };
  namesakes[298] = { ...namesakes[298]!, identifiers: [], birthYear: null, nationalities: ["VN"] };
  const capped = findCandidates(namesakes, { minScore: MIN_SCORE, maxBlockSize: 50, window: 5 });
  const cappedKeys = capped.map((candidate) => pairKey(candidate.a, candidate.b));

  test("a shared identifier still brings a pair together through its own block", () => {
    expect(cappedKeys).toContain("n000+n299");
  });

  test("a large block of persons is split by birth year, so namesakes of one year meet", () => {
    expect(cappedKeys).toContain("n002+n297");
  });

  test("persons of unknown birth year meet only their neighbours in name order", () => {
    const full = findCandidates(namesakes, { minScore: MIN_SCORE, maxBlockSize: 1000 });
    expect(cappedKeys).not.toContain("n001+n298");
    expect(full.map((candidate) => pairKey(candidate.a, candidate.b))).toContain("n001+n298");
  });
});

describe("50,000 synthetic records", () => {
  // Han surname, its pinyin, its Cantonese spelling.
  const SURNAMES: [string, string, string][] = [
    ["李", "Li", "Lee"], ["王", "Wang", "Wong"], ["张", "Zhang", "Cheung"], ["刘", "Liu", "Lau"],
    ["陈", "Chen", "Chan"], ["黄", "Huang", "Wong"], ["周", "Zhou", "Chow"], ["林", "Lin", "Lam"],
    ["郭", "Guo", "Kwok"], ["何", "He", "Ho"], ["梁", "Liang", "Leung"], ["谢", "Xie", "Tse"],
  ];
  const GIVEN: [string, string, string][] = [
    ["伟", "Wei", "Wai"], ["强", "Qiang", "Keung"], ["明", "Ming", "Ming"], ["杰", "Jie", "Kit"],
    ["辉", "Hui", "Fai"], ["俊", "Jun", "Kwan"], ["志", "Zhi", "Chi"], ["家", "Jia", "Ka"],
    ["小", "Xiao", "Siu"], ["永", "Yong", "Wing"], ["国", "Guo", "Kwok"], ["德", "De", "Tak"],
  ];
  const VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
  const VN_MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hồng", "Ngọc", "Xuân", "Hữu"];
  const VN_GIVEN = [
    "Hùng", "Anh", "Tuấn", "Dũng", "Hải", "Long", "Nam", "Phương", "Linh", "Mai", "Hương", "Thảo",
    "Trang", "Sơn", "Quang", "Hiếu", "Khánh", "Vinh", "Bình", "Cường", "Đạt", "Hà", "Lan", "Tâm",
  ];
  // Company names: a made-up brand of two syllables, a place or quality word, a trade.
  const SYLLABLES = ["Ka", "Lo", "Min", "Tra", "Vi", "Sen", "Ha", "Phu", "Tan", "Kim", "Bao", "Lin", "Dai", "Hoa", "Mek", "Sia", "Ran", "Tho", "Quy", "Nam"];
  const QUALIFIERS = ["Golden", "Star", "Mekong", "Dragon", "Phoenix", "Lotus", "Pacific", "Asia", "Global", "Green", "Ocean", "River", "Jade", "Royal"];
  const TRADES = ["Seafood", "Timber", "Trading", "Logistics", "Import Export", "Agro", "Marine", "Freight", "Pharma", "Herbs"];
  const LEGAL = ["Co., Ltd.", "Company Limited", "Sdn Bhd", "Pte Ltd", "JSC", "Limited"];
  const strip = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");

  function build(seed: number) {
    const random = seededRandom(seed);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const records: ResolutionRecord[] = [];
    const planted: string[] = [];
    const plantedWithPhone = new Set<string>();
    let serial = 0;
    const nextId = () => `r${String(serial++).padStart(6, "0")}`;
    const phone = () => `PHONE:+84${Math.floor(random() * 1e9)}`;
    while (records.length < 50_000) {
      const roll = random();
      const year = 1950 + Math.floor(random() * 50);
      const identifiers = random() < 0.5 ? [phone()] : [];
      let original: ResolutionRecord;
      let variantNames: string[];
      if (roll < 0.5) {
        const name = [pick(VN_SURNAMES), pick(VN_MIDDLE), pick(VN_GIVEN)];
        original = record(nextId(), "Person", [name.join(" ")], { birthYear: year, nationalities: ["VN"], identifiers });
        const style = Math.floor(random() * 3);
        variantNames = [
          style === 0 ? strip(name.join(" ")).toUpperCase() : style === 1 ? `${name[0]} ${name[1]![0]}. ${name[2]}` : `${name[2]} ${name[0]}`,
        ];
      } else if (roll < 0.85) {
        const surname = pick(SURNAMES);
        const given = random() < 0.5 ? [pick(GIVEN)] : [pick(GIVEN), pick(GIVEN)];
        original = record(nextId(), "Person", [surname[0] + given.map((g) => g[0]).join("")], { birthYear: year, nationalities: ["CN"], identifiers });
        variantNames = [random() < 0.5 ? `${surname[1]} ${given.map((g) => g[1]).join(" ")}` : `${surname[2]} ${given.map((g) => g[2]).join(" ")}`];
      } else {
        const words = [pick(SYLLABLES) + pick(SYLLABLES).toLowerCase(), pick(QUALIFIERS), pick(TRADES)];
        original = record(nextId(), "Company", [`${words.join(" ")} ${pick(LEGAL)}`], { nationalities: ["VN"], identifiers });
        variantNames = [`${words.join(" ").toUpperCase()} ${pick(LEGAL)}`];
      }
      records.push(original);
      // One record in twenty gets a duplicate under a variant name, sharing the original's phone if it has one.
      if (random() < 0.05) {
        const duplicate = { ...original, id: nextId(), names: variantNames };
        records.push(duplicate);
        planted.push(pairKey(original.id, duplicate.id));
        if (identifiers.length > 0) plantedWithPhone.add(pairKey(original.id, duplicate.id));
      }
    }
    return { records, planted, plantedWithPhone };
  }

  test("run in seconds and find the planted duplicates", { timeout: 180_000 }, () => {
    const { records, planted, plantedWithPhone } = build(2026);
    const started = performance.now();
    const found: Candidate[] = findCandidates(records, { minScore: MIN_SCORE });
    const seconds = (performance.now() - started) / 1000;
    const foundKeys = new Set(found.map((candidate) => pairKey(candidate.a, candidate.b)));
    const recalled = planted.filter((key) => foundKeys.has(key)).length;
    const recalledWithPhone = [...plantedWithPhone].filter((key) => foundKeys.has(key)).length;
    console.log(
      `findCandidates: ${records.length} records in ${seconds.toFixed(1)} s; ${found.length} candidates at ` +
        `score >= ${MIN_SCORE}; planted duplicates found ${recalled}/${planted.length}, ` +
        `with a shared phone ${recalledWithPhone}/${plantedWithPhone.size}`,
    );
    expect(recalledWithPhone).toBe(plantedWithPhone.size);
    expect(recalled / planted.length).toBeGreaterThan(0.9);
  });
});
