import { describe, expect, test } from "vitest";

import {
  bestMatch,
  coverage,
  editDistance,
  escapeLucene,
  foldText,
  hasRequiredWords,
  luceneQuery,
  MAX_QUERY_LENGTH,
  phoneMatches,
  queryProblem,
  searchTerms,
} from "../../src/domain/search-text.js";

describe("foldText", () => {
  test.each([
    { text: "Nguyễn Văn An", folded: "nguyen van an" },
    { text: "NGUYỄN VĂN AN", folded: "nguyen van an" },
    { text: "Đặng Thị Đào", folded: "dang thi dao" },
    { text: "đường", folded: "duong" },
    { text: "Trần Hưng Đạo", folded: "tran hung dao" },
    { text: "Côte d’Ivoire", folded: "cote d’ivoire" },
    { text: "Łódź", folded: "lodz" },
    { text: "Straße", folded: "strasse" },
    { text: "Ｍａｎｉｓ", folded: "manis" },
    { text: "穿山甲", folded: "穿山甲" },
    { text: "馬來穿山甲", folded: "馬來穿山甲" },
  ])("$text -> $folded", ({ text, folded }) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe("queryProblem", () => {
  test.each([
    { query: "", problem: "must not be empty" },
    { query: "   \t ", problem: "must not be empty" },
    { query: "x".repeat(MAX_QUERY_LENGTH + 1), problem: `must be at most ${MAX_QUERY_LENGTH} characters` },
    { query: ` ${"x".repeat(MAX_QUERY_LENGTH)} `, problem: null },
    { query: "*", problem: "must contain a letter or a digit" },
    { query: "()[]{}~^:\"\\/", problem: "must contain a letter or a digit" },
    { query: "a AND (b", problem: null },
    { query: "穿山甲", problem: null },
    { query: "7", problem: null },
  ])("$query -> $problem", ({ query, problem }) => {
    expect(queryProblem(query)).toBe(problem);
  });
});

describe("searchTerms", () => {
  test.each([
    { query: "  Nguyễn Văn An ", words: ["nguyen", "van", "an"], hanRuns: [], phone: null },
    { query: "a AND (b", words: ["a", "and", "b"], hanRuns: [], phone: null },
    { query: "穿山甲", words: [], hanRuns: ["穿山甲"], phone: null },
    { query: "马来穿山甲 javanica", words: ["javanica"], hanRuns: ["马来穿山甲"], phone: null },
    { query: "pangolin穿山甲", words: ["pangolin"], hanRuns: ["穿山甲"], phone: null },
    { query: "hung@example.com", words: ["hung", "example", "com"], hanRuns: [], phone: null },
    { query: "+84 91 234 5678", words: ["84", "91", "234", "5678"], hanRuns: [], phone: { international: "84912345678", national: null } },
    { query: "0912345678", words: ["0912345678"], hanRuns: [], phone: { international: "0912345678", national: "912345678" } },
    { query: "0084-912-345-678", words: ["0084", "912", "345", "678"], hanRuns: [], phone: { international: "84912345678", national: null } },
    { query: "(091) 234.5678", words: ["091", "234", "5678"], hanRuns: [], phone: { international: "0912345678", national: "912345678" } },
    { query: "12345", words: ["12345"], hanRuns: [], phone: null },
    { query: "an an", words: ["an"], hanRuns: [], phone: null },
  ])("$query", ({ query, words, hanRuns, phone }) => {
    const terms = searchTerms(query);
    expect(terms.phrase).toBe(query.trim());
    expect(terms.words).toEqual(words);
    expect(terms.hanRuns).toEqual(hanRuns);
    expect(terms.phone).toEqual(phone);
  });
});

describe("escapeLucene", () => {
  test.each([
    { text: "plain", escaped: "plain" },
    { text: "a+b-c", escaped: "a\\+b\\-c" },
    { text: "(x)[y]{z}", escaped: "\\(x\\)\\[y\\]\\{z\\}" },
    { text: "*?~^:\"\\/!|&", escaped: "\\*\\?\\~\\^\\:\\\"\\\\\\/\\!\\|\\&" },
  ])("$text -> $escaped", ({ text, escaped }) => {
    expect(escapeLucene(text)).toBe(escaped);
  });
});

describe("luceneQuery", () => {
  test.each([
    {
      query: "Nguyễn Văn An",
      lucene: '"Nguyễn Văn An"^4 OR nguyen^2 OR nguyen* OR nguyen~1 OR van^2 OR van* OR an^2',
    },
    { query: "pangolni", lucene: '"pangolni"^4 OR pangolni^2 OR pangolni* OR pangolni~2' },
    { query: "穿山甲", lucene: '"穿山甲"^4 OR "穿山甲"^2' },
    { query: 'a AND (b "c', lucene: '"a AND (b \\"c"^4 OR a^2 OR and^2 OR and* OR b^2 OR c^2' },
    { query: "back\\slash", lucene: '"back\\\\slash"^4 OR back^2 OR back* OR back~1 OR slash^2 OR slash* OR slash~1' },
    { query: "+84 912", lucene: '"+84 912"^4 OR 84^2 OR 912^2 OR 912*' },
    {
      query: "+84 91 234 5678",
      lucene: '"+84 91 234 5678"^4 OR 84^2 OR 91^2 OR 234^2 OR 234* OR 5678^2 OR 5678* OR 5678~1 OR 84912345678^4',
    },
  ])("$query", ({ query, lucene }) => {
    expect(luceneQuery(searchTerms(query))).toBe(lucene);
  });

  test.each([
    {
      query: "Nguyễn Văn An",
      lucene: '"Nguyễn Văn An"^4 +(nguyen^2 OR nguyen* OR nguyen~1) +(van^2 OR van*) an^2',
      required: true,
    },
    { query: "pangolni", lucene: '"pangolni"^4 +(pangolni^2 OR pangolni* OR pangolni~2)', required: true },
    { query: "穿山甲", lucene: '"穿山甲"^4 "穿山甲"^2', required: false },
    { query: "the an", lucene: '"the an"^4 the^2 the* an^2', required: false },
    { query: "+84 91 234 5678", lucene: '"+84 91 234 5678"^4 +(84^2) +(91^2) +(234^2 OR 234*) +(5678^2 OR 5678* OR 5678~1) 84912345678^4', required: false },
  ])("$query with every word required", ({ query, lucene, required }) => {
    const terms = searchTerms(query);
    expect(luceneQuery(terms, { allWords: true })).toBe(lucene);
    expect(hasRequiredWords(terms)).toBe(required);
  });
});

describe("editDistance", () => {
  test.each([
    { a: "pangolin", b: "pangolni", distance: 1 },
    { a: "am", b: "an", distance: 1 },
    { a: "am", b: "anh", distance: 2 },
    { a: "hung", b: "hung", distance: 0 },
    { a: "", b: "abc", distance: 3 },
  ])("$a / $b -> $distance", ({ a, b, distance }) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("coverage", () => {
  test.each([
    { query: "nguyen van an", name: "Nguyễn Văn An", score: 1 },
    { query: "NGUYỄN VĂN AN", name: "Nguyễn Văn An", score: 1 },
    { query: "Nguyen Van Am", name: "Nguyễn Văn An", score: 2.5 / 3 },
    { query: "Nguyen Van Am", name: "Nguyễn Văn Anh", score: 2 / 3 },
    { query: "Nguyen", name: "Nguyễn Văn An", score: 1 },
    { query: "pango", name: "Malayan Pangolin", score: 0.75 },
    { query: "pangolni", name: "Malayan Pangolin", score: 0.5 },
    { query: "穿山甲", name: "马来穿山甲", score: 1 },
    { query: "穿山甲", name: "Manis javanica", score: 0 },
    { query: "+84 91 234 5678", name: "+84912345678", score: 1 },
    { query: "0912345678", name: "+84912345678", score: 1 },
    { query: "hung@example.com", name: "hung@example.com", score: 1 },
    { query: "zzz", name: "Nguyễn Văn An", score: 0 },
  ])("$query / $name -> $score", ({ query, name, score }) => {
    expect(coverage(searchTerms(query), name)).toBeCloseTo(score, 10);
  });
});

describe("phoneMatches", () => {
  test.each([
    { query: "+84 91 234 5678", value: "+84912345678", matches: true },
    { query: "0084 91 234 5678", value: "+84912345678", matches: true },
    { query: "0912345678", value: "+84912345678", matches: true },
    { query: "0912345678", value: "+855912345678", matches: true },
    { query: "0912345678", value: "+8559912345678", matches: false },
    { query: "0912345678", value: "+912345678", matches: false },
    { query: "+84 91 234 5679", value: "+84912345678", matches: false },
    { query: "+84912345678", value: "+84912345678", matches: true },
  ])("$query / $value -> $matches", ({ query, value, matches }) => {
    expect(phoneMatches(searchTerms(query).phone!, value)).toBe(matches);
  });
});

describe("bestMatch", () => {
  test("names the alias that covers the query best, the first one on ties", () => {
    const terms = searchTerms("Nguyen Thanh Hung");
    expect(bestMatch(terms, ["Nguyễn Thanh Hùng", "Nguyen Thanh Hung", "Hung"])).toEqual({ name: "Nguyễn Thanh Hùng", coverage: 1 });
    expect(bestMatch(terms, ["Trần Văn Bình"])).toEqual({ name: null, coverage: 0 });
  });
});
