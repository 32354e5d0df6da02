import { pinyin } from "pinyin-pro";

const HAN_RUN = /\p{Script=Han}+/gu;

/** Conversions are pure and names repeat, so each distinct run is converted once per process. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/**
 * Replaces each run of Chinese characters (simplified or traditional) with its toneless pinyin,
 * one syllable per character, spaced, so "李强" becomes " li qiang ". With `surnameFirst` the first
 * character of the text, when Chinese, is read as a surname: 单 is "shan" as a surname, not "dan",
 * and 曾 is "zeng", not "ceng". Company names are not read so.
 */
export function hanToPinyin(text: string, surnameFirst: boolean): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  return text.replace(HAN_RUN, (run, offset: number) => {
    const head = surnameFirst && text.slice(0, offset).trim() === "";
    const key = `${head ? "s" : "n"}${run}`;
    let syllables = cache.get(key);
    if (syllables === undefined) {
      syllables = pinyin(run, {
        toneType: "none",
        type: "array",
        v: true,
        ...(head ? { mode: "surname" as const, surname: "head" as const } : {}),
      }).join(" ");
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, syllables);
    }
    return ` ${syllables} `;
  });
}
