/** One release as the shared TSV gives it (columns year, month, date, title, url, article). */
export interface PressRelease {
  /** Its data row in the file, from 1 (the header is not a row). */
  readonly row: number;
  /** The release date as written in the `date` column: 2018年1月21日. */
  readonly dateText: string;
  readonly title: string;
  readonly url: string;
  readonly article: string;
}

/** A value read from a release, with the sentence it came from (a substring of the article). */
export interface Cited<T> {
  readonly value: T;
  readonly sentence: string;
}

/** Why part of a release could not be read; the value is left out rather than guessed. */
export interface ReadingFlag {
  /** The value concerned: `date`, `place`, `origin`, `line1.weightKg`, ..., or `release`. */
  readonly field: string;
  readonly reason: string;
}
