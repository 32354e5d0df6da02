import { describe, expect, test } from "vitest";

import {
  compareNames,
  foldText,
  GIVEN_SYLLABLE_ROMANISATIONS,
  nameKey,
  romanisationForms,
  SURNAME_ROMANISATIONS,
} from "../../src/resolution/index.js";
import { withinOneEdit } from "../../src/resolution/one-edit.js";

describe("foldText", () => {
  test.each([
    { text: "Nguyễn Văn Hùng", folded: "nguyen van hung" },
    { text: "NGUYEN VAN HUNG", folded: "nguyen van hung" },
    { text: "Nguyen V. Hung", folded: "nguyen v hung" },
    { text: "  Nguyen   Van-Hung ", folded: "nguyen van hung" },
    { text: "Đặng Thị Đào", folded: "dang thi dao" },
    { text: "O'Neil, Jr.", folded: "oneil jr" },
    { text: "ＬＩ Ｑｉａｎｇ", folded: "li qiang" },
    { text: "李强", folded: "li qiang" },
    { text: "李強", folded: "li qiang" },
    { text: "Li强", folded: "li qiang" },
    { text: "陈伟", folded: "chen wei" },
  ])("$text -> $folded", ({ text, folded }) => {
    expect(foldText(text)).toBe(folded);
  });

  // 单 and 曾 are read "shan" and "zeng" as surnames, "dan" and "ceng" elsewhere.
  test.each([
    { text: "单雄信", person: "shan xiong xin" },
    { text: "曾国强", person: "zeng guo qiang" },
  ])("$text read as a person's name -> $person", ({ text, person }) => {
    expect(foldText(text, { surnameFirst: true })).toBe(person);
  });
});

describe("company names lose their legal forms", () => {
  test.each([
    { name: "Hai Phong Seafood Co., Ltd.", key: "hai phong seafood" },
    { name: "Hai Phong Seafood Company Limited", key: "hai phong seafood" },
    { name: "Công ty TNHH Hải Phong Seafood", key: "hai phong seafood" },
    { name: "CÔNG TY TNHH MTV HẢI PHONG SEAFOOD", key: "hai phong seafood" },
    { name: "Hai Phong Seafood JSC", key: "hai phong seafood" },
    { name: "Golden Leaf Sdn. Bhd.", key: "golden leaf" },
    { name: "Golden Leaf Sendirian Berhad", key: "golden leaf" },
    { name: "Mekong Star Pte. Ltd.", key: "mekong star" },
    { name: "PT Sinar Jaya Tbk", key: "sinar jaya" },
    { name: "CV Sinar Jaya", key: "sinar jaya" },
    { name: "Siam Trading Public Company Limited", key: "siam trading" },
    { name: "Rhein Handel GmbH & Co. KG", key: "rhein handel" },
    { name: "Rhein Handel AG", key: "rhein handel" },
    { name: "Lusitania Comércio Lda", key: "lusitania comercio" },
    { name: "Lusitania Comércio Ltda.", key: "lusitania comercio" },
    { name: "Sahel Négoce SARL", key: "sahel negoce" },
    { name: "Sahel Négoce S.A.", key: "sahel negoce" },
    { name: "Acme Imports Inc.", key: "acme imports" },
    { name: "Acme Imports LLC", key: "acme imports" },
    // 华强贸易: hua qiang mao yi; 有限公司 and 有限責任公司 are "limited company".
    { name: "华强贸易有限公司", key: "hua qiang mao yi" },
    { name: "華強貿易有限責任公司", key: "hua qiang mao yi" },
    // Only legal forms: kept, or the name would match nothing.
    { name: "Limited", key: "limited" },
  ])("$name -> $key", ({ name, key }) => {
    expect(nameKey(name, "Company").folded).toBe(key);
  });

  test("a Thai company's บริษัท ... จำกัด is stripped", () => {
    expect(nameKey("บริษัท สยามเทรด จำกัด", "Company").folded).toBe(nameKey("สยามเทรด", "Company").folded);
  });

  test("persons keep every word, whatever it looks like", () => {
    expect(nameKey("Ong Co", "Person").folded).toBe("ong co");
  });
});

