import { describe, expect, test } from "vitest";

import { compareEntities, countNames, type ResolutionRecord } from "../../src/resolution/index.js";

/** The score above which a pair is put to an investigator. */
const THRESHOLD = 0.5;

let nextId = 0;
function person(names: string[], extra: Partial<ResolutionRecord> = {}): ResolutionRecord {
  nextId += 1;
  return { id: `p${nextId}`, kind: "Person", names, nationalities: [], identifiers: [], shipments: [], ...extra };
}
function company(names: string[], extra: Partial<ResolutionRecord> = {}): ResolutionRecord {
  nextId += 1;
  return { id: `c${nextId}`, kind: "Company", names, nationalities: [], identifiers: [], shipments: [], ...extra };
}
const score = (a: ResolutionRecord, b: ResolutionRecord) => compareEntities(a, b).score;

describe("variants of one person's name match it on the name alone", () => {
  test.each([
    { original: "Nguyễn Văn Hùng", variant: "NGUYEN VAN HUNG" },
    { original: "Nguyễn Văn Hùng", variant: "Nguyen V. Hung" },
    { original: "Nguyễn Văn Hùng", variant: "Hung Nguyen" },
    { original: "Nguyễn Văn Hùng", variant: "Nguyen Van Hnug" },
    { original: "Nguyễn Văn Hùng", variant: "Nguyen Van Hungg" },
    { original: "Nguyễn Văn Hùng", variant: "Văn Hùng Nguyễn" },
    { original: "Đặng Thị Đào", variant: "Dang Thi Dao" },
    { original: "李强", variant: "Li Qiang" },
    { original: "李强", variant: "Qiang Li" },
    { original: "李强", variant: "LI QIANG" },
    { original: "李強", variant: "Li Qiang" },
    { original: "Li Qiang", variant: "Lee Keung" },
    { original: "李强", variant: "Lee Keung" },
    { original: "黄伟明", variant: "Wong Wai Ming" },
    { original: "王伟明", variant: "Wong Wai Ming" },
    { original: "陈杰", variant: "Chan Kit" },
    { original: "陈杰", variant: "Tan Kit" },
    { original: "张志强", variant: "Cheung Chi Keung" },
    { original: "刘家辉", variant: "Lau Ka Fai" },
    { original: "郭俊", variant: "Kwok Kwan" },
    { original: "李小明", variant: "Li Xiaoming" },
    { original: "李小明", variant: "Lee Siu Ming" },
    { original: "林伟", variant: "Lim Wai" },
    { original: "蔡明", variant: "Chua Ming" },
  ])("$original ~ $variant", ({ original, variant }) => {
    const a = person([original]);
    const b = person([variant]);
    expect(score(a, b)).toBeGreaterThan(THRESHOLD);
    expect(score(b, a)).toBe(score(a, b));
  });

  test("an alias counts as much as the name", () => {
    const a = person(["Tran Minh Tuan", "李强"]);
    const b = person(["Lee Keung"]);
    expect(score(a, b)).toBeGreaterThan(THRESHOLD);
  });
});

describe("different people score below the threshold", () => {
  test.each([
    { a: "Nguyễn Văn Hùng", b: "Nguyễn Văn Hùng", yearA: 1975, yearB: 1988 },
    { a: "Nguyễn Văn Hùng", b: "Nguyen Van Hung", yearA: 1975, yearB: 1980 },
    { a: "Li Qiang", b: "李强", yearA: 1962, yearB: 1990 },
    { a: "Wong Wai Ming", b: "Wong Wai Ming", yearA: 1970, yearB: 1972 },
  ])("namesakes $a ($yearA) and $b ($yearB) with no identifier in common", ({ a, b, yearA, yearB }) => {
    const first = person([a], { birthYear: yearA, identifiers: ["PHONE:+84911111111"] });
    const second = person([b], { birthYear: yearB, identifiers: ["PHONE:+84922222222"] });
    expect(score(first, second)).toBeLessThan(THRESHOLD);
  });

  test.each([
    { a: "Nguyen Van Hung", b: "Tran Thi Mai" },
    { a: "Nguyen Van Hung", b: "Nguyen Van Minh" },
    { a: "Li Qiang", b: "Wang Qiang" },
    { a: "Li Qiang", b: "Li Ming" },
    { a: "Chan Tai Man", b: "Chen Xiaoping" },
  ])("$a and $b, both born 1980", ({ a, b }) => {
    expect(score(person([a], { birthYear: 1980 }), person([b], { birthYear: 1980 }))).toBeLessThan(THRESHOLD);
  });

  test("disjoint nationalities count against a name match", () => {
    const same = score(person(["Nguyen Van Hung"], { nationalities: ["VN"] }), person(["Nguyen Van Hung"], { nationalities: ["VN"] }));
    const apart = score(person(["Nguyen Van Hung"], { nationalities: ["VN"] }), person(["Nguyen Van Hung"], { nationalities: ["US"] }));
    expect(apart).toBeLessThan(same);
  });
});

