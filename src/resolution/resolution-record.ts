/**
 * The shapes the resolver reads and returns. A record is a flat summary of one Person or Company
 * node and what hangs off it; the resolver needs nothing else, so it runs without a database.
 */

export type ResolutionKind = "Person" | "Company";

export interface ResolutionRecord {
  id: string;
  kind: ResolutionKind;
  /** The name first, then aliases. */
  names: string[];
  /** Persons only; `null` or absent when unknown. */
  birthYear?: number | null;
  /** Companies only: the date of incorporation, `YYYY-MM-DD`; `null` or absent when unknown. */
  incorporatedOn?: string | null;
  /** Persons: ISO 3166 country codes; companies: `[registration country]` or `[]`. */
  nationalities: string[];
  /** Identifier ids (`KIND:value`, such as `PHONE:+84912345678`). */
  identifiers: string[];
  /** Ids of the shipments the entity is party to. */
  shipments: string[];
}

/**
 * One piece of evidence: its log-odds weight (positive for "same", negative for "different") and
 * why. `detail` quotes folded names, so it is for investigators cleared to read them: it is shown,
 * never logged.
 */
export interface Feature {
  name: string;
  weight: number;
  detail: string;
}

/** `score` is the logistic of the sum of the features' weights, so the features explain it exactly. */
export interface Comparison {
  score: number;
  features: Feature[];
}

/** A pair worth an investigator's look; `a < b` (code-unit order). */
export interface Candidate extends Comparison {
  a: string;
  b: string;
}