describe("Chinese romanisations", () => {
  test("the tables hold at least 40 surnames and common given syllables", () => {
    expect(Object.keys(SURNAME_ROMANISATIONS).length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(GIVEN_SYLLABLE_ROMANISATIONS).length).toBeGreaterThanOrEqual(30);
  });

  test.each([
    { spelling: "lee", pinyin: ["li"] },
    { spelling: "wong", pinyin: ["wang", "huang"] },
    { spelling: "cheung", pinyin: ["zhang"] },
    { spelling: "chan", pinyin: ["chen"] },
    { spelling: "tan", pinyin: ["chen", "tan"] },
    { spelling: "ng", pinyin: ["wu"] },
    { spelling: "kwok", pinyin: ["guo"] },
    { spelling: "chua", pinyin: ["cai"] },
    { spelling: "keung", pinyin: ["qiang"] },
    { spelling: "kit", pinyin: ["jie"] },
    { spelling: "wai", pinyin: ["wei"] },
  ])("$spelling may stand for $pinyin", ({ spelling, pinyin }) => {
    const forms = romanisationForms(spelling);
    expect(forms).toContain(spelling);
    for (const syllable of pinyin) expect(forms).toContain(syllable);
  });

  test("a word outside the tables stands for itself only", () => {
    expect(romanisationForms("nguyen")).toEqual(["nguyen"]);
  });
});

describe("withinOneEdit", () => {
  test.each([
    { a: "hung", b: "hung", within: true },
    { a: "hung", b: "hnug", within: true }, // swapped
    { a: "hung", b: "hungg", within: true }, // doubled
    { a: "hung", b: "hug", within: true }, // dropped
    { a: "hung", b: "hang", within: true }, // changed
    { a: "hung", b: "uhng", within: true }, // swapped at the start
    { a: "hung", b: "hugn", within: true }, // swapped at the end
    { a: "hung", b: "hunggg", within: false },
    { a: "hung", b: "nhug", within: false },
    { a: "khammarath", b: "khammathep", within: false },
    { a: "", b: "a", within: true },
  ])("$a ~ $b: $within", ({ a, b, within }) => {
    expect(withinOneEdit(a, b)).toBe(within);
    expect(withinOneEdit(b, a)).toBe(within);
  });
});

describe("compareNames", () => {
  const person = (name: string) => nameKey(name, "Person");

  // "exact" is said only when nothing else is: the other notes say where the names differ.
  test.each([
    { a: "Nguyễn Văn Hùng", b: "NGUYEN VAN HUNG", notes: ["exact"] },
    { a: "Nguyễn Văn Hùng", b: "Nguyen V. Hung", notes: ["initials"] },
    { a: "Nguyễn Văn Hùng", b: "Hung Nguyen", notes: ["order", "missing words"] },
    { a: "Nguyễn Văn Hùng", b: "Nguyen Van Hnug", notes: ["spelling"] },
    { a: "Li Qiang", b: "Lee Keung", notes: ["romanisation"] },
    { a: "李小明", b: "Li Xiaoming", notes: ["joined"] },
  ])("$a ~ $b: $notes", ({ a, b, notes }) => {
    const result = compareNames(person(a), person(b));
    expect(result.notes).toEqual(notes);
    expect(result.similarity).toBeGreaterThan(0.85);
  });

  test.each([
    { a: "Nguyen Van Hung", b: "Tran Thi Mai" },
    { a: "Nguyen Van Hung", b: "Nguyen Van Minh Tuan" },
    { a: "Li Qiang", b: "Li" },
    { a: "Li Qiang", b: "Wang Qiang" },
    // Jaro–Winkler 0.92, but four letters apart: two surnames built on one syllable, not a typo.
    { a: "Viengkham Khammarath", b: "Viengkham Khammathep" },
  ])("$a and $b are different names", ({ a, b }) => {
    expect(compareNames(person(a), person(b)).similarity).toBeLessThan(0.8);
  });

  test("word order makes no difference", () => {
    const forward = compareNames(person("Nguyen Van Hung"), person("Nguyen Hung"));
    const reversed = compareNames(person("Hung Van Nguyen"), person("Nguyen Hung"));
    expect(reversed.similarity).toBe(forward.similarity);
  });
});
