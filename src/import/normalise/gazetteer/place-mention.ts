import type { PlaceKind } from "../../../domain/vocabulary.js";

/** One place a text names, as the gazetteer reads it. */
export interface PlaceMention {
  /** The words of the cell that name it, as written. */
  readonly text: string;
  /** ISO 3166-1 alpha-2 of the country it lies in (or is), null when ambiguous between countries. */
  readonly country: string | null;
  /** The place below country level (city, port, airport, crossing, province) when one is named, else null. */
  readonly place: {
    readonly name: string;
    readonly kind: PlaceKind | null;
    readonly locode: string | null;
    readonly iata: string | null;
  } | null;
  /** More than one reading fits; `candidates` lists the country codes that fit, best first. */
  readonly ambiguous: boolean;
  readonly candidates: readonly string[];
}

export interface Gazetteer {
  /** Every place the text names, in the order written; countries named on their own included. */
  find(text: string): PlaceMention[];
}
