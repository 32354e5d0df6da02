import { Product, QuantityUnit } from "../../domain/vocabulary.js";
import { asciiDigits, NUMBER_PATTERN, parseChineseNumber } from "./chinese-number.js";
import { findTerms, type CommodityTerm } from "./commodity-terms.js";

/**
 * The goods of a seizure, read from the sentence that reports it: each commodity term with the
 * quantity written just before it (約二十八公斤懷疑石首魚花膠, 779支象牙), or just after it (12件懷疑犀牛角，
 * 共重約六點六公斤; 30支犀牛角（共重80千克）), or in a list of weights after 分別 ("respectively").
 * A weight that covers several lines (1 000支象牙、10支犀牛角及5塊豹皮，共重約2 000公斤) is not split:
 * the lines keep their counts and the shared weight is flagged.
 */

const WEIGHT_UNITS: Readonly<Record<string, number>> = { 公斤: 1, 千克: 1, 公噸: 1000, 噸: 1000, 克: 0.001, 斤: 0.6 };
const COUNT_UNITS = ["支", "隻", "條", "塊", "件", "盆", "根", "箱", "袋"] as const;
const QUANTITY = new RegExp(`(${NUMBER_PATTERN})\\s*(公斤|千克|公噸|噸|克|斤|${COUNT_UNITS.join("|")})`, "gu");
const WEIGHT_AFTER = new RegExp(`(?:共重|重約|淨重|約重|共重約|重)\\s*(?:約)?(${NUMBER_PATTERN})\\s*(公斤|千克|公噸|噸|克)`, "u");

export interface Quantity {
  readonly value: number;
  readonly unit: string;
  readonly text: string;
}

export interface CommodityLine {
  readonly term: CommodityTerm;
  /** The words of the release that name it. */
  readonly words: string;
  readonly weightKg: number | null;
  readonly weightText: string | null;
  /** The sentence the weight came from, when not the line's own. */
  readonly weightSentence: string | null;
  readonly count: number | null;
  readonly countText: string | null;
  readonly unit: QuantityUnit;
}

export interface LinesReading {
  readonly lines: CommodityLine[];
  /** A weight the sentence gives for several lines together. */
  readonly sharedWeight: Quantity | null;
}

function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of asciiDigits(text).matchAll(QUANTITY)) {
    const value = parseChineseNumber(match[1]!);
    if (value !== null) found.push({ value, unit: match[2]!, text: text.slice(match.index, match.index + match[0].length) });
  }
  return found;
}

const isWeight = (quantity: Quantity) => quantity.unit in WEIGHT_UNITS;
const kilograms = (quantity: Quantity) => Math.round(quantity.value * WEIGHT_UNITS[quantity.unit]! * 1000) / 1000;