describe("shared identifiers", () => {
  const phone = "PHONE:+84912345678";

  test("a shared phone lifts a weak name match above the threshold", () => {
    const a = person(["Nguyen Thanh Hung"]);
    const b = person(["Nguyen Van Hung"]);
    expect(score(a, b)).toBeLessThan(THRESHOLD);
    const withPhone = score({ ...a, identifiers: [phone] }, { ...b, identifiers: [phone, "EMAIL:hung@example.vn"] });
    expect(withPhone).toBeGreaterThan(THRESHOLD);
  });

  test("a shared phone does not make different names one person", () => {
    const a = person(["Nguyen Van Hung"], { identifiers: [phone] });
    const b = person(["Tran Thi Mai"], { identifiers: [phone] });
    expect(score(a, b)).toBeLessThan(THRESHOLD);
  });

  test("a shared document outweighs a shared address", () => {
    const name = ["Nguyen Thanh Hung"];
    const other = ["Nguyen Van Hung"];
    const byDocument = score(person(name, { identifiers: ["DOCUMENT:B1234567"] }), person(other, { identifiers: ["DOCUMENT:B1234567"] }));
    const byAddress = score(person(name, { identifiers: ["ADDRESS:12 pho hue"] }), person(other, { identifiers: ["ADDRESS:12 pho hue"] }));
    expect(byDocument).toBeGreaterThan(byAddress);
  });

  test("a shared shipment adds a little", () => {
    const alone = score(person(["Nguyen Thanh Hung"]), person(["Nguyen Van Hung"]));
    const together = score(person(["Nguyen Thanh Hung"], { shipments: ["s1"] }), person(["Nguyen Van Hung"], { shipments: ["s1"] }));
    expect(together).toBeGreaterThan(alone);
  });
});

