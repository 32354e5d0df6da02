import { describe, expect, it } from "vitest";

import { parseChineseNumber } from "../../src/import/press-releases/chinese-number.js";
import { readArrests, readMode, readValue } from "../../src/import/press-releases/circumstances.js";
import { loadGazetteer } from "../../src/import/normalise/gazetteer/gazetteer.js";
import { readLines } from "../../src/import/press-releases/commodity-lines.js";
import { findRoute } from "../../src/import/press-releases/route.js";
import { findSeizureDate, releaseDay } from "../../src/import/press-releases/seizure-date.js";
import { splitSentences, releaseBody } from "../../src/import/press-releases/sentences.js";

/** The extractor's rules one by one, on phrases written here in the releases' style (invented: no release is copied). */
describe("Chinese numbers", () => {
  it.each([
    ["二萬九千二百三十二", 29232],
    ["二點零四", 2.04],
    ["一百零九", 109],
    ["十二點一", 12.1],
    ["兩", 2],
    ["一千四百萬", 14_000_000],
    ["七萬三千三百", 73300],
    ["一萬零六百", 10600],
    ["八點一六", 8.16],
    ["1,060萬", 10_600_000],
    ["1 148", 1148],
    ["１ ３３０", 1330],
    ["29.6", 29.6],
    ["一億二千萬", 120_000_000],
  ])("%s is %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["三百多萬", "", "公斤"])("%s is no number", (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe("the day of a seizure", () => {
  const released = releaseDay("2018年1月10日")!;
  it.each([
    ["香港海關今日（一月十日）在機場檢獲", "2018-01-10"],
    ["香港海關昨日（一月九日）在機場檢獲", "2018-01-09"],
    ["香港海關十二月二十九日在葵涌檢獲", "2017-12-29"],
    ["香港海關昨日在機場檢獲", "2018-01-09"],
    ["香港海關前日（一月八日）偵破", "2018-01-08"],
    ["於二○一七年十二月十八日開始", "2017-12-18"],
  ])("%s: %s", (sentence, date) => {
    expect(findSeizureDate(sentence, released)?.date).toBe(date);
  });

  it("gives none where the sentence names no day", () => {
    expect(findSeizureDate("海關人員透過風險評估抽查一個貨櫃。", released)).toBeNull();
  });
});

describe("goods and their quantities", () => {
  it("reads each kind of goods with the weight written before it", () => {
    const { lines } = readLines("海關檢獲約三十一公斤懷疑乾海馬、一百二十四公斤懷疑穿山甲鱗片及五十公斤懷疑沉香木材。");
    expect(lines.map((line) => [line.term.taxon, line.term.product, line.weightKg])).toEqual([
      ["Hippocampus", "OTHER", 31],
      ["Manidae", "SCALES", 124],
      ["Aquilaria", "OTHER", 50],
    ]);
  });

  it("reads a count before and a weight after the goods", () => {
    const { lines } = readLines("海關在一件郵件中檢獲9件懷疑犀牛角，共重約四點二公斤。");
    expect(lines.map((line) => [line.term.taxon, line.count, line.weightKg])).toEqual([["Rhinocerotidae", 9, 4.2]]);
  });

  it("does not split one weight over several kinds of goods", () => {
    const reading = readLines("海關檢獲共1 050支象牙、12支犀牛角及4塊豹皮，共重約2 105公斤。");
    expect(reading.lines.map((line) => [line.term.product, line.count, line.weightKg])).toEqual([
      ["RAW_IVORY", 1050, null],
      ["HORN", 12, null],
      ["SKIN", 4, null],
    ]);
    expect(reading.sharedWeight?.value).toBe(2105);
  });

  it("reads weights given respectively after the goods", () => {
    const { lines } = readLines("檢獲懷疑冷藏穿山甲和穿山甲的鱗片，分別重約二百公斤及十二公斤。");
    expect(lines.map((line) => [line.term.product, line.weightKg])).toEqual([["MEAT", 200], ["SCALES", 12]]);
  });

  it("reads grams and tonnes as kilograms", () => {
    expect(readLines("檢獲約四百一十克懷疑象牙製品。").lines[0]!.weightKg).toBe(0.41);
    expect(readLines("檢獲3.9公噸未列艙單象牙。").lines[0]!.weightKg).toBe(3900);
  });
});

describe("routes", () => {
  const stops = async (sentence: string) =>
    findRoute([sentence], 0, await loadGazetteer())?.stops.map((stop) => `${stop.country} ${stop.role}`) ?? null;

  it("reads the origin, the transits, Hong Kong and an onward destination, by country", async () => {
    expect(await stops("一名旅客從剛果民主共和國金沙薩經卡塔爾多哈飛抵本港，並準備前往澳門。")).toEqual([
      "CD ORIGIN", "QA TRANSIT", "HK TRANSIT", "MO DESTINATION",
    ]);
    expect(await stops("抽查一個從尼日利亞抵港，報稱載有木炭的貨櫃。")).toEqual(["NG ORIGIN", "HK DESTINATION"]);
    expect(await stops("檢查一批由非洲安哥拉經香港轉口至柬埔寨的行李。")).toEqual(["AO ORIGIN", "HK TRANSIT", "KH DESTINATION"]);
  });

  it("keeps a transit without an origin, and gives no route where none is written", async () => {
    expect(await stops("檢查一個經馬來西亞運往香港的貨櫃。")).toEqual(["MY TRANSIT", "HK DESTINATION"]);
    expect(await stops("海關人員在貨櫃內發現該批木材。")).toBeNull();
  });
});

describe("circumstances", () => {
  it.each([
    ["該兩名男子因此被捕。", 2],
    ["並拘捕三名抵港男子及一名女子。", 4],
    ["海關共拘捕六男三女。", 9],
    ["拘捕一名五十歲男董事及一名四十八歲女董事。", 2],
    ["五十歲男司機被捕。", 1],
    ["直至現時為止，並未有人被捕。", 0],
    ["案件已轉交漁農自然護理署跟進。", null],
  ])("%s: %s arrested", (sentence, count) => {
    expect(readArrests(sentence)).toBe(count);
  });

  it("reads the mode: a container lorry at a crossing goes by road, a container at the terminal by sea", () => {
    expect(readMode("海關人員截查一輛入境貨櫃車，在貨櫃內發現。")?.mode).toBe("ROAD");
    expect(readMode("抽查一個從尼日利亞抵港的四十呎貨櫃。")?.mode).toBe("SEA");
    expect(readMode("檢查一件從南非進口的空運郵包。")?.mode).toBe("POST");
  });

  it("reads the value in Hong Kong dollars", () => {
    expect(readValue("估計市值約四百五十萬元。")?.value).toBe(4_500_000);
    expect(readValue("總值約1,740萬元。")?.value).toBe(17_400_000);
  });
});

describe("the body and its sentences", () => {
  it("drops the captions after the first link and keeps each sentence as written", () => {
    const body = releaseBody("甲句。乙句，有逗號。 (在新視窗開啟) 圖片說明。");
    expect(splitSentences(body)).toEqual(["甲句。", "乙句，有逗號。"]);
  });
});