/** The lines a sentence reports, in the order written. */
export function readLines(sentence: string, start = 0): LinesReading {
  const mentions = findTerms(sentence).filter((mention) => mention.index >= start);
  const lines: CommodityLine[] = [];
  let previousEnd = start;
  for (const mention of mentions) {
    // Only the words of this list item (after the last 、 及 和 ， before it) can hold its quantity.
    const window = sentence.slice(separatorBefore(sentence, previousEnd, mention.index), mention.index);
    const before = quantities(window);
    const weight = [...before].reverse().find(isWeight) ?? null;
    // A count belongs to the goods only when nothing but qualifiers stands between (not 六件進口空運郵包中檢獲...).
    const lastCount = [...before].reverse().find((quantity) => !isWeight(quantity)) ?? null;
    const count = lastCount && !/[檢緝查搜中內發]/u.test(window.slice(window.lastIndexOf(lastCount.text) + lastCount.text.length)) ? lastCount : null;
    const chosen = weight ?? bracketWeight(sentence, mention.end);
    lines.push(lineOf(mention.term, sentence.slice(mention.index, mention.end), chosen, count));
    previousEnd = mention.end;
  }
  if (lines.length === 0) return { lines, sharedWeight: null };
  // 約15公斤懷疑象牙及象牙製品: one weight before goods joined by 及 、 和 covers them all, not the first.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.weightKg === null) continue;
    let last = i;
    while (
      last + 1 < lines.length &&
      lines[last + 1]!.weightKg === null &&
      lines[last + 1]!.count === null &&
      /^(?:及|和|、|以及)(?:懷疑)?$/u.test(sentence.slice(mentions[last]!.end, mentions[last + 1]!.index))
    ) {
      last += 1;
    }
    if (last > i) {
      const shared: Quantity = { value: lines[i]!.weightKg!, unit: "公斤", text: lines[i]!.weightText! };
      for (let j = i; j <= last; j++) lines[j] = { ...lines[j]!, weightKg: null, weightText: null, unit: lines[j]!.count === null ? QuantityUnit.UNKNOWN : lines[j]!.unit };
      return { lines, sharedWeight: shared };
    }
  }
  const tail = sentence.slice(mentions.at(-1)!.end);
  // 分別重約三百四十五公斤及十六公斤: weights listed after the lines, in their order.
  const respectively = /分別(?:重|為)?約?([^。；]*)/u.exec(tail);
  if (respectively) {
    const weights = quantities(respectively[1]!).filter(isWeight);
    const missing = lines.filter((line) => line.weightKg === null);
    if (weights.length === lines.length && missing.length === lines.length) {
      return { lines: lines.map((line, i) => withWeight(line, weights[i]!, null)), sharedWeight: null };
    }
  }
  // 12件懷疑犀牛角，共重約六點六公斤: one weight after the words, for every line named.
  const after = WEIGHT_AFTER.exec(asciiDigits(tail));
  if (after && lines.every((line) => line.weightKg === null)) {
    const quantity: Quantity = { value: parseChineseNumber(after[1]!) ?? NaN, unit: after[2]!, text: tail.slice(after.index, after.index + after[0].length) };
    if (Number.isNaN(quantity.value)) return { lines, sharedWeight: null };
    if (lines.length === 1) return { lines: [withWeight(lines[0]!, quantity, null)], sharedWeight: null };
    return { lines, sharedWeight: quantity };
  }
  return { lines, sharedWeight: null };
}

const BRACKET_WEIGHT = new RegExp(`^[（(]\\s*(?:共重|重)約?\\s*(${NUMBER_PATTERN})\\s*(公斤|千克|公噸|克)[)）]`, "u");

/** 30支犀牛角（共重80千克）: a weight in brackets right after the words. */
function bracketWeight(sentence: string, end: number): Quantity | null {
  const match = BRACKET_WEIGHT.exec(asciiDigits(sentence.slice(end)));
  const value = match ? parseChineseNumber(match[1]!) : null;
  return match && value !== null ? { value, unit: match[2]!, text: sentence.slice(end, end + match[0].length) } : null;
}

/** The bracketed weight a later sentence gives right after the same words. */
export function bracketWeightAfter(sentence: string, words: string): Quantity | null {
  for (let index = sentence.indexOf(words); index >= 0; index = sentence.indexOf(words, index + 1)) {
    const weight = bracketWeight(sentence, index + words.length);
    if (weight) return weight;
  }
  return null;
}

/** A weight found in another sentence ("發現該批共重1,300公斤的象牙"), for a line that had none. */
export function weightIn(sentence: string): Quantity | null {
  const match = WEIGHT_AFTER.exec(asciiDigits(sentence));
  if (!match) return null;
  const value = parseChineseNumber(match[1]!);
  return value === null ? null : { value, unit: match[2]!, text: sentence.slice(match.index, match.index + match[0].length) };
}

export function withWeight(line: CommodityLine, quantity: Quantity, sentence: string | null): CommodityLine {
  return { ...line, weightKg: kilograms(quantity), weightText: quantity.text, weightSentence: sentence, unit: line.count === null ? QuantityUnit.KG : line.unit };
}

function lineOf(term: CommodityTerm, words: string, weight: Quantity | null, count: Quantity | null): CommodityLine {
  const unit = count
    ? term.product === Product.LIVE
      ? QuantityUnit.INDIVIDUALS
      : QuantityUnit.PIECES
    : weight
      ? QuantityUnit.KG
      : QuantityUnit.UNKNOWN;
  return {
    term,
    words,
    weightKg: weight ? kilograms(weight) : null,
    weightText: weight?.text ?? null,
    weightSentence: null,
    count: count?.value ?? null,
    countText: count?.text ?? null,
    unit,
  };
}

/** The start of the next list item: after the last separator (、 及 和 以及 ，) before it. */
function separatorBefore(sentence: string, from: number, to: number): number {
  const between = sentence.slice(from, to);
  // Not the ASCII comma: it separates thousands ("13,000公斤").
  const match = /.*(、|以及|及|和|，)/su.exec(between);
  return match ? from + match[0].length : from;
}