describe("companies", () => {
  test.each([
    { original: "Hai Phong Seafood Co., Ltd.", variant: "Công ty TNHH Hải Phong Seafood" },
    { original: "Hai Phong Seafood Co., Ltd.", variant: "HAI PHONG SEAFOOD COMPANY LIMITED" },
    { original: "Golden Leaf Sdn Bhd", variant: "Golden Leaf Sendirian Berhad" },
    { original: "Golden Leaf Sdn Bhd", variant: "Golden Leaf" },
    { original: "Mekong Star Pte Ltd", variant: "Mekong Star Private Limited" },
    { original: "PT Sinar Jaya", variant: "Sinar Jaya Tbk" },
    { original: "华强贸易有限公司", variant: "Hua Qiang Mao Yi Co Ltd" },
    { original: "Rhein Handel GmbH", variant: "Rhein Handel AG" },
    { original: "Siam Trading Co., Ltd.", variant: "บริษัท Siam Trading จำกัด" },
    { original: "Lusitania Comércio Lda", variant: "Lusitania Comercio Limitada" },
  ])("$original ~ $variant", ({ original, variant }) => {
    expect(score(company([original], { nationalities: ["VN"] }), company([variant], { nationalities: ["VN"] }))).toBeGreaterThan(THRESHOLD);
  });

  test.each([
    { a: "Hai Phong Seafood Co Ltd", b: "Hai Long Timber Co Ltd" },
    { a: "Golden Leaf Sdn Bhd", b: "Golden Dragon Sdn Bhd" },
    { a: "Công ty TNHH Thành Công", b: "Công ty TNHH Minh Phát" },
  ])("$a and $b are different companies", ({ a, b }) => {
    expect(score(company([a]), company([b]))).toBeLessThan(THRESHOLD);
  });

  test("registration in different countries counts against", () => {
    const same = score(company(["Golden Leaf Sdn Bhd"], { nationalities: ["MY"] }), company(["Golden Leaf"], { nationalities: ["MY"] }));
    const apart = score(company(["Golden Leaf Sdn Bhd"], { nationalities: ["MY"] }), company(["Golden Leaf"], { nationalities: ["SG"] }));
    expect(apart).toBeLessThan(same);
    const feature = compareEntities(company(["Golden Leaf"], { nationalities: ["MY"] }), company(["Golden Leaf"], { nationalities: ["SG"] }))
      .features.find((f) => f.name === "companyCountry");
    expect(feature?.weight).toBeLessThan(0);
  });

  test("the same date of incorporation makes namesakes probable, different dates two companies", () => {
    const golden = (incorporatedOn: string | null) => company(["Golden Leaf Sdn Bhd"], { nationalities: ["MY"], incorporatedOn });
    const unknown = score(golden("2015-03-02"), golden(null));
    expect(score(golden("2015-03-02"), golden("2015-03-02"))).toBeGreaterThan(0.9);
    expect(score(golden("2015-03-02"), golden("2015-03-02"))).toBeGreaterThan(unknown);
    expect(score(golden("2015-03-02"), golden("2016-11-20"))).toBeLessThan(THRESHOLD);
    const feature = compareEntities(golden("2015-03-02"), golden("2016-11-20")).features.find((f) => f.name === "incorporatedOn");
    expect(feature?.detail).toBe("incorporated: on 2015-03-02 and on 2016-11-20");
  });
});

describe("the explanation", () => {
  test("the score is the logistic of the features' weights", () => {
    const comparison = compareEntities(
      person(["Nguyễn Văn Hùng"], { birthYear: 1975, nationalities: ["VN"], identifiers: ["PHONE:+84912345678"], shipments: ["s1"] }),
      person(["Nguyen V. Hung"], { birthYear: 1976, nationalities: ["VN", "LA"], identifiers: ["PHONE:+84912345678"], shipments: ["s1", "s2"] }),
    );
    const sum = comparison.features.reduce((total, feature) => total + feature.weight, 0);
    expect(comparison.score).toBeCloseTo(1 / (1 + Math.exp(-sum)), 12);
    expect(comparison.features.map((feature) => feature.name)).toEqual([
      "prior",
      "names",
      "initials",
      "identifiers",
      "birthYear",
      "nationality",
      "sharedShipments",
    ]);
    const names = comparison.features.find((feature) => feature.name === "names")!;
    expect(names.detail).toContain("'nguyen van hung' ~ 'nguyen v hung' (initials)");
    expect(comparison.features.find((feature) => feature.name === "nationality")!.detail).toBe("nationality: both VN");
    expect(comparison.features.find((feature) => feature.name === "birthYear")!.detail).toBe("birth year: 1975 and 1976, within a year");
  });

  test("a person and a company are never one entity", () => {
    const comparison = compareEntities(person(["Golden Leaf"]), company(["Golden Leaf"]));
    expect(comparison.score).toBeLessThan(1e-20);
    expect(comparison.features.every((feature) => Number.isFinite(feature.weight))).toBe(true);
  });

  test("scores stay within 0..1 at the extremes", () => {
    const identifiers = ["DOCUMENT:X1", "PHONE:+1", "EMAIL:a@b", "BANK_ACCOUNT:1", "ADDRESS:x"];
    const high = score(person(["Li Qiang"], { birthYear: 1970, identifiers }), person(["Li Qiang"], { birthYear: 1970, identifiers }));
    const low = score(person(["Li Qiang"], { birthYear: 1950, nationalities: ["CN"] }), person(["Tran Thi Mai"], { birthYear: 1990, nationalities: ["VN"] }));
    expect(high).toBeLessThanOrEqual(1);
    expect(high).toBeGreaterThan(0.99);
    expect(low).toBeGreaterThanOrEqual(0);
    expect(low).toBeLessThan(0.01);
  });
});

