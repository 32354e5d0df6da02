import type { CypherExecutor } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import {
  nodesByIds,
  nodesIdsStartingWith,
  relatedAll,
  relatedCount,
  relatedPage,
  type RelatedAllRow,
  type RelatedAllSlots,
} from "../db/queries.generated.js";
import type { NodeProperties, Properties } from "../db/query-types.js";
import { integerParameter } from "../db/values.js";
import type { NodeLabel } from "../domain/graph-schema.js";
import { factProperties } from "../domain/relation-facts.js";
import { relations, type Relation, type RelationName } from "../domain/relations.js";

/** A source that states a fact, and its row there (null when the relationship records none). */
export interface SourceRef {
  sourceId: string;
  row: number | null;
}

/**
 * One fact reached through a relationship field: the related node (its properties and labels), the
 * properties of the first relationship that states it (by source id, then row), and every source
 * that states it. Parallel relationships stating the same fact (one per source row) are one Related.
 * Read ahead for a field that shows only nodes (src/repositories/nested-read.ts), `rel` is empty and
 * `citations` too.
 */
export interface Related {
  node: NodeProperties;
  labels: string[];
  rel: Properties;
  citations: SourceRef[];
}

/**
 * Reads nodes by id and follows relationship fields, for batches of ids at a time. Each method is
 * one round trip and returns a map keyed by the ids asked for; ids with nothing are absent.
 */
export class GraphRepository {
  /** The second argument is no longer read (each query carries its text); callers still pass the registry. */
  constructor(
    private readonly executor: CypherExecutor,
    _registry?: CypherRegistry,
  ) {}

  async byIds(label: NodeLabel, ids: readonly string[]): Promise<Map<string, NodeProperties>> {
    const rows = await this.executor.readQuery(nodesByIds, { ids }, { LABEL: label });
    return new Map(rows.map((row) => [row.key, row.node]));
  }

  /** The ids of `label` that start with each prefix (at most 1,000 each), for pseudonyms of long ids. */
  async idsStartingWith(label: NodeLabel, prefixes: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.executor.readQuery(nodesIdsStartingWith, { ids: prefixes }, { LABEL: label });
    return new Map(rows.map((row) => [row.key, row.ids]));
  }

  async related(name: RelationName, ids: readonly string[]): Promise<Map<string, Related[]>> {
    const rows = await this.executor.readQuery(relatedAll, { ids }, relationSlots(relations[name]));
    const groups = groupRelated(rows, factProperties[name] ?? []);
    for (const list of groups.values()) sortBySeq(list);
    return groups;
  }

  async relatedPage(
    name: RelationName,
    ids: readonly string[],
    page: { after: string | null; limit: number },
  ): Promise<Map<string, Related[]>> {
    const rows = await this.executor.readQuery(
      relatedPage,
      { ids, after: page.after, limit: integerParameter(page.limit) },
      relationSlots(relations[name]),
    );
    // A page lists nodes, whatever properties tell the field's facts apart: each node once, by id.
    return groupRelated(rows, []);
  }

  async relatedCount(name: RelationName, ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.executor.readQuery(relatedCount, { ids }, relationSlots(relations[name]));
    return new Map(rows.map((row) => [row.key, row.count]));
  }
}

/**
 * The slots of related/all, related/page and related/count (the three declare the same ones) for a
 * relationship field.
 */
export function relationSlots(relation: Relation): RelatedAllSlots {
  return {
    FROM: relation.from,
    TYPE: relation.type,
    TO: relation.to.join("|"),
    LEFT: relation.direction === "IN" ? "<-" : "-",
    RIGHT: relation.direction === "OUT" ? "->" : "-",
  };
}

/**
 * Rows of related/all or related/page (one per key and related node, with every relationship between
 * the two) to facts: a node's relationships split by the values of `distinguishing`, each part one
 * fact with the sources of all its relationships. Facts keep the rows' order (node id), those of one
 * node in the order their first relationships come.
 */
function groupRelated(rows: readonly RelatedAllRow[], distinguishing: readonly string[]): Map<string, Related[]> {
  const groups = new Map<string, Related[]>();
  for (const row of rows) {
    groups.set(row.key, [...(groups.get(row.key) ?? []), ...factsOf([row], distinguishing)]);
  }
  return groups;
}

/**
 * What a fact is read from: a related node, its labels, and every relationship between the two, or
 * null when they were not read (a field that shows only the related nodes, read ahead: see
 * `factProperties`).
 */
export interface RelatedRead {
  node: NodeProperties;
  labels: string[];
  rels: Properties[] | null;
}

/**
 * The facts of rows that all belong to one node (columns node, labels, rels), as groupRelated makes
 * them. A node read without its relationships is one fact, with no properties and no citations.
 */
export function factsOf(rows: readonly RelatedRead[], distinguishing: readonly string[]): Related[] {
  return rows.flatMap((row) =>
    (row.rels === null ? [[{}]] : splitBy(row.rels, distinguishing)).map((rels) => ({
      node: row.node,
      labels: row.labels,
      rel: rels[0],
      citations: sourcesOf(rels),
    })),
  );
}

function splitBy(rels: readonly Properties[], distinguishing: readonly string[]): Properties[][] {
  const parts = new Map<string, Properties[]>();
  for (const rel of rels) {
    const fact = JSON.stringify(distinguishing.map((property) => rel[property] ?? null));
    parts.set(fact, [...(parts.get(fact) ?? []), rel]);
  }
  return [...parts.values()];
}

/** Each source and row once, in the order of the relationships (by source id, then row). */
function sourcesOf(rels: readonly Properties[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const rel of rels) {
    if (typeof rel.sourceId !== "string") continue;
    const ref = { sourceId: rel.sourceId, row: typeof rel.sourceRow === "number" ? rel.sourceRow : null };
    seen.set(JSON.stringify([ref.sourceId, ref.row]), ref);
  }
  return [...seen.values()];
}

/** Puts facts in the order of related/all (which had it as `ORDER BY key, rel.seq, node.id`). */
export function sortBySeq(facts: Related[]): Related[] {
  return facts.sort(bySeq);
}

/** A route's stops by `seq`, else as they come. */
function bySeq(a: Related, b: Related): number {
  const seqA = typeof a.rel.seq === "number" ? a.rel.seq : Number.POSITIVE_INFINITY;
  const seqB = typeof b.rel.seq === "number" ? b.rel.seq : Number.POSITIVE_INFINITY;
  return seqA === seqB ? 0 : seqA < seqB ? -1 : 1;
}
