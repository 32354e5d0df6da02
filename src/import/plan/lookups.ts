import type { CypherExecutor } from "../../db/cypher-executor.js";
import type { CypherRegistry } from "../../db/cypher-registry.js";
import { importExistingIds, importPlaceIndex, importSpeciesIndex } from "../../db/queries.generated.js";
import type { NodeLabel } from "../../domain/graph-schema.js";
import type { PlaceKind } from "../../domain/vocabulary.js";
import type { CompiledMapping } from "../mapping/compiled-mapping.js";
import { foldName } from "../normalise/normaliser.js";

/** The answer to a lookup by name: one node, or why there is none. */
export type LookupResult = { readonly id: string } | { readonly problem: string };

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
}

/** Species by scientific or English common name, compared case-, accent- and punctuation-blind. */
export class SpeciesIndex {
  private readonly byName = new Map<string, Set<string>>();

  get size(): number {
    return this.byName.size;
  }

  constructor(species: readonly SpeciesRecord[]) {
    for (const record of species) {
      for (const name of [record.scientificName, ...(record.commonNames ?? [])]) {
        if (!name) continue;
        const key = foldName(name);
        const ids = this.byName.get(key) ?? new Set<string>();
        ids.add(record.id);
        this.byName.set(key, ids);
      }
    }
  }

  find(name: string): LookupResult {
    const ids = this.byName.get(foldName(name));
    if (!ids) return { problem: "no species has that scientific or English name" };
    if (ids.size > 1) return { problem: `${ids.size} species have that name (${[...ids].slice(0, 5).join(", ")})` };
    return { id: [...ids][0] };
  }
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
  return { places: new PlaceIndex(places), species: new SpeciesIndex(species) };
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
