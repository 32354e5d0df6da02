import { TransportMode } from "../../domain/vocabulary.js";
import { NUMBER_PATTERN, parseChineseNumber } from "./chinese-number.js";

/**
 * How a seizure came about, from the words of a release: the transport mode, the concealment, the
 * declared contents (報稱, the cover), how it was detected, the arrests (a count: the releases give
 * age and sex, never names) and the estimated value in Hong Kong dollars. Each rule reads one sentence;
 * the extractor gives it the sentences in the order to try and keeps the first answer with its sentence.
 */

/** The first rule that matches gives the mode: boats before the vehicles that met them on shore. */
const MODES: readonly (readonly [RegExp, TransportMode, string])[] = [
  [/內河船|內河貨船/u, TransportMode.RIVER, "river vessel"],
  [/快艇|漁船|貨船|貨櫃船/u, TransportMode.SEA, "vessel"],
  [/郵包|郵件|速遞包裹|快遞|速遞/u, TransportMode.POST, "post or express courier"],
  // A container lorry at a land crossing is road transport: vehicles before containers.
  [/貨櫃車|貨車|私家車|七人車|客貨車/u, TransportMode.ROAD, "vehicle"],
  [/貨櫃|海路/u, TransportMode.SEA, "sea container"],
  [/旅客|乘客|行李|身上/u, TransportMode.PASSENGER_LUGGAGE, "passenger"],
  [/空運貨物|轉口貨物|貨站|空運/u, TransportMode.AIR, "air cargo"],
];

export interface ModeReading {
  readonly mode: TransportMode;
  readonly words: string;
}

export function readMode(text: string): ModeReading | null {
  for (const [pattern, mode] of MODES) {
    const match = pattern.exec(text);
    if (match) return { mode, words: match[0] };
  }
  return null;
}

const CONCEALMENT = /內藏|藏於|收藏|藏有|夾層|暗格|特製背心|特別縫製|以[^，。]{1,12}包裹|包裹著|掩飾|覆蓋|混入|纏有|夾藏/u;

/** The clause that says how the goods were hidden. */
export function readConcealment(sentence: string): string | null {
  if (!CONCEALMENT.test(sentence)) return null;
  const clause = sentence.split(/[，；。]/u).find((part) => CONCEALMENT.test(part));
  return clause?.trim() || null;
}

const DECLARED = /報稱(?:載有|為|是)?(?:「([^」]{1,30})」|([^，。「」的]{1,20}?)(?:的|，|。|$))/u;

/** What the papers said the goods were: 報稱載有「建築石料」. */
export function readDeclaredContents(sentence: string): string | null {
  const match = DECLARED.exec(sentence);
  const words = (match?.[1] ?? match?.[2])?.trim();
  if (!words || /^(?:沒有|空載|商人|公司)/u.test(words)) return null;
  return words;
}

const DETECTION: readonly (readonly [RegExp, string])[] = [
  [/X光|Ｘ光|掃描/u, "X-ray"],
  [/情報/u, "intelligence"],
  [/風險評估/u, "risk assessment"],
  [/郵政轉介/u, "referral by Hongkong Post"],
  [/形跡可疑|步姿異常/u, "suspicious behaviour"],
];

export function readDetection(sentence: string): string | null {
  return DETECTION.find(([pattern]) => pattern.test(sentence))?.[1] ?? null;
}

const COUNT = "[一二兩三四五六七八九十百0-9０-９]+";
const NONE_ARRESTED = /暫未有人被捕|並未有人被捕|無人被捕|未有拘捕任何人士|未有人被捕|未有涉案人士被捕|暫時未有人被捕/u;

/** How many people a sentence says were arrested; null when it says nothing of arrests. */
export function readArrests(sentence: string): number | null {
  if (NONE_ARRESTED.test(sentence)) return 0;
  const active = /拘捕(?!行動)([^，。；]*)/u.exec(sentence);
  if (active) {
    const clause = active[1]!;
    let total = 0;
    for (const match of clause.matchAll(new RegExp(`(${COUNT})(?:名|男|女|人)`, "gu"))) {
      // 六十四歲男: an age, not a count.
      const before = clause.slice(0, match.index + match[1]!.length + 1);
      if (/歲[男女]$/u.test(before)) continue;
      total += parseChineseNumber(match[1]!) ?? 0;
    }
    if (total > 0) return total;
    if (/該名|男子|女子|旅客|乘客|司機/u.test(clause)) return 1;
  }
  const passive = /([^，。；]*)被(?:拘)?捕/u.exec(sentence);
  if (passive) {
    const clause = passive[1]!;
    const counted = new RegExp(`(${COUNT})名`, "u").exec(clause);
    if (counted) return parseChineseNumber(counted[1]!);
    if (/該名|男子|女子|司機|旅客|乘客|船長/u.test(clause)) return 1;
  }
  if (/將(?:他|她)拘捕/u.test(sentence)) return 1;
  return null;
}

const VALUE = new RegExp(`(?:總值|市值|價值|約值|貨值)(?:共)?(?:約|超過)?(${NUMBER_PATTERN})元`, "u");

/** The estimated value in Hong Kong dollars, with the words that give it. */
export function readValue(sentence: string): { value: number; words: string } | null {
  const match = VALUE.exec(sentence);
  if (!match) return null;
  const value = parseChineseNumber(match[1]!);
  return value === null ? null : { value, words: match[0] };
}
