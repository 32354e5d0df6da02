/**
 * A species as a reader types it (an id such as `manis-javanica`, a scientific name, a common name
 * in any language the index holds) resolved to the id the trade filter takes, through the API: the
 * id itself when a species has it, else the best hit of the full-text `search` over species.
 */
import { postGraphQL } from "../shared/graphql-client.js";

const RESOLVE_QUERY = `query EmbedResolveSpecies($id: ID!, $query: String!) {
  species(id: $id) { id scientificName commonNames(language: "en") { name } }
  search(query: $query, kinds: [Species], first: 6) {
    edges { node { id label matched score entity { ... on Species { id scientificName commonNames(language: "en") { name } } } } }
  }
}`;

interface SpeciesFields {
  id: string;
  scientificName: string;
  commonNames: { name: string }[];
}

interface ResolveAnswer {
  species: SpeciesFields | null;
  search: { edges: { node: { id: string; label: string; matched: string | null; score: number; entity: Partial<SpeciesFields> } }[] };
}

export interface ResolvedSpecies {
  id: string;
  scientificName: string;
  /** The first English common name, if any. */
  commonName: string | null;
}

export interface SpeciesResolution {
  /** What the text stands for; null when no species matches it. */
  species: ResolvedSpecies | null;
  /** Other species the text matched, best first (a name such as "pangolin" fits several). */
  alternatives: ResolvedSpecies[];
}

/**
 * The least score a search hit needs to stand for the text: below it a hit matched only a near
 * spelling of some of the words (the search forgives small typos), which would silently filter by
 * a species nobody asked for.
 */
const MIN_SCORE = 0.5;

function resolved(fields: Partial<SpeciesFields> & { id: string }, label?: string): ResolvedSpecies {
  return { id: fields.id, scientificName: fields.scientificName ?? label ?? fields.id, commonName: fields.commonNames?.[0]?.name ?? null };
}

export async function resolveSpecies(api: string, credential: string | null, text: string, signal: AbortSignal): Promise<SpeciesResolution> {
  const query = text.trim().slice(0, 200);
  const answer = await postGraphQL<ResolveAnswer>(api, credential, RESOLVE_QUERY, { id: query, query }, signal);
  const hits = answer.search.edges
    .map(({ node }) => ({ ...node, species: resolved({ ...node.entity, id: node.id }, node.label) }))
    .filter((hit) => hit.matched !== null && hit.score >= MIN_SCORE);
  if (answer.species) {
    return { species: resolved(answer.species), alternatives: [] };
  }
  const [best, ...others] = hits;
  return { species: best?.species ?? null, alternatives: others.map((hit) => hit.species).filter((other) => other.id !== best?.id) };
}

/** How the map names a species: "Manis javanica (Sunda pangolin)". */
export function speciesLabel(species: ResolvedSpecies): string {
  return species.commonName ? `${species.scientificName} (${species.commonName})` : species.scientificName;
}
