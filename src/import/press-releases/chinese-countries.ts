import { readFile } from "node:fs/promises";

import { parse } from "csv-parse/sync";

import { COUNTRIES_FILE } from "../normalise/country-index.js";

/**
 * Country names in Traditional Chinese as Hong Kong writes them, found in free text. The bundled
 * countries data gives each country's Simplified name (`name_zho`); a name is matched after folding
 * the Traditional characters of country names to their Simplified forms (國→国, 亞→亚, ...).
 * Hong Kong also uses a few names that are other words, not other characters (肯亞 for Kenya where
 * the mainland writes 肯尼亚): those are listed below, each once, with the reason.
 */

const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "亞亚", "國国", "爾尔", "馬马", "納纳", "蘭兰", "灣湾", "維维", "韋韦", "倫伦", "羅罗", "烏乌", "剛刚", "東东",
    "聯联", "長长", "門门", "麥麦", "薩萨", "賴赖", "內内", "盧卢", "達达", "幾几", "來来", "紐纽", "蘇苏", "韓韩",
    "撾挝", "緬缅", "瑪玛", "圖图", "歐欧", "華华", "萊莱", "賓宾", "貝贝", "寧宁", "錫锡", "鮮鲜", "臺台", "敘叙",
    "約约", "茲兹", "別别", "庫库", "義义", "奧奥", "愛爱", "時时", "島岛", "臘腊", "賽赛", "喬乔", "魯鲁", "贊赞",
    "獅狮", "裡里", "開开", "葉叶", "濟济", "勞劳", "諾诺", "蓋盖", "綠绿", "嶼屿", "樂乐", "衛卫", "聖圣", "陸陆",
    "區区", "屬属", "瓊琼", "顛颠", "萬万", "漢汉", "黎黎", "埔埔", "厄厄",
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/** Hong Kong names that are other words than the data's Simplified names (checked against the releases). */
const HONG_KONG_NAMES: readonly (readonly [string, string])[] = [
  ["肯亞", "KE"], // mainland: 肯尼亚
  ["印尼", "ID"], // short for 印度尼西亞, as the releases write it
  ["南韓", "KR"], // mainland: 韩国
  ["剛果民主共和國", "CD"], // the data: 民主刚果
  ["阿聯酋", "AE"], // short for 阿拉伯聯合酋長國
  ["紐西蘭", "NZ"], // mainland: 新西兰
  ["汶萊", "BN"], // mainland: 文莱
  ["內地", "CN"], // "the Mainland", as Hong Kong calls mainland China
  ["廣東", "CN"], // the province next door, named alone as an origin or destination
  ["本港", "HK"], // "this port": Hong Kong itself
  ["香港", "HK"],
];

export function foldToSimplified(text: string): string {
  let folded = "";
  for (const char of text) folded += TRADITIONAL_TO_SIMPLIFIED[char] ?? char;
  return folded;
}

/** One country named in a text. */
export interface CountryMention {
  readonly code: string;
  /** The words as written in the text. */
  readonly text: string;
  readonly index: number;
}

export class ChineseCountryNames {
  /** Simplified name → code, longest names first so 刚果民主共和国 wins over 刚果. */
  private readonly names: readonly (readonly [string, string])[];

  constructor(entries: readonly (readonly [string, string])[]) {
    this.names = [...entries].sort((a, b) => b[0].length - a[0].length);
  }

  /** Every country the text names, in order, without overlaps (the longest name at each place wins). */
  find(text: string): CountryMention[] {
    const folded = foldToSimplified(text);
    const taken = new Array<boolean>(folded.length).fill(false);
    const found: CountryMention[] = [];
    for (const [name, code] of this.names) {
      let from = 0;
      for (;;) {
        const index = folded.indexOf(name, from);
        if (index < 0) break;
        from = index + 1;
        if (taken.slice(index, index + name.length).some(Boolean)) continue;
        for (let i = index; i < index + name.length; i++) taken[i] = true;
        found.push({ code, text: text.slice(index, index + name.length), index });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  }
}

let cached: Promise<ChineseCountryNames> | undefined;

/** The names of the bundled countries data and Hong Kong's own, read once per process. */
export function loadChineseCountryNames(): Promise<ChineseCountryNames> {
  cached ??= (async () => {
    const rows = parse(await readFile(COUNTRIES_FILE), { columns: true, bom: true }) as Record<string, string>[];
    const entries: [string, string][] = [];
    for (const row of rows) {
      const name = foldToSimplified(row.name_zho?.trim() ?? "");
      if (name.length < 2) continue;
      entries.push([name, row.cca2!]);
      // 孟加拉国, 泰国: the releases often drop the final 国 ("孟加拉"); a single character left is too short to trust.
      if (name.endsWith("国") && name.length >= 4) entries.push([name.slice(0, -1), row.cca2!]);
    }
    for (const [name, code] of HONG_KONG_NAMES) entries.push([foldToSimplified(name), code]);
    return new ChineseCountryNames(entries);
  })();
  return cached;
}
