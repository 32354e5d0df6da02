/**
 * A place cell cut into the tokens names are matched on. Latin words are folded the way `foldName`
 * folds a whole name (case, accents, apostrophes and full stops dropped; `&` read as `and`; `the`
 * dropped), so that "Côte d'Ivoire" and "cote divoire" are one key. Chinese has no spaces, so every
 * Han character is a token of its own, folded from Traditional to Simplified where the fold table
 * knows it: a name is then a run of characters, found wherever it starts. Punctuation that
 * separates items (`,` `;` `(` `)` `/` and their full-width forms) becomes one break token `,`, so a
 * name never runs across two items unless it has the break itself ("Korea, Republic of"). Hyphens
 * join: "Guinea-Bissau", "China - Hong Kong" and "China Hong Kong" give the same tokens.
 */
export interface PlaceToken {
  /** The folded form the index is keyed on; `,` for a break. */
  readonly key: string;
  /** Where it is in the text (UTF-16 offsets), so a mention can quote the words as written. */
  readonly start: number;
  readonly end: number;
  /** Two or three capital letters as written: may be a country or an IATA code. */
  readonly capitals: boolean;
  /** A Latin word written with a small first letter ("ivory", "from"): in a text with capitals, not the start of a name. */
  readonly lower: boolean;
  readonly han: boolean;
}

export const BREAK = ",";

const BREAKS = new Set([..."，、（）；：。「」【】,;()[]/|:"]);
const JOINERS = new Set(["'", "’", "."]);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** CJK unified ideographs (with extensions A and the compatibility block); astral ones are rare in place names. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isWordChar(char: string, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return !isHan(code) && WORD_CHAR.test(char);
}

/**
 * A character loop rather than one regular expression with Unicode classes: the gazetteer folds
 * some 70,000 names when it loads, and the loop is several times faster.
 */
export function tokenise(text: string, simplify: ReadonlyMap<string, string>): PlaceToken[] {
  const tokens: PlaceToken[] = [];
  const pushBreak = (start: number) => {
    if (tokens.length > 0 && tokens[tokens.length - 1].key !== BREAK) tokens.push({ key: BREAK, start, end: start + 1, capitals: false, lower: false, han: false });
  };
  let wordStart = -1;
  const endWord = (end: number) => {
    if (wordStart < 0) return;
    const word = text.slice(wordStart, end);
    const key = foldWord(word);
    if (key.length > 0 && key !== "the") {
      tokens.push({ key, start: wordStart, end, capitals: /^[A-Z]{2,3}$/.test(word), lower: word[0] !== word[0].toUpperCase(), han: false });
    }
    wordStart = -1;
  };
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const code = text.charCodeAt(at);
    if (isWordChar(char, code)) {
      if (wordStart < 0) wordStart = at;
      continue;
    }
    if (JOINERS.has(char) && wordStart >= 0 && at + 1 < text.length && isWordChar(text[at + 1], text.charCodeAt(at + 1))) continue;
    endWord(at);
    if (isHan(code)) tokens.push({ key: simplify.get(char) ?? char, start: at, end: at + 1, capitals: false, lower: false, han: true });
    else if (char === "&") tokens.push({ key: "and", start: at, end: at + 1, capitals: false, lower: true, han: false });
    else if (BREAKS.has(char)) pushBreak(at);
  }
  endWord(text.length);
  while (tokens.length > 0 && tokens[tokens.length - 1].key === BREAK) tokens.pop();
  return tokens;
}

function foldWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase().replace(/['.]/g, "");
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’.]/g, "");
}

/** The index key of a run of tokens. */
export function keyOf(tokens: readonly PlaceToken[], from: number, to: number): string {
  let key = tokens[from].key;
  for (let index = from + 1; index < to; index += 1) {
    key += tokens[index].han && tokens[index - 1].han ? tokens[index].key : ` ${tokens[index].key}`;
  }
  return key;
}
