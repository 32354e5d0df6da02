import type { CypherExecutor, Row } from "../db/cypher-executor.js";
import type { CypherRegistry } from "../db/cypher-registry.js";
import { integerParameter } from "../db/values.js";
import type { NodeLabel } from "../domain/graph-schema.js";
import { relations, type Relation, type RelationName } from "../domain/relations.js";

/** A node reached through a relationship: its properties, its labels and the relationship's properties. */
export interface Related {
  node: Row;
  labels: string[];
  rel: Row;
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

  async related(name: RelationName, ids: readonly string[]): Promise<Map<string, Related[]>> {
    const query = this.registry.render("relatedAll", relationSlots(relations[name]));
    return groupRelated(await this.executor.read(query, { ids }));
  }

  async relatedPage(
    name: RelationName,
    ids: readonly string[],
    page: { after: string | null; limit: number },
  ): Promise<Map<string, Related[]>> {
    const query = this.registry.render("relatedPage", relationSlots(relations[name]));
    const rows = await this.executor.read(query, { ids, after: page.after, limit: integerParameter(page.limit) });
    return groupRelated(rows);
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

function groupRelated(rows: Row[]): Map<string, Related[]> {
  const groups = new Map<string, Related[]>();
  for (const row of rows) {
    const key = row.key as string;
    const list = groups.get(key) ?? [];
    list.push({ node: row.node as Row, labels: row.labels as string[], rel: row.rel as Row });
    groups.set(key, list);
  }
  return groups;
}
