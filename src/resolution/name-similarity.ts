import { jaroWinkler } from "./jaro-winkler.js";
import { withinOneEdit } from "./one-edit.js";
import { PairMemo } from "./pair-memo.js";
import type { NameKey, NameWord } from "./name-key.js";

/**
 * How alike two words are, and why. Exact spelling scores 1; the rest are discounted because each
 * admits more namesakes than exact spelling does.
 */
const ROMANISATION_SIMILARITY = 0.95; // "lee" ~ "li": one character, two spellings
const INITIAL_SIMILARITY = 0.9; // "v" ~ "van": any word starting with v would do
const JOINED_DISCOUNT = 0.98; // "xiaoming" ~ "xiao ming": the usual pinyin spelling of a given name
/**
 * Below this Jaro–Winkler, two words are different words, not a typo: a typo is one letter
 * dropped, doubled or swapped, while at 0.8 "xiao" passed for "xiaoping" and "dang" for "duong".
 * Above it, the words must also be one edit apart (`withinOneEdit`).
 */
const TYPO_FLOOR = 0.9;
/**
 * A word one name has and the other lacks counts a fifth of a mismatch: Vietnamese middle names
 * ("Văn", "Thị") and second given syllables are often left out, so "Hung Nguyen" is a fair
 * rendering of "Nguyễn Văn Hùng".
 */
const MISSING_WORD_SHARE = 0.2;
/** With only one word in common, the names agree on little more than a surname. */
export const ONE_WORD_CAP = 0.7;

export type NameNote =
  | "exact"
  | "romanisation"
  | "initials"
  | "spelling"
  | "order"
  | "joined"
  | "missing words"
  | "different words"
  | "nickname";

export interface NameSimilarity {
  similarity: number;
  notes: NameNote[];
  a: string;
  b: string;
}

interface WordMatch {
  similarity: number;
  note: NameNote;
}

/**
 * Names reuse a small vocabulary (a few hundred surnames and syllables cover most records) and
 * namesakes repeat whole names, so a candidate search compares the same two words, and the same
 * two names, thousands of times.
 */
const wordMemo = new PairMemo<WordMatch>(500_000);
const nameMemo = new PairMemo<{ similarity: number; notes: NameNote[] }>(500_000);

function compareWords(a: NameWord, b: NameWord): WordMatch {
  return a.key <= b.key
    ? wordMemo.get(a.key, b.key, () => matchWords(a, b))
    : wordMemo.get(b.key, a.key, () => matchWords(b, a));
}

function matchWords(a: NameWord, b: NameWord): WordMatch {
  if (a.text === b.text) return { similarity: 1, note: "exact" };
  if (a.forms.some((form) => b.forms.includes(form))) {
    return { similarity: ROMANISATION_SIMILARITY, note: "romanisation" };
  }
  const [short, long] = a.text.length <= b.text.length ? [a, b] : [b, a];
  if (short.text.length === 1) {
    return long.forms.some((form) => form.startsWith(short.text))
      ? { similarity: INITIAL_SIMILARITY, note: "initials" }
      : { similarity: 0, note: "initials" };
  }
  const typo = (x: string, y: string) => (withinOneEdit(x, y) ? jaroWinkler(x, y) : 0);
  let best = typo(a.text, b.text);
  for (const formA of a.forms) {
    for (const formB of b.forms) {
      if (formA !== a.text || formB !== b.text) {
        best = Math.max(best, ROMANISATION_SIMILARITY * typo(formA, formB));
      }
    }
  }
  return best >= TYPO_FLOOR ? { similarity: best, note: "spelling" } : { similarity: 0, note: "spelling" };
}

/**
 * Order-free alignment: the best word pairs first, each word used once. Greedy rather than optimal
 * assignment: names have a handful of words, and the greedy choice differs from the optimum only
 * when one word resembles two, where either reading is defensible.
 */
