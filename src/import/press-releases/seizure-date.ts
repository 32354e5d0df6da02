import { asciiDigits, parseChineseNumber } from "./chinese-number.js";

/**
 * The day of a seizure as a release gives it: a month and day, often in brackets after a word
 * relative to the release (今日（五月三日）today, 昨日 yesterday, 前日 the day before), or a word
 * alone (今日 = the release date, 昨日 = the day before). The year is the release's, or the one
 * before when the month falls after the release's month (a release of 10 January about 29
 * December). "X月Y日及Z日" gives the first day.
 */

const NUMERAL = "[0-9零〇○一二兩三四五六七八九十]+";
const EXPLICIT = new RegExp(`(?:(${NUMERAL}|[0-9]{4})年)?(${NUMERAL})月(${NUMERAL})日`, "u");
const RELATIVE = /(今日|今早|今晨|今天|昨日|昨晚|昨天|昨午|前日)/u;

export interface SeizureDate {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The words that gave it, as written. */
  readonly text: string;
}

/** The release's own date from its `date` column (2018年1月21日), as UTC midnight. */
export function releaseDay(dateText: string): Date | null {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(asciiDigits(dateText.trim()));
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

/** The seizure date a sentence gives, relative to the release date; null when it gives none. */
export function findSeizureDate(sentence: string, released: Date): SeizureDate | null {
  const text = asciiDigits(sentence);
  const explicit = EXPLICIT.exec(text);
  const relative = RELATIVE.exec(text);
  if (explicit && (!relative || explicit.index <= relative.index + relative[0].length + 4)) {
    const month = parseChineseNumber(explicit[2]!);
    const day = parseChineseNumber(explicit[3]!);
    if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
    let year = released.getUTCFullYear();
    if (explicit[1]) {
      const written = yearOf(explicit[1]);
      if (written === null) return null;
      year = written;
    } else if (month > released.getUTCMonth() + 1) {
      year -= 1;
    }
    const start = relative && relative.index < explicit.index ? relative.index : explicit.index;
    let end = explicit.index + explicit[0].length;
    if (start < explicit.index && /[）)]/u.test(sentence[end] ?? "")) end += 1;
    return { date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, text: sentence.slice(start, end) };
  }
  if (relative) {
    const back = relative[1]!.startsWith("昨") ? 1 : relative[1] === "前日" ? 2 : 0;
    const day = new Date(released.getTime() - back * 86_400_000);
    return { date: iso(day), text: relative[1]! };
  }
  return null;
}

function yearOf(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text].map((char) => parseChineseNumber(char === "○" || char === "〇" ? "零" : char));
  if (digits.length !== 4 || digits.some((digit) => digit === null || digit > 9)) return null;
  return Number(digits.join(""));
}
