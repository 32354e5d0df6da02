import type { CypherExecutor } from "../../db/cypher-executor.js";
import type { CypherRegistry } from "../../db/cypher-registry.js";
import { importExistingIds, importPlaceIndex, importSpeciesIndex } from "../../db/queries.generated.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import type { PlaceKind } from "../../domain/vocabulary.js";
import type { CompiledMapping } from "../mapping/compiled-mapping.js";
import { foldName } from "../normalise/normaliser.js";

/**
 * The answer to a lookup by name: one node, or why there is none. `note` says what the planner should
 * flag about a node it found (a species name resolved to a higher taxon).
 */
export type LookupResult = { readonly id: string; readonly note?: string } | { readonly problem: string };

/** Words that say what a place is rather than which one it is ("Dubai Airport", "Dubai International Airport"). */
const PLACE_NOISE = new Set(["airport", "international", "intl", "aeroport", "aeropuerto", "aeroporto"]);

export function placeKey(name: string): string {
  return foldName(name)
    .split(" ")
    .filter((word) => !PLACE_NOISE.has(word))
    .join(" ");
}

export interface PlaceRecord {
  id: string;
  name: string | null;
  kind: string | null;
  iataCode: string | null;
  country: string | null;
}

/**
 * Places by name (and IATA code), within a country. A name matches when it is the same once case,
 * accents, punctuation and words such as "Airport" and "International" are set aside. Kinds are
 * tried in the order the mapping gives; two places of the first kind that matches are ambiguous,
 * and an ambiguous or unknown name is a problem, never a guess.
 */
export class PlaceIndex {
  private readonly byKey = new Map<string, PlaceRecord[]>();