function align(a: readonly NameWord[], b: readonly NameWord[]): { similarity: number; notes: Set<NameNote> } {
  const pairs: { i: number; j: number; match: WordMatch }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const match = compareWords(a[i]!, b[j]!);
      if (match.similarity > 0) pairs.push({ i, j, match });
    }
  }
  pairs.sort((x, y) => y.match.similarity - x.match.similarity || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: typeof pairs = [];
  for (const pair of pairs) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    chosen.push(pair);
  }
  const notes = new Set<NameNote>();
  let total = 0;
  for (const { match } of chosen) {
    total += match.similarity;
    notes.add(match.note);
  }
  const fewer = Math.min(a.length, b.length);
  const more = Math.max(a.length, b.length);
  const unmatched = more - chosen.length;
  // Words of the shorter name left unmatched are mismatches; the longer name's extra words are
  // only missing.
  const denominator = fewer + MISSING_WORD_SHARE * (more - fewer);
  let similarity = denominator === 0 ? 0 : total / denominator;
  if (chosen.length < 2 && more > 1) similarity = Math.min(similarity, ONE_WORD_CAP);
  if (unmatched > 0 && more > fewer) notes.add("missing words");
  if (chosen.length < fewer) notes.add("different words");
  const byA = [...chosen].sort((x, y) => x.i - y.i);
  if (byA.some((pair, index) => index > 0 && pair.j < byA[index - 1]!.j)) notes.add("order");
  if (notes.size > 1) notes.delete("exact");
  return { similarity: Math.min(1, similarity), notes };
}

/** The longer name with two neighbouring words joined, for each place they could be joined. */
function joinings(words: readonly NameWord[]): { words: NameWord[]; word: NameWord }[] {
  const result: { words: NameWord[]; word: NameWord }[] = [];
  for (let k = 0; k + 1 < words.length; k++) {
    const left = words[k]!;
    const right = words[k + 1]!;
    const forms = new Set<string>();
    for (const l of left.forms) for (const r of right.forms) forms.add(l + r);
    const text = left.text + right.text;
    const sortedForms = [...forms].sort();
    const joined: NameWord = { text, forms: sortedForms, key: `${text}=${sortedForms.join("/")}` };
    result.push({ words: [...words.slice(0, k), joined, ...words.slice(k + 2)], word: joined });
  }
  return result;
}

/**
 * How alike two folded names are, 0 to 1, whatever their word order, tolerating typos, initials,
 * romanisations and a joined given name, with notes saying which of these it took. Symmetric: the
 * names are compared in a fixed order whichever comes first.
 */
export function compareNames(a: NameKey, b: NameKey): NameSimilarity {
  const [first, second] = a.folded <= b.folded ? [a, b] : [b, a];
  const { similarity, notes } = nameMemo.get(first.folded, second.folded, () => compareOrdered(first, second));
  return { similarity, notes: [...notes], a: a.folded, b: b.folded };
}

function compareOrdered(a: NameKey, b: NameKey): { similarity: number; notes: NameNote[] } {
  let best = align(a.words, b.words);
  if (a.words.length !== b.words.length) {
    const [longer, shorter, longerIsA] =
      a.words.length > b.words.length ? [a.words, b.words, true] : [b.words, a.words, false];
    const shorterForms = new Set(shorter.flatMap((word) => word.forms));
    for (const { words: joined, word } of joinings(longer)) {
      // Only a joining that spells a word of the other name: "nguyenvan" resembles "nguyen"
      // closely enough to fool the typo check, but no one writes the two as one.
      if (!word.forms.some((form) => shorterForms.has(form))) continue;
      const attempt = longerIsA ? align(joined, shorter) : align(shorter, joined);
      const similarity = attempt.similarity * JOINED_DISCOUNT;
      if (similarity > best.similarity) {
        attempt.notes.add("joined");
        attempt.notes.delete("exact");
        best = { similarity, notes: attempt.notes };
      }
    }
  }
  const order: NameNote[] = [
    "exact",
    "romanisation",
    "initials",
    "spelling",
    "joined",
    "order",
    "missing words",
    "different words",
  ];
  return { similarity: best.similarity, notes: order.filter((note) => best.notes.has(note)) };
}
