/**
 * Numbers as Hong Kong press releases write them: Chinese numerals (二萬九千二百三十二, 二點零四,
 * 一百零九, 兩), Arabic digits with thousands separators ("1,060", "1 148", full-width "１ ３３０"),
 * and both mixed with a large unit ("1,740萬" = 17,400,000). No library on the registry reads all
 * of these forms at once (they read either the numerals or the digits), so this is the one rule.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, "○": 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 萬: 10_000, 万: 10_000, 億: 100_000_000, 亿: 100_000_000 };

/**
 * A regular expression source matching one number in either script (used inside larger patterns):
 * digits with optional separators and decimals, or numerals, each optionally followed by 萬 or 億.
 */
export const NUMBER_PATTERN =
  "(?:\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?: \\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)[萬万億亿]?" +
  "|[零〇○一二兩两三四五六七八九十百千萬万億亿]+(?:點[零〇○一二兩两三四五六七八九]+)?[萬万億亿]?";

/** Full-width digits and punctuation to ASCII, so one pattern reads both. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/，(?=\d{3})/g, ",")
    .replace(/．/g, ".");
}

/** The value of one number written either way; null when the text is not a whole number. */
export function parseChineseNumber(raw: string): number | null {
  const text = asciiDigits(raw.trim());
  if (text === "") return null;
  const arabic = /^(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([萬万億亿]?)$/.exec(text);
  if (arabic) {
    const value = Number(arabic[1]!.replace(/[, ]/g, ""));
    return arabic[2] ? value * LARGE_UNITS[arabic[2]]! : value;
  }
  const [whole, fraction, ...rest] = text.split("點");
  if (rest.length > 0 || whole === undefined) return null;
  let trailing = 1;
  let integerPart = whole;
  let fractionPart = fraction;
  // "二點五萬": the large unit after the decimals multiplies the whole number.
  const unitAfter = /[萬万億亿]$/.exec(fractionPart ?? "");
  if (fractionPart !== undefined && unitAfter) {
    trailing = LARGE_UNITS[unitAfter[0]]!;
    fractionPart = fractionPart.slice(0, -1);
  }
  const integer = parseNumerals(integerPart);
  if (integer === null) return null;
  if (fractionPart === undefined) return integer;
  let decimals = "";
  for (const char of fractionPart) {
    const digit = DIGITS[char];
    if (digit === undefined) return null;
    decimals += String(digit);
  }
  return Number(`${integer}.${decimals}`) * trailing;
}

function parseNumerals(text: string): number | null {
  if (text === "") return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastLarge = Infinity;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[char]!;
      digit = null;
    } else if (char in LARGE_UNITS) {
      const unit = LARGE_UNITS[char]!;
      // 一億二千萬: a smaller large unit multiplies only what follows the larger one.
      total = unit < lastLarge ? total + (section + (digit ?? 0)) * unit : (total + section + (digit ?? 0)) * unit;
      lastLarge = unit;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}
