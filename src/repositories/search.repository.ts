import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { searchHits } from "../db/queries.generated.js";
import type { ClusterMemberMap, NodeProperties, SearchHitMap } from "../db/query-types.js";
import { integerParameter } from "../db/values.js";
import { clusterAliases } from "../domain/cluster-names.js";
import { displayLabel } from "../domain/graph-view.js";
import { NodeLabel } from "../domain/graph-schema.js";
import { bestMatch, hasRequiredWords, luceneQuery, searchTerms, type SearchTerms } from "../domain/search-text.js";
import { IdentifierKind } from "../domain/vocabulary.js";

/** The kinds of entity the full-text index covers, in the order hits of equal score never need. */
export const SEARCHABLE_KINDS = [
  NodeLabel.Person,
  NodeLabel.Company,
  NodeLabel.Place,
  NodeLabel.Country,
  NodeLabel.Species,
  NodeLabel.Identifier,
] as const;

export type SearchableKind = (typeof SEARCHABLE_KINDS)[number];

/**
 * How many of Lucene's best candidates are ranked: a search that matches more (a common surname
 * over a large graph) is narrowed by its words, not paged through to the end.
 */
export const MAX_SEARCH_HITS = 1_000;

/** Lucene's relevance counts for this share of a hit's score; how well its best name covers the query, for the rest. */
const LUCENE_WEIGHT = 0.1;

export interface SearchHitRow {
  id: string;
  kind: SearchableKind;
  label: string;
  /** From 0 to 1; higher is better. */
  score: number;
  /** The name, alias, common name or identifier value that matched best; null when none did word for word. */
  matched: string | null;
  /** The node's properties (with `synthetic` and `labels`), as the entity types read them. */
  entity: Record<string, unknown>;
}

export interface SearchResult {
  /** Every hit ranked (at most MAX_SEARCH_HITS), best first, ties by id. */
  hits: SearchHitRow[];
}

/** Full-text search over entities and identifiers (the search root field). */
export class SearchRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  /**
   * Lucene finds the candidates (diacritics folded, near spellings, prefixes, Han phrases); they
   * are ranked here by how well one of their names covers the query's words, which Lucene cannot
   * tell: it drops stop words such as the Vietnamese given name "An", and scores a typo like a match.
   */
  async search(query: string, kinds: readonly SearchableKind[], resolved: boolean): Promise<SearchResult> {
    const terms = searchTerms(query);
    // Hits with every word first; only when there are none, hits with any of them.
    let candidates = hasRequiredWords(terms) ? await this.candidates(terms, kinds, true, resolved) : [];
    if (candidates.length === 0) candidates = await this.candidates(terms, kinds, false, resolved);
    const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
    const ranked = candidates.map((candidate) => ({ hit: rank(terms, candidate, best), members: candidate.members }));
    ranked.sort((a, b) => b.hit.score - a.hit.score || (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0));
    return { hits: oncePerCluster(ranked) };
  }

  private async candidates(terms: SearchTerms, kinds: readonly SearchableKind[], allWords: boolean, resolved: boolean): Promise<SearchHitMap[]> {
    const [row] = await this.executor.readQuery(searchHits, {
      lucene: luceneQuery(terms, { allWords }),
      kinds,
      phone: terms.phone?.international ?? null,
      nationalPhone: terms.phone?.national ?? null,
      phoneKind: IdentifierKind.PHONE,
      limit: integerParameter(MAX_SEARCH_HITS),
      resolved,
    });
    return row?.hits ?? [];
  }
}

/**
 * The resolved view of ranked hits: of the members of one cluster (persons or companies joined by
 * live SAME decisions), the best hit stands for all, the others' names among its aliases; the
 * others are left out. Without members (the unresolved view), the hits as they are.
 */
function oncePerCluster(ranked: readonly { hit: SearchHitRow; members: readonly ClusterMemberMap[] }[]): SearchHitRow[] {
  const standing = new Set<string>();
  const hits: SearchHitRow[] = [];
  for (const { hit, members } of ranked) {
    const key = `${hit.kind}:${hit.id}`;
    if (standing.has(key)) continue;
    for (const member of members) standing.add(`${hit.kind}:${member.id}`);
    if (members.length === 0) {
      hits.push(hit);
      continue;
    }
    hits.push({ ...hit, entity: { ...hit.entity, aliases: clusterAliases(hit.entity, members) } });
  }
  return hits;
}

function rank(terms: SearchTerms, candidate: SearchHitMap, bestLuceneScore: number): SearchHitRow {
  const { node } = candidate;
  const { id } = node;
  // The query keeps only nodes with a label of $kinds, all of them searchable kinds.
  const kind = SEARCHABLE_KINDS.find((label) => candidate.labels.includes(label));
  if (!kind) throw new Error(`search hit ${id} has no searchable label`);
  const match = bestMatch(terms, namesOf(node));
  const relevance = bestLuceneScore > 0 ? candidate.score / bestLuceneScore : 0;
  const covered = candidate.phone === 1 ? 1 : match.coverage;
  const score = Math.round(((1 - LUCENE_WEIGHT) * covered + LUCENE_WEIGHT * relevance) * 1e6) / 1e6;
  return {
    id,
    kind,
    label: displayLabel(node, id),
    score,
    matched: match.name ?? (candidate.phone === 1 && typeof node.value === "string" ? node.value : null),
    entity: { ...node, labels: candidate.labels },
  };
}

/**
 * The names a node can be found by, most telling first: its name, then aliases and common names,
 * then `searchText` whole (it holds the aliases of sources that give no list).
 */
function namesOf(node: NodeProperties): string[] {
  const names: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string" && value.length > 0) names.push(value);
    else if (Array.isArray(value)) value.forEach(add);
  };
  for (const key of ["name", "scientificName", "value", "rawValue", "aliases", "alternativeNames"]) add(node[key]);
  for (const key of Object.keys(node).sort()) if (key.startsWith("commonNames")) add(node[key]);
  for (const key of ["nameZh", "iso3", "locode", "iataCode", "searchText"]) add(node[key]);
  return names;
}
