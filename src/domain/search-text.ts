/**
 * The text side of full-text search: folding the user's words the way the index folds names,
 * building a Lucene query that the user's text can never steer, and scoring how well a hit's
 * names cover the query. Pure code, no database.
 *
 * The index (`entity_search`, analyzer `standard-folding`) lower-cases, drops English stop words
 * and folds diacritics of what it indexes, and of the plain terms of a query. Fuzzy (`~`) and
 * prefix (`*`) terms are not analysed by Lucene, so they are folded here first.
 */

export const MAX_QUERY_LENGTH = 200;

/** Letters that Unicode decomposition leaves whole but the index's ASCII folding turns to Latin. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  đ: "d", ð: "d", ø: "o", ł: "l", ħ: "h", ı: "i", ß: "ss", æ: "ae", œ: "oe", þ: "th",
};
const COMBINING_MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const PHONE_TEXT = /^\+?[\d\s().\-/]+$/;
/** The shortest and longest digit strings taken for a phone number (E.164 allows 15 digits). */
const PHONE_DIGITS = { min: 6, max: 15 } as const;

/** Lower case, diacritics dropped (`Nguyễn Văn Đức` -> `nguyen van duc`), full-width forms made plain. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/[đðøłħıßæœþ]/g, (letter) => UNDECOMPOSED[letter]);
}

/** The query as search terms, all folded. */
export interface SearchTerms {
  /** The whole query, trimmed: searched as one phrase, so e-mails and addresses match as written. */
  phrase: string;
  /** Runs of letters or digits outside Han script. */
  words: string[];
  /** Runs of Han characters (Chinese), each searched as a phrase of single characters. */
  hanRuns: string[];
  /** A phone number written in any common way, as digits; null when the query is not one. */
  phone: PhoneQuery | null;
}

export interface PhoneQuery {
  /** Digits of an international number (`+84 91 234 5678`, `0084...`, or digits alone). */
  international: string;
  /**
   * The national significant number when the query starts with a single trunk 0 (`0912345678`
   * -> `912345678`): it matches an E.164 number that ends with it after a 1- to 3-digit country
   * code. No country is assumed.
   */
  national: string | null;
}

/** Why a query cannot be searched, or null when it can. Never repeats the query (personal data). */
export function queryProblem(query: string): string | null {
  const trimmed = query.trim();
  if (trimmed.length === 0) return "must not be empty";
  if ([...trimmed].length > MAX_QUERY_LENGTH) return `must be at most ${MAX_QUERY_LENGTH} characters`;
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return "must contain a letter or a digit";
  return null;
}

export function searchTerms(query: string): SearchTerms {
  const phrase = query.trim();
  const folded = foldText(phrase);
  const words: string[] = [];
  const hanRuns: string[] = [];
  for (const [run] of folded.matchAll(WORD)) {
    let last = 0;
    for (const han of run.matchAll(HAN_RUN)) {
      if (han.index > last) words.push(run.slice(last, han.index));
      hanRuns.push(han[0]);
      last = han.index + han[0].length;
    }
    if (last < run.length) words.push(run.slice(last));
  }
  return { phrase, words: unique(words), hanRuns: unique(hanRuns), phone: phoneQuery(phrase) };
}

