import type { NodeMap, RelationshipMap } from "../db/query-types.js";
import { NodeLabel, RelType, SYNTHETIC_LABEL } from "../domain/graph-schema.js";
import { displayLabel, type EdgeCitation, type ViewEdge, type ViewNode } from "../domain/graph-view.js";
import { factProperties } from "../domain/relation-facts.js";
import { relations, type RelationName } from "../domain/relations.js";

/**
 * Turns the maps that the view queries return into view nodes and edges. Queries project a node as
 * `{id: n.id, labels: labels(n), properties: properties(n)}` and a relationship as
 * `{type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}`.
 */
const KINDS = new Set<string>(Object.values(NodeLabel));
const TYPES = new Set<string>(Object.values(RelType));

const isNodeLabel = (label: string): label is NodeLabel => KINDS.has(label);
const isRelType = (type: string): type is RelType => TYPES.has(type);

export function viewNode(node: NodeMap, neighbourCount: number | null = null): ViewNode {
  const { id, labels } = node;
  const kind = labels.find(isNodeLabel);
  if (!kind) throw new Error(`node ${id} has none of the model's labels`);
  const properties: Record<string, unknown> = { ...node.properties };
  delete properties.id;
  return {
    id,
    kind,
    label: displayLabel(properties, id),
    synthetic: labels.includes(SYNTHETIC_LABEL),
    properties,
    neighbourCount,
  };
}

/**
 * View edges, one per relationship, in a stable order (source, type, target, then sequence and row),
 * each with an id that stays the same for the same graph. A path's hop shows each of its parallel
 * relationships this way.
 */
export function viewEdges(rows: readonly RelationshipMap[]): ViewEdge[] {
  const edges = rows.map(relationshipEdge);
  edges.sort(compareEdges);
  return numbered(edges);
}

/**
 * View edges, one per fact: the import writes a relationship once per source row that states it, so
 * parallel relationships with the same source, type, target and distinguishing properties (those of
 * `FACT_PROPERTIES`: a stop's seq and role, a party's or an office's role, an arrest's charge and
 * outcome) are one edge, citing every source and row of them (`citations`, by source id then row).
 * The edge's properties are those of its first relationship (by source id, then row): text as a
 * source wrote it (`placeText`) never tells facts apart. Ordered by source, type, target, then seq,
 * role and the other distinguishing properties; ids as `viewEdges` gives them.
 */
export function factEdges(rows: readonly RelationshipMap[]): ViewEdge[] {
  const facts = new Map<string, ViewEdge[]>();
  for (const edge of rows.map(relationshipEdge)) {
    const key = JSON.stringify([edge.source, edge.type, edge.target, distinguishingValues(edge)]);
    const statements = facts.get(key);
    if (statements) statements.push(edge);
    else facts.set(key, [edge]);
  }
  const edges = [...facts.values()].map((statements): ViewEdge => {
    statements.sort(compareCitations);
    const citations = uniqueCitations(statements);
    return { ...statements[0], sourceId: citations[0]?.sourceId ?? null, sourceRow: citations[0]?.sourceRow ?? null, citations };
  });
  edges.sort((a, b) => compareFacts(a, b) || compareCitations(a, b));
  return numbered(edges);
}

/**
 * The relationship properties that tell two facts of a type apart: those that src/domain/relation-facts.ts
 * names for the relationship fields of that type (a type's fields in both directions, together).
 */
export const FACT_PROPERTIES: ReadonlyMap<RelType, readonly string[]> = (() => {
  const byType = new Map<RelType, readonly string[]>();
  for (const [name, properties] of Object.entries(factProperties) as [RelationName, readonly string[]][]) {
    const type = relations[name].type;
    byType.set(type, [...new Set([...(byType.get(type) ?? []), ...properties])].sort());
  }
  return byType;
})();

function distinguishingValues(edge: ViewEdge): unknown[] {
  return (FACT_PROPERTIES.get(edge.type) ?? []).map((property) => edge.properties[property] ?? null);
}

function relationshipEdge(row: RelationshipMap): ViewEdge {
  const { type, source, target } = row;
  if (!isRelType(type)) throw new Error(`relationship type ${type} is not in the model`);
  const { sourceId: storedSourceId, sourceRow: storedSourceRow, ...properties } = row.properties;
  // The import writes both on every relationship; one made otherwise may have neither.
  const sourceId = typeof storedSourceId === "string" ? storedSourceId : null;
  const sourceRow = typeof storedSourceRow === "number" ? storedSourceRow : null;
  const citations: EdgeCitation[] = sourceId === null ? [] : [{ sourceId, sourceRow }];
  return { id: "", type, source, target, properties, sourceId, sourceRow, citations };
}

/** Each source and row once, in the order of the statements. */
function uniqueCitations(statements: readonly ViewEdge[]): EdgeCitation[] {
  const seen = new Map<string, EdgeCitation>();
  for (const { sourceId, sourceRow } of statements) {
    if (sourceId !== null) seen.set(JSON.stringify([sourceId, sourceRow]), { sourceId, sourceRow });
  }
  return [...seen.values()];
}

/** Ids `source|TYPE|target`, with `|n` for the n-th (from 0) further edge of the same triple, in the edges' order. */
function numbered(edges: ViewEdge[]): ViewEdge[] {
  const seen = new Map<string, number>();
  for (const edge of edges) {
    const base = `${edge.source}|${edge.type}|${edge.target}`;
    const index = seen.get(base) ?? 0;
    seen.set(base, index + 1);
    edge.id = index === 0 ? base : `${base}|${index}`;
  }
  return edges;
}

/** The order of nodes within one distance from the seeds: by kind, then id (code unit order, as Cypher's). */
export function compareViewNodes(a: ViewNode, b: ViewNode): number {
  return compareText(a.kind, b.kind) || compareText(a.id, b.id);
}

function compareEdges(a: ViewEdge, b: ViewEdge): number {
  return (
    compareTriples(a, b) ||
    compareText(String(a.properties.role ?? ""), String(b.properties.role ?? "")) ||
    (a.sourceRow ?? 0) - (b.sourceRow ?? 0) ||
    compareText(a.sourceId ?? "", b.sourceId ?? "")
  );
}

function compareTriples(a: ViewEdge, b: ViewEdge): number {
  return (
    compareText(a.source, b.source) ||
    compareText(a.type, b.type) ||
    compareText(a.target, b.target) ||
    Number(a.properties.seq ?? 0) - Number(b.properties.seq ?? 0)
  );
}

/** Facts of one triple by seq, role, then their other distinguishing properties. */
function compareFacts(a: ViewEdge, b: ViewEdge): number {
  return (
    compareTriples(a, b) ||
    compareText(String(a.properties.role ?? ""), String(b.properties.role ?? "")) ||
    compareText(JSON.stringify(distinguishingValues(a)), JSON.stringify(distinguishingValues(b)))
  );
}

/** By source id, then row; a relationship without a source last. */
function compareCitations(a: ViewEdge, b: ViewEdge): number {
  if (a.sourceId === null || b.sourceId === null) return Number(a.sourceId === null) - Number(b.sourceId === null);
  return compareText(a.sourceId, b.sourceId) || (a.sourceRow ?? 0) - (b.sourceRow ?? 0);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
