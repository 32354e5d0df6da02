import type { Rng } from "../prng.js";

/** Small text helpers shared by the locale modules. */

const SPECIAL_LETTERS: Record<string, string> = { đ: "d", Đ: "D", ø: "o", Ø: "O", ł: "l", Ł: "L", ı: "i", ß: "ss" };

/** Latin text without diacritics: "Nguyễn Văn Đức" → "Nguyen Van Duc". Other scripts pass through. */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐøØłŁıß]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** Lower case, no diacritics, letters and digits only, single spaces: how addresses are normalised. */
export function normaliseText(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Letters only, lower case, for e-mail local parts: "Jean-Pierre" → "jeanpierre". */
export function slug(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * A bijection of [0, domain): k ↦ (k · multiplier + offset) mod domain, with a multiplier coprime to
 * the domain. Counters go in, numbers that look random but never repeat come out.
 */
export function scramble(k: number, domain: number, offset = 0): number {
  if (!Number.isSafeInteger(k) || k < 0 || k >= domain) {
    throw new Error(`the generator ran out of distinct values (${k} of ${domain}); use fewer shipments`);
  }
  const multiplier = coprimeMultiplier(domain);
  return (((k * multiplier) % domain) + (offset % domain)) % domain;
}

const PRIMES = [7919, 7907, 7901, 7883, 7879];

function coprimeMultiplier(domain: number): number {
  for (const prime of PRIMES) if (domain % prime !== 0) return prime % domain || 1;
  return 1;
}

export function padDigits(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** "0912345678" grouped as [4, 3, 3] → "0912 345 678". */
export function group(digits: string, sizes: readonly number[], separator = " "): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(separator);
}

/** Han characters: a name written in them cannot be upper-cased, stripped or misspelt letter by letter. */
export const HAN = /\p{Script=Han}/u;

/**
 * One slip of the pen in a word of four letters or more, never its first letter: a letter dropped,
 * doubled, or swapped with the next. `null` when the text has no such word or the slip changes nothing.
 */
export function misspell(rng: Rng, text: string): string | null {
  const words = text.split(" ");
  const candidates = words.map((word, index) => [word, index] as const).filter(([word]) => /^\p{L}{4,}$/u.test(word) && !HAN.test(word));
  if (candidates.length === 0) return null;
  const [word, index] = rng.pick(candidates);
  const letters = [...word];
  const at = rng.int(1, letters.length - 2);
  const slip = rng.int(0, 2);
  if (slip === 0) letters.splice(at, 1);
  else if (slip === 1) letters.splice(at, 0, letters[at]);
  else [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
  const changed = letters.join("");
  if (changed === word) return null;
  return [...words.slice(0, index), changed, ...words.slice(index + 1)].join(" ");
}