describe("common names", () => {
  // 40 records named Nguyen Van Hung (some written in another order), one Vuong Dinh Khiem.
  const collection = [
    ...Array.from({ length: 30 }, () => person(["Nguyễn Văn Hùng"])),
    ...Array.from({ length: 10 }, () => person(["Hung Van Nguyen"])),
    person(["Vương Đình Khiêm"]),
    person(["Vuong Dinh Khiem"]),
  ];
  const nameCounts = countNames(collection);

  test("counts bearers of a name whatever its word order or accents", () => {
    expect(nameCounts.get("Person:hung nguyen van")).toBe(40);
    expect(nameCounts.get("Person:dinh khiem vuong")).toBe(2);
  });

  test("agreeing on a common name counts for less than agreeing on a rare one", () => {
    const common = compareEntities(collection[0]!, collection[1]!, { nameCounts });
    const rare = compareEntities(collection[40]!, collection[41]!, { nameCounts });
    expect(common.score).toBeLessThan(rare.score);
    expect(common.features.find((feature) => feature.name === "commonName")?.detail).toBe(
      "common name: 'nguyen van hung' is borne by 40 records",
    );
    expect(rare.features.some((feature) => feature.name === "commonName")).toBe(false);
  });

  test("a duplicate of a common name with its birth year and nationality stays above the threshold", () => {
    const a = { ...collection[0]!, birthYear: 1980, nationalities: ["VN"] };
    const b = { ...collection[1]!, birthYear: 1980, nationalities: ["VN"] };
    expect(compareEntities(a, b, { nameCounts }).score).toBeGreaterThan(THRESHOLD);
  });

  test("without counts every name counts as rare", () => {
    expect(compareEntities(collection[0]!, collection[1]!).features.some((feature) => feature.name === "commonName")).toBe(false);
  });
});

describe("nicknames and names in characters", () => {
  test("two persons who share only a nickname are namesakes at most", () => {
    const a = person(["Somchai Rattanakorn", "Boy"], { birthYear: 1980, nationalities: ["TH"] });
    const b = person(["Teerapong Saetang", "Boy"], { birthYear: 1980, nationalities: ["TH"] });
    const comparison = compareEntities(a, b);
    expect(comparison.score).toBeLessThan(THRESHOLD);
    expect(comparison.features.find((feature) => feature.name === "names")?.detail).toContain("nickname");
    // A shared phone still makes the pair worth a look.
    const phone = "PHONE:+66812345678";
    expect(score({ ...a, identifiers: [phone] }, { ...b, identifiers: [phone] })).toBeGreaterThan(THRESHOLD);
  });

  test("a kinship term that shares a word with a name is still a nickname", () => {
    const a = person(["Bùi Tiến Mạnh", "Anh Ba"], { birthYear: 1992, nationalities: ["VN"] });
    const b = person(["Hồ Bá Khánh", "Anh Ba"], { birthYear: 1992, nationalities: ["VN"] });
    expect(score(a, b)).toBeLessThan(THRESHOLD);
  });

  test("a name in characters is no nickname, whatever the own name", () => {
    expect(score(person(["Tran Minh Tuan", "李强"]), person(["Lee Keung"]))).toBeGreaterThan(THRESHOLD);
  });

  test("names in characters that differ count against a pinyin match", () => {
    const a = person(["Feng Jianhua", "冯建华"], { birthYear: 1980, nationalities: ["CN"] });
    const differs = person(["Feng Jianhua", "冯剑华"], { birthYear: 1980, nationalities: ["CN"] });
    const same = person(["Feng Jianhua", "冯建华"], { birthYear: 1980, nationalities: ["CN"] });
    const unwritten = person(["Feng Jianhua"], { birthYear: 1980, nationalities: ["CN"] });
    expect(score(a, differs)).toBeLessThan(THRESHOLD);
    expect(compareEntities(a, differs).features.map((feature) => feature.name)).toContain("characters");
    expect(score(a, same)).toBeGreaterThan(THRESHOLD);
    expect(score(a, unwritten)).toBeGreaterThan(THRESHOLD);
  });
});
