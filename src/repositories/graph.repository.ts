import type { CypherExecutor, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
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
 */
export interface Related {
  node: Row;
  labels: string[];
  rel: Row;
  citations: SourceRef[];
}

/**
 * Reads nodes by id and follows relationship fields, for batches of ids at a time. Each method is
 * one round trip and returns a map keyed by the ids asked for; ids with nothing are absent.
 */
export class GraphRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly registry: CypherRegistry,
  ) {}

  async byIds(label: NodeLabel, ids: readonly string[]): Promise<Map<string, Row>> {
    const query = this.registry.render("nodesByIds", { LABEL: label });
    const rows = await this.executor.read(query, { ids });
    return new Map(rows.map((row) => [row.key as string, row.node as Row]));
  }

  /** The ids of `label` that start with each prefix (at most 1,000 each), for pseudonyms of long ids. */
  async idsStartingWith(label: NodeLabel, prefixes: readonly string[]): Promise<Map<string, string[]>> {
    const query = this.registry.render("nodesIdsStartingWith", { LABEL: label });
    const rows = await this.executor.read(query, { ids: prefixes });
    return new Map(rows.map((row) => [row.key as string, row.ids as string[]]));
  }

  async related(name: RelationName, ids: readonly string[]): Promise<Map<string, Related[]>> {
    const query = this.registry.render("relatedAll", relationSlots(relations[name]));
    const groups = groupRelated(await this.executor.read(query, { ids }), factProperties[name] ?? []);
    for (const list of groups.values()) sortBySeq(list);
    return groups;
  }

  async relatedPage(
    name: RelationName,
    ids: readonly string[],
    page: { after: string | null; limit: number },
  ): Promise<Map<string, Related[]>> {
    const query = this.registry.render("relatedPage", relationSlots(relations[name]));
    const rows = await this.executor.read(query, { ids, after: page.after, limit: integerParameter(page.limit) });
    // A page lists nodes, whatever properties tell the field's facts apart: each node once, by id.
    return groupRelated(rows, []);
  }

  async relatedCount(name: RelationName, ids: readonly string[]): Promise<Map<string, number>> {
    const query = this.registry.render("relatedCount", relationSlots(relations[name]));
    const rows = await this.executor.read(query, { ids });
    return new Map(rows.map((row) => [row.key as string, row.count as number]));
  }
}

export function relationSlots(relation: Relation): Record<string, string> {
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
function groupRelated(rows: Row[], distinguishing: readonly string[]): Map<string, Related[]> {
  const groups = new Map<string, Related[]>();
  for (const row of rows) {
    const key = row.key as string;
    groups.set(key, [...(groups.get(key) ?? []), ...factsOf([row], distinguishing)]);
  }
  return groups;
}

/** The facts of rows that all belong to one node (columns node, labels, rels), as groupRelated makes them. */
export function factsOf(rows: readonly Row[], distinguishing: readonly string[]): Related[] {
  return rows.flatMap((row) =>
    splitBy(row.rels as Row[], distinguishing).map((rels) => ({
      node: row.node as Row,
      labels: row.labels as string[],
      rel: rels[0],
      citations: sourcesOf(rels),
    })),
  );
}

function splitBy(rels: Row[], distinguishing: readonly string[]): Row[][] {
  const parts = new Map<string, Row[]>();
  for (const rel of rels) {
    const fact = JSON.stringify(distinguishing.map((property) => rel[property] ?? null));
    parts.set(fact, [...(parts.get(fact) ?? []), rel]);
  }
  return [...parts.values()];
}

/** Each source and row once, in the order of the relationships (by source id, then row). */
function sourcesOf(rels: Row[]): SourceRef[] {
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
