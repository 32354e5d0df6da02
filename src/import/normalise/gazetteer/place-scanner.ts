import { PlaceKind } from "../../../domain/vocabulary.js";
import type { NameEntry, NameIndex, PlaceEntry } from "./name-index.js";
import type { Gazetteer, PlaceMention } from "./place-mention.js";
import { BREAK, keyOf, type PlaceToken } from "./place-tokens.js";

/** A run of tokens that is a name in the index. */
interface Match {
  readonly from: number;
  readonly to: number;
  /** The folded words matched. */
  readonly key: string;
  /** Country entries when the name is a country's (a country's name wins over a town of that name). */
  readonly countries: readonly string[];
  readonly places: readonly PlaceEntry[];
}

/**
 * A mention being built: its first and last tokens, the place it names (if any) narrowed to the
 * countries that the words around it allow, and the country it names when it names only one.
 */
interface Group {
  from: number;
  to: number;
  /** The key of the words that opened the group ("hong kong" of "Hong Kong Airport"). */
  readonly opening: string;
  /** A country or province next to it said where it is. */
  placed: boolean;
  places: PlaceEntry[];
  countries: string[];
  airportWord: boolean;
}

/** An airport of a city, from OpenFlights. */
export interface CityAirport {
  readonly iata: string;
  readonly name: string;
}

/** A place (or province, or country) the next or previous words may say the country of. */
const NEAR = 3;

/** Hong Kong, Macao and Taiwan are written "Hong Kong, China": one place, the first. */
const WRITTEN_WITH_CHINA = new Set(["HK", "MO", "TW"]);

const AIRPORT_WORDS = new Set(["airport", "international airport", "机场", "国际机场"]);

/**
 * Finds places in a text: at every token the longest run that is a name, then names next to each
 * other read together ("Lagos, Nigeria" and "尼日利亞拉各斯" are one mention: Lagos, in Nigeria).
 */
export class PlaceScanner implements Gazetteer {
  constructor(
    private readonly index: NameIndex,
    /** `country key` of a city → its airports. */
    private readonly cityAirports: ReadonlyMap<string, readonly CityAirport[]>,
  ) {}

  get names(): number {
    return this.index.size;
  }

  find(text: string): PlaceMention[] {
    const tokens = this.index.tokens(text);
    const matches = this.matches(tokens, !/\p{Ll}/u.test(text), /\p{Lu}/u.test(text));
    return this.group(tokens, matches).map((group) => this.mention(text, tokens, group));
  }

  /**
   * Names, longest first at each token. In a text that has capitals, a name starts only at a word
   * written with a capital: "ivory" in "ivory hidden in crates" is not Ivory (a town in UN/LOCODE).
   */
  private matches(tokens: readonly PlaceToken[], allCapitals: boolean, hasCapitals: boolean): Match[] {
    const matches: Match[] = [];
    let at = 0;
    while (at < tokens.length) {
      const skip = tokens[at].key === BREAK || (hasCapitals && tokens[at].lower);
      const found = skip ? undefined : this.longestAt(tokens, at, allCapitals);
      if (found === undefined) {
        at += 1;
        continue;
      }
      const [length, entries] = found;
      const countries = [...new Set(entries.filter((entry) => entry.type === "country").map((entry) => entry.country))];
      const places = entries.filter((entry): entry is PlaceEntry => entry.type === "place");
      if (!entries.some((entry) => entry.type === "nothing")) matches.push({ from: at, to: at + length, key: keyOf(tokens, at, at + length), countries, places });
      at += length;
    }
    return matches;
  }

  private longestAt(tokens: readonly PlaceToken[], at: number, allCapitals: boolean): [number, readonly NameEntry[]] | undefined {
    const last = Math.min(tokens.length, at + this.index.longest);
    for (let to = last; to > at; to -= 1) {
      if (tokens[to - 1].key === BREAK) continue;
      if (to === at + 1 && tokens[at].capitals && (!allCapitals || this.alone(tokens, at))) {
        const code = this.index.code(tokens[at].key.toUpperCase());
        // An IATA code counts only as the whole text ("BKK") or before "Airport" ("JFK Airport"):
        // elsewhere three capitals are an abbreviation more often ("Brazzaville, ROC").
        const airport = code?.every((entry) => entry.type === "place");
        if (code && (!airport || tokens.length === 1 || followedByAirport(tokens, at + 1) > 0)) return [1, code];
      }
      const entries = this.index.name(keyOf(tokens, at, to));
      if (entries) return [to - at, entries];
    }
    return undefined;
  }

