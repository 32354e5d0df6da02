import type { PlaceKind } from "../../../domain/vocabulary.js";
import { keyOf, tokenise, type PlaceToken } from "./place-tokens.js";

/** A country a name (or code) stands for. */
export interface CountryEntry {
  readonly type: "country";
  readonly country: string;
}

/**
 * A place below country level. `prominence` ranks places of one name in different countries, so
 * that "Lagos" is Lagos in Nigeria (a city with an airport) and not the small Portuguese port:
 * 5 a hub (data/gazetteer/hubs.csv), 4 a capital or a place this project lists by hand, 3 a city
 * with an airport (OpenFlights) or an airport, 2 a UN/LOCODE port or airport, 1 any other UN/LOCODE
 * place. The scanner reads a name as one place when only one of its places is a hub, or only one is
 * prominent (3 or more); otherwise the name is ambiguous.
 */
export interface PlaceEntry {
  readonly type: "place";
  readonly country: string;
  readonly name: string;
  /** null for a province, state or region (the model's PlaceKind has no such member). */
  readonly kind: PlaceKind | null;
  readonly province: boolean;
  readonly locode: string | null;
  readonly iata: string | null;
  prominence: number;
  /** An airport's city, folded as a key ("addis ababa"): the city named beside it is the same place. */
  city?: string;
}

/** A word that takes the place of a place ("Various", "unknown", "Asia") and names none. */
export interface NothingEntry {
  readonly type: "nothing";
}

export type NameEntry = CountryEntry | PlaceEntry | NothingEntry;

/**
 * Every name the gazetteer knows, keyed by its folded tokens (`place-tokens.ts`), and the codes
 * (ISO 3166 alpha-2 and alpha-3, IATA), which count only when written in capitals.
 */
export class NameIndex {
  private readonly names = new Map<string, NameEntry[]>();
  private readonly codes = new Map<string, NameEntry[]>();
  /** The most tokens any name has: the scanner tries runs no longer than this. */
  longest = 1;

  constructor(readonly simplify: ReadonlyMap<string, string>) {}

  tokens(text: string): PlaceToken[] {
    return tokenise(text, this.simplify);
  }

  /**
   * Adds a name; returns its key, or undefined when it folds to fewer than `minimum` letters and
   * digits (nothing at all, by default).
   */
  addName(name: string, entry: NameEntry, minimum = 1): string | undefined {
    const tokens = this.tokens(name);
    if (tokens.length === 0) return undefined;
    const key = keyOf(tokens, 0, tokens.length);
    if (minimum > 1 && key.replace(/[ ,]/g, "").length < minimum) return undefined;
    const entries = this.names.get(key);
    if (entries === undefined) this.names.set(key, [entry]);
    else if (!entries.some((known) => sameEntry(known, entry))) entries.push(entry);
    this.longest = Math.max(this.longest, tokens.length);
    return key;
  }

  addCode(code: string, entry: NameEntry): void {
    const entries = this.codes.get(code);
    if (entries === undefined) this.codes.set(code, [entry]);
    else if (!entries.some((known) => sameEntry(known, entry))) entries.push(entry);
  }

  name(key: string): readonly NameEntry[] | undefined {
    return this.names.get(key);
  }

  code(code: string): readonly NameEntry[] | undefined {
    return this.codes.get(code);
  }

  /** Every place entry (to raise prominence once all sources are read). */
  *places(): IterableIterator<[string, PlaceEntry]> {
    for (const [key, entries] of this.names) {
      for (const entry of entries) if (entry.type === "place") yield [key, entry];
    }
  }

  keyOf(name: string): string | undefined {
    const tokens = this.tokens(name);
    return tokens.length === 0 ? undefined : keyOf(tokens, 0, tokens.length);
  }

  get size(): number {
    return this.names.size;
  }
}

function sameEntry(a: NameEntry, b: NameEntry): boolean {
  if (a.type === "nothing" || b.type === "nothing") return a.type === b.type;
  if (a.type === "country" || b.type === "country") return a.type === b.type && a.country === b.country;
  if (a.country !== b.country || a.name !== b.name || a.locode !== b.locode || a.iata !== b.iata || a.kind !== b.kind) return false;
  // The same place from two sources: it keeps the higher prominence and the airport's city.
  b.prominence = Math.max(a.prominence, b.prominence);
  a.prominence = b.prominence;
  a.city ??= b.city;
  b.city ??= a.city;
  return true;
}