function phoneQuery(text: string): PhoneQuery | null {
  if (!PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  if (digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) return null;
  if (text.startsWith("+")) return { international: digits, national: null };
  if (digits.startsWith("00")) return { international: digits.slice(2), national: null };
  if (digits.startsWith("0")) return { international: digits, national: digits.slice(1) };
  return { international: digits, national: null };
}

/** Lucene's query syntax characters, escaped with a backslash (as Lucene's QueryParser.escape). */
export function escapeLucene(text: string): string {
  return text.replace(/[\\+\-!():^[\]"{}~*?|&/]/g, (character) => `\\${character}`);
}

/** A phrase in double quotes; inside, only the quote and the backslash need escaping. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** How many edits a fuzzy term of this length tolerates in the index (0: none). */
export function fuzzyEdits(word: string): number {
  const length = [...word].length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Words the full-text analyzer drops from the index (Lucene's English stop words, such as the
 * Vietnamese given name "An"): a name cannot be required to contain them.
 */
const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
  "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
]);

/**
 * The Lucene query for the terms, built only from folded runs of letters and digits (escaped all
 * the same) and quoted phrases, so no user text is read as syntax. A hit ranks higher the more of
 * the terms it matches, exact words above prefixes above near spellings.
 *
 * With `allWords`, every word that can be indexed must match (exactly, as a prefix or with a typo):
 * on a large graph a name of three common words otherwise brings thousands of candidates that
 * share one of them. The repository falls back to any word when no hit has them all.
 */
export function luceneQuery(terms: SearchTerms, options: { allWords?: boolean } = {}): string {
  const required = options.allWords === true;
  const clauses = [`${quoted(terms.phrase)}^4`];
  for (const han of terms.hanRuns) clauses.push(`${quoted(han)}^2`);
  for (const word of terms.words) {
    const term = escapeLucene(word);
    const forms = [`${term}^2`];
    if ([...word].length >= 3) forms.push(`${term}*`);
    const edits = fuzzyEdits(word);
    if (edits > 0) forms.push(`${term}~${edits}`);
    if (required && !STOP_WORDS.has(word)) clauses.push(`+(${forms.join(" OR ")})`);
    else clauses.push(...forms);
  }
  if (terms.phone) clauses.push(`${escapeLucene(terms.phone.international)}^4`);
  return clauses.join(required ? " " : " OR ");
}

/** Whether requiring every word narrows the query at all (a phone number or stop words alone do not). */
export function hasRequiredWords(terms: SearchTerms): boolean {
  return terms.phone === null && terms.words.some((word) => !STOP_WORDS.has(word));
}

/** How much one query word earns against the words of a name. */
const CREDIT = { exact: 1, prefix: 0.75, nearSpelling: 0.5 } as const;

/**
 * How well one name covers the query, from 0 to 1: the share of the query's words found in it
 * (exact 1, as a prefix 0.75, with one typo, or two in long words, 0.5); a Han run counts when the
 * name contains it; a phone query counts whole when the name's digits are the number.
 */
export function coverage(terms: SearchTerms, name: string): number {
  const folded = foldText(name);
  if (terms.phone && phoneMatches(terms.phone, name)) return 1;
  const nameWords = [...folded.matchAll(WORD)].map(([word]) => word);
  const parts = terms.words.length + terms.hanRuns.length;
  if (parts === 0) return 0;
  let credit = 0;
  for (const han of terms.hanRuns) if (folded.includes(han)) credit += 1;
  for (const word of terms.words) credit += wordCredit(word, nameWords);
  return credit / parts;
}

function wordCredit(word: string, nameWords: readonly string[]): number {
  let best = 0;
  const edits = Math.max(1, fuzzyEdits(word));
  for (const candidate of nameWords) {
    if (candidate === word) return CREDIT.exact;
    if (word.length >= 3 && candidate.startsWith(word)) best = Math.max(best, CREDIT.prefix);
    else if (word.length >= 2 && editDistance(word, candidate) <= edits) best = Math.max(best, CREDIT.nearSpelling);
  }
  return best;
}

/** Digits-only comparison: `+84 91 234 5678`, `0084912345678` and `0912345678` all match `+84912345678`. */
export function phoneMatches(phone: PhoneQuery, value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits === phone.international) return true;
  if (phone.national === null || !digits.endsWith(phone.national)) return false;
  const countryCode = digits.length - phone.national.length;
  return countryCode >= 1 && countryCode <= 3;
}

/** The name among several that covers the query best (the first on ties), with its coverage. */
export function bestMatch(terms: SearchTerms, names: readonly string[]): { name: string | null; coverage: number } {
  let best: { name: string | null; coverage: number } = { name: null, coverage: 0 };
  for (const name of names) {
    const score = coverage(terms, name);
    if (score > best.coverage) best = { name, coverage: score };
  }
  return best;
}

/** Edit distance with adjacent transpositions counted as one edit (as Lucene's fuzzy terms do). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[s.length][t.length];
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