  /** In a text all in capitals, a code counts only as an item of its own ("USA", "(DRC)"). */
  private alone(tokens: readonly PlaceToken[], at: number): boolean {
    return (at === 0 || tokens[at - 1].key === BREAK) && (at === tokens.length - 1 || tokens[at + 1].key === BREAK);
  }

  private group(tokens: readonly PlaceToken[], matches: readonly Match[]): Group[] {
    const groups: Group[] = [];
    let previousEnd = -1;
    for (const match of matches) {
      const last = groups.at(-1);
      const near = last !== undefined && match.from - previousEnd <= NEAR && !hasTwoBreaks(tokens, previousEnd, match.from);
      const touching = match.from === previousEnd;
      previousEnd = match.to;
      if (last !== undefined && near && this.joins(last, match, touching)) {
        last.to = Math.max(last.to, match.to);
        last.placed = true;
        continue;
      }
      const airportWords = followedByAirport(tokens, match.to);
      groups.push({
        from: match.from,
        to: match.to + airportWords,
        opening: keyOf(tokens, match.from, match.to),
        placed: false,
        places: match.countries.length > 0 ? [] : [...match.places],
        countries: [...match.countries],
        airportWord: airportWords > 0,
      });
    }
    return groups.filter((group) => group.placed || !minorWord(group, tokens));
  }

  /**
   * Whether `match` belongs to the mention `group` is building; if so, narrows the group. A country
   * or province after a place it may lie in says where the place is ("Lagos, Nigeria", "Kinshasa
   * (DRC)"); a country or province before a place in it does the same ("Nigeria, Lagos", Chinese
   * order "尼日利亞拉各斯"); "Hong Kong, China" is Hong Kong; "Singapore, Singapore" is Singapore; a
   * city and, with no break between, an airport of its country is the airport ("Milan-Malpensa").
   */
  private joins(group: Group, match: Match, touching: boolean): boolean {
    const groupCountries = countriesOf(group);
    if (match.countries.length > 0) {
      if (group.places.length === 0) {
        if (group.countries.length !== 1 || match.countries.length !== 1) return false;
        const [first, second] = [group.countries[0], match.countries[0]];
        return first === second || (WRITTEN_WITH_CHINA.has(first) && second === "CN");
      }
      const fits = match.countries.filter((country) => groupCountries.includes(country));
      if (fits.length === 0) return false;
      group.places = group.places.filter((entry) => fits.includes(entry.country));
      group.countries = fits;
      return true;
    }
    const inside = match.places.filter((entry) => groupCountries.includes(entry.country));
    if (inside.length === 0) return false;
    const groupIsContainer = group.places.length === 0 || group.places.every((entry) => entry.province);
    const matchIsContainer = match.places.every((entry) => entry.province);
    if (groupIsContainer && !(matchIsContainer && group.places.length > 0)) {
      // A country or province, then a place in it: the place is what the mention names.
      group.places = inside;
      group.countries = [...new Set(inside.map((entry) => entry.country))];
      return true;
    }
    if (matchIsContainer) {
      const countries = new Set(inside.map((entry) => entry.country));
      group.places = group.places.filter((entry) => countries.has(entry.country));
      group.countries = [...countries].filter((country) => groupCountries.includes(country));
      return true;
    }
    if (touching && inside.every((entry) => entry.kind === PlaceKind.AIRPORT)) {
      group.places = inside;
      group.countries = [...new Set(inside.map((entry) => entry.country))];
      return true;
    }
    // An airport and its city, either way round ("Pinto Martins – Fortaleza Airport", "Suvarnabhumi, Bangkok").
    const airportOf = (entries: readonly PlaceEntry[], city: string) => entries.filter((entry) => entry.kind === PlaceKind.AIRPORT && entry.city === city);
    if (airportOf(group.places, match.key).length > 0) {
      group.places = airportOf(group.places, match.key);
      return true;
    }
    if (group.places.length > 0 && airportOf(match.places, group.opening).length > 0) {
      group.places = airportOf(match.places, group.opening);
      group.countries = [...new Set(group.places.map((entry) => entry.country))];
      return true;
    }
    return false;
  }

