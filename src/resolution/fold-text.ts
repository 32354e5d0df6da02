import { foldText as foldLetters } from "../domain/search-text.js";
import { hanToPinyin } from "./han-to-pinyin.js";

/**
 * Folds a name to plain lower-case words: Chinese characters to pinyin, then the search index's
 * folding (compatibility forms to plain letters, accents and tone marks off, đ to d), then
 * apostrophes out (so "O'Neil" stays one word) and any other punctuation to a space, one space
 * between words. "Nguyễn Văn Hùng", "NGUYEN VAN HUNG" and "Nguyen Van-Hung" all fold to
 * "nguyen van hung"; "李强" folds to "li qiang".
 */
export function foldText(text: string, options: { surnameFirst?: boolean } = {}): string {
  return foldLetters(hanToPinyin(text, options.surnameFirst ?? false))
    .replace(/['’`ʼ]/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