  constructor(places: readonly PlaceRecord[]) {
    for (const place of places) {
      const keys = new Set<string>();
      if (place.name) keys.add(placeKey(place.name));
      if (place.iataCode) keys.add(`iata ${place.iataCode.toLowerCase()}`);
      for (const key of keys) {
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        list.push(place);
        this.byKey.set(key, list);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  find(name: string, country: string | null, kinds: readonly PlaceKind[]): LookupResult {
    const trimmed = name.trim();
    const key = /^[A-Z]{3}$/.test(trimmed) ? `iata ${trimmed.toLowerCase()}` : placeKey(trimmed);
    const candidates = (this.byKey.get(key) ?? []).filter((place) => country === null || place.country === country);
    for (const kind of kinds) {
      const ofKind = candidates.filter((place) => place.kind === kind);
      if (ofKind.length === 1) return { id: ofKind[0].id };
      if (ofKind.length > 1) {
        return { problem: `${ofKind.length} places of kind ${kind} are called that${country ? ` in ${country}` : ""} (${ofKind.map((place) => place.id).slice(0, 5).join(", ")})` };
      }
    }
    return { problem: `no place of kind ${kinds.join(" or ")} is called that${country ? ` in ${country}` : ""}` };
  }
}

export interface SpeciesRecord {
  id: string;
  scientificName: string | null;
  commonNames: readonly string[] | null;
  /** `GENUS`, `FAMILY` or `ORDER` for a higher taxon's node; `SPECIES` or none for a species. */
  rank?: string | null;
  genus?: string | null;
  family?: string | null;
  order?: string | null;
  /** The index's synonyms, each as written (`Phataginus tricuspis (Rafinesque, 1821)`). */
  synonyms?: readonly string[] | null;
}

/** The ranks above species that a taxon in a record may be named at, lowest first. */
export const HIGHER_RANKS = ["GENUS", "FAMILY", "ORDER"] as const;
export type HigherRank = (typeof HIGHER_RANKS)[number];

/** "Manis spp.", "Manis sp", "Manis species": the genus, not one of its species. */
const GENUS_QUALIFIER = /\s+(?:spp?\.?|species)$/i;
/** The binomial at the start of a synonym as the index writes it, without its author and year. */
const BINOMIAL = /^[A-Z][a-z]+ [a-z][a-z-]+/;

/**
 * Species by name, compared case-, accent- and punctuation-blind, tried in this order:
 * 1. the scientific or an English common name of one species (`Manis javanica`, `Sunda Pangolin`);
 * 2. a synonym of one species in the CITES index (`Phataginus tricuspis` is `Manis tricuspis` in the
 *    2017 index), without its author;
 * 3. a higher taxon by scientific name, the genus also as `Manis spp.` / `Manis sp.` (`Manidae`,
 *    `Pholidota`), or by an English name the index gives it (`Rhinoceroses`);
 * 4. a word that ends the English names of several species (`Pangolin`, `Pangolins`: Sunda Pangolin,
 *    Chinese Pangolin, ...): the lowest taxon that holds them all (genus, family, order), when it is one.
 * Steps 3 and 4 resolve to the higher taxon's node (a Species node with a `rank`, made by
 * `mappings/cites-taxonomy.yaml`), with a note that the planner reports as a flag: the record names
 * a group, not one species. Without such a node, or when the species span several orders, the name
 * stays unresolved; a name two species share is ambiguous. Nothing is guessed.
 */
export class SpeciesIndex {
  private readonly byName = new Map<string, Set<string>>();
  private readonly bySynonym = new Map<string, Set<string>>();
  private readonly higher = new Map<string, { id: string; rank: HigherRank; name: string }>();
  private readonly byHigherName = new Map<string, Set<string>>();
  private readonly byHeadWord = new Map<string, SpeciesRecord[]>();

  get size(): number {
    return this.byName.size;
  }

  constructor(species: readonly SpeciesRecord[]) {
    for (const record of species) {
      const rank = higherRank(record.rank);
      if (rank) {
        const name = record.scientificName ?? record.id;
        this.higher.set(`${rank} ${foldName(name)}`, { id: record.id, rank, name });
        for (const alias of [name, ...(record.commonNames ?? [])]) addTo(this.byHigherName, foldName(alias), record.id);
        continue;
      }
      for (const name of [record.scientificName, ...(record.commonNames ?? [])]) {
        if (name) addTo(this.byName, foldName(name), record.id);
      }
      for (const synonym of record.synonyms ?? []) {
        const binomial = BINOMIAL.exec(synonym.trim())?.[0];
        if (binomial) addTo(this.bySynonym, foldName(binomial), record.id);
      }
      for (const name of record.commonNames ?? []) {
        const words = foldName(name).split(" ");
        if (words.length < 2) continue;
        const head = words[words.length - 1];
        const list = this.byHeadWord.get(head) ?? [];
        if (!list.includes(record)) list.push(record);
        this.byHeadWord.set(head, list);
      }
    }
  }

  find(name: string): LookupResult {
    const written = name.trim();
    const genusOnly = GENUS_QUALIFIER.test(written);
    const key = foldName(written.replace(GENUS_QUALIFIER, ""));
    const notFound: LookupResult = { problem: "no species has that scientific or English name" };
    if (!genusOnly) {
      const ids = this.byName.get(key) ?? this.bySynonym.get(key);
      if (ids) return ids.size === 1 ? { id: [...ids][0] } : { problem: `${ids.size} species have that name (${[...ids].slice(0, 5).join(", ")})` };
    }
    const group = genusOnly ? null : this.byCommonWord(key);
    for (const rank of genusOnly ? (["GENUS"] as const) : HIGHER_RANKS) {
      const taxon = this.higher.get(`${rank} ${key}`);
      if (!taxon) continue;
      // "Rhinoceros" is a genus and the English word for every rhinoceros: a reading each way is a guess.
      if (group && group.id !== taxon.id && !group.members.every((member) => member[FIELD_OF[rank]] === taxon.name)) {
        return { problem: `both the ${rank.toLowerCase()} ${taxon.name} and ${group.note.replace(/, not one species$/, "")}` };
      }
      return { id: taxon.id, note: `names the ${rank.toLowerCase()} ${taxon.name}, not one species` };
    }
    if (genusOnly) return notFound;
    const byEnglish = this.byHigherName.get(key);
    if (byEnglish?.size === 1) {
      const id = [...byEnglish][0];
      const taxon = [...this.higher.values()].find((entry) => entry.id === id)!;
      return { id, note: `names the ${taxon.rank.toLowerCase()} ${taxon.name}, not one species` };
    }
    return group ? { id: group.id, note: group.note } : notFound;
  }

  /**
   * A single word that ends the English names of two species or more (`pangolin`, or its plural),
   * and the lowest taxon with a node that holds them all; null when there is none.
   */
  private byCommonWord(key: string): { id: string; note: string; members: readonly SpeciesRecord[] } | null {
    if (key.includes(" ")) return null;
    const members = [key, key.replace(/s$/, ""), key.replace(/es$/, "")].map((word) => this.byHeadWord.get(word)).find(Boolean);
    if (!members || members.length < 2) return null;
    for (const rank of HIGHER_RANKS) {
      const values = new Set(members.map((member) => member[FIELD_OF[rank]] ?? ""));
      if (values.size !== 1 || values.has("")) continue;
      // The lowest taxon that holds them all; a broader one is still true when its node is missing.
      const taxon = this.higher.get(`${rank} ${foldName([...values][0])}`);
      if (!taxon) continue;
      return { id: taxon.id, members, note: `the English name of ${members.length} species, all of the ${rank.toLowerCase()} ${taxon.name}, not one species` };
    }
    return null;
  }
}

const FIELD_OF = { GENUS: "genus", FAMILY: "family", ORDER: "order" } as const;

function higherRank(rank: string | null | undefined): HigherRank | null {
  return (HIGHER_RANKS as readonly string[]).includes(rank ?? "") ? (rank as HigherRank) : null;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  if (!key) return;
  const ids = map.get(key) ?? new Set<string>();
  ids.add(id);
  map.set(key, ids);
}

/** What the planner may look up while it plans rows; loaded once per import, for the kinds the mapping uses. */
export interface Lookups {
  readonly places: PlaceIndex;
  readonly species: SpeciesIndex;
}

/** `prefix`: only the places and species of that world (see the import's `idPrefix`). */
export async function loadLookups(
  executor: CypherExecutor,
  _registry: CypherRegistry,
  mapping: CompiledMapping,
  prefix = "",
): Promise<Lookups> {
  const synthetic = mapping.source.synthetic;
  const uses = (kind: string) => mapping.references.some((reference) => reference.kind === kind);
  const places = uses("place") ? await executor.readQuery(importPlaceIndex, { synthetic, prefix }) : [];
  const species = uses("species") ? await executor.readQuery(importSpeciesIndex, { synthetic, prefix }) : [];
  return { places: new PlaceIndex(places), species: new SpeciesIndex(species.map(({ taxonOrder, ...row }) => ({ ...row, order: taxonOrder }))) };
}

/** Of the given ids of one label, those that name a node in the database. */
export async function existingIds(
  executor: CypherExecutor,
  _registry: CypherRegistry,
  label: NodeLabel,
  ids: readonly string[],
  synthetic: boolean,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor.readQuery(importExistingIds, { ids, synthetic }, { LABEL: label });
  return new Set(rows.map((row) => row.id));
}