  private mention(text: string, tokens: readonly PlaceToken[], group: Group): PlaceMention {
    const written = quote(text, tokens[group.from].start, tokens[group.to - 1].end);
    if (group.places.length === 0) {
      const candidates = [...group.countries].sort();
      const country = candidates.length === 1 ? candidates[0] : null;
      // "Hong Kong Airport", "Kuwait Airport": the airport of a country named like its city.
      const airports = country !== null && group.airportWord ? this.cityAirports.get(`${country} ${group.opening}`) : undefined;
      const place = airports ? airportOf(airports, text.slice(tokens[group.from].start, tokens[group.to - 1].end)) : null;
      return { text: written, country, place, ambiguous: candidates.length > 1, candidates };
    }
    const best = bestByCountry(group.places);
    const ranked = [...best.values()].sort((a, b) => b.prominence - a.prominence || a.country.localeCompare(b.country));
    const candidates = ranked.map((entry) => entry.country);
    const chosen = ranked.length === 1 ? ranked[0] : onlyOne(ranked, 5) ?? onlyOne(ranked, 3);
    if (chosen === undefined) {
      const kinds = new Set(ranked.map((entry) => entry.kind));
      return {
        text: written,
        country: null,
        place: { name: ranked[0].name, kind: kinds.size === 1 ? ranked[0].kind : null, locode: null, iata: null },
        ambiguous: true,
        candidates,
      };
    }
    let place = { name: chosen.name, kind: chosen.kind, locode: chosen.locode, iata: chosen.iata };
    if (group.airportWord && chosen.kind !== PlaceKind.AIRPORT && !chosen.province) {
      const key = this.index.keyOf(chosen.name);
      const airports = key ? this.cityAirports.get(`${chosen.country} ${key}`) : undefined;
      place = { ...place, ...airportOf(airports ?? [], place.name), locode: place.locode };
    }
    return { text: written, country: chosen.country, place, ambiguous: false, candidates };
  }
}

/** "Dubai Airport", "Addis Ababa International Airport", "首都國際機場": the city's airport. Returns how many tokens say so. */
function followedByAirport(tokens: readonly PlaceToken[], at: number): number {
  for (let to = Math.min(tokens.length, at + 4); to > at; to -= 1) if (AIRPORT_WORDS.has(keyOf(tokens, at, to))) return to - at;
  return 0;
}

/** A city's one airport by its own name and code; of a city with several, the words as written and no code. */
function airportOf(airports: readonly CityAirport[], written: string) {
  const only = airports.length === 1 ? airports[0] : undefined;
  return { name: only?.name ?? written, kind: PlaceKind.AIRPORT, locode: null, iata: only?.iata ?? null };
}

/**
 * One word naming only minor places (UN/LOCODE towns with no port, airport or capital: prominence
 * 1), with no country or province next to it: in the United States' and other focus countries'
 * full lists such words are as often English ("Golden", "Triangle", "Fish") as towns, so they are
 * read only where a country or province confirms them ("Golden, USA").
 */
function minorWord(group: Group, tokens: readonly PlaceToken[]): boolean {
  return (
    group.places.length > 0 &&
    group.places.every((entry) => entry.prominence <= 1) &&
    !group.opening.includes(" ") &&
    !tokens[group.from].han
  );
}

/** The one place at `least` prominence or more, if there is exactly one. */
function onlyOne(ranked: readonly PlaceEntry[], least: number): PlaceEntry | undefined {
  const above = ranked.filter((entry) => entry.prominence >= least);
  return above.length === 1 ? above[0] : undefined;
}

function countriesOf(group: Group): string[] {
  return group.places.length > 0 ? [...new Set(group.places.map((entry) => entry.country))] : group.countries;
}

/**
 * Per country, its most prominent place of the name; on a tie a port or airport (UN/LOCODE's
 * Lagos NGLOS, a port and airport, before NGLAG, a road terminal), then the first listed.
 */
function bestByCountry(places: readonly PlaceEntry[]): Map<string, PlaceEntry> {
  const best = new Map<string, PlaceEntry>();
  for (const entry of places) {
    const known = best.get(entry.country);
    if (known === undefined || rank(entry) > rank(known)) best.set(entry.country, entry);
  }
  return best;
}

const TRANSPORT_HUBS = new Set<PlaceKind | null>([PlaceKind.SEAPORT, PlaceKind.AIRPORT, PlaceKind.RIVER_PORT]);

function rank(entry: PlaceEntry): number {
  return entry.prominence * 2 + (TRANSPORT_HUBS.has(entry.kind) ? 1 : 0);
}

function hasTwoBreaks(tokens: readonly PlaceToken[], from: number, to: number): boolean {
  let breaks = 0;
  for (let index = Math.max(0, from); index < to; index += 1) if (tokens[index].key === BREAK) breaks += 1;
  return breaks > 1;
}

/** The words as written, with a closing bracket whose opening one they hold ("Kinshasa (DRC)"). */
function quote(text: string, start: number, end: number): string {
  let written = text.slice(start, end);
  const open = (written.match(/[(（]/g) ?? []).length - (written.match(/[)）]/g) ?? []).length;
  if (open > 0) {
    const rest = /^\s*[)）]/.exec(text.slice(end));
    if (rest) written = text.slice(start, end + rest[0].length);
  }
  return written;
}
