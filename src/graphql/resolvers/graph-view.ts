import type { ViewEdge, ViewNode } from "../../domain/graph-view.js";
import type { GraphEdge, GraphNode } from "../types/graph-view.type.js";
import type { Citation } from "../types/source.type.js";

/** View nodes and edges as the GraphQL types: an edge's source records become its citations. */
export function graphNode(node: ViewNode): GraphNode {
  return node;
}

export function graphEdge(edge: ViewEdge): GraphEdge {
  // An edge without `citations` is one relationship: its own source record is its one citation.
  const records = edge.citations ?? (edge.sourceId === null ? [] : [{ sourceId: edge.sourceId, sourceRow: edge.sourceRow }]);
  const citations = records.map(({ sourceId, sourceRow }) => ({ sourceId, row: sourceRow }) as Citation);
  return { ...edge, citations, citation: citations[0] ?? null };
}
