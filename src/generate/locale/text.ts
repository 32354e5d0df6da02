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
