import type { Row } from "../db/cypher-executor.js";
import { NodeLabel, RelType, SYNTHETIC_LABEL } from "../domain/graph-schema.js";
import { displayLabel, type ViewEdge, type ViewNode } from "../domain/graph-view.js";

/**
 * Turns the maps that the view queries return into view nodes and edges. Queries project a node as
 * `{id: n.id, labels: labels(n), properties: properties(n)}` and a relationship as
 * `{type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}`.
 */
const KINDS = new Set<string>(Object.values(NodeLabel));
const TYPES = new Set<string>(Object.values(RelType));

export function viewNode(row: Row, neighbourCount: number | null = null): ViewNode {
  const id = row.id as string;
  const labels = row.labels as string[];
  const kind = labels.find((label) => KINDS.has(label));
  if (!kind) throw new Error(`node ${id} has none of the model's labels`);
  const properties = { ...(row.properties as Record<string, unknown>) };
  delete properties.id;
  return {
    id,
    kind: kind as NodeLabel,
    label: displayLabel(properties, id),
    synthetic: labels.includes(SYNTHETIC_LABEL),
    properties,
    neighbourCount,
  };
}

/**
 * View edges in a stable order (source, type, target, then sequence and row), each with an id that
 * stays the same for the same graph.
 */
export function viewEdges(rows: readonly Row[]): ViewEdge[] {
  const edges = rows.map((row): ViewEdge => {
    const type = row.type as string;
    if (!TYPES.has(type)) throw new Error(`relationship type ${type} is not in the model`);
    const properties = { ...(row.properties as Record<string, unknown>) };
    const sourceId = (properties.sourceId as string | undefined) ?? null;
    const sourceRow = (properties.sourceRow as number | undefined) ?? null;
    delete properties.sourceId;
    delete properties.sourceRow;
    return { id: "", type: type as RelType, source: row.source as string, target: row.target as string, properties, sourceId, sourceRow };
  });
  edges.sort(compareEdges);
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
    compareText(a.source, b.source) ||
    compareText(a.type, b.type) ||
    compareText(a.target, b.target) ||
    Number(a.properties.seq ?? 0) - Number(b.properties.seq ?? 0) ||
    compareText(String(a.properties.role ?? ""), String(b.properties.role ?? "")) ||
    (a.sourceRow ?? 0) - (b.sourceRow ?? 0) ||
    compareText(a.sourceId ?? "", b.sourceId ?? "")
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
