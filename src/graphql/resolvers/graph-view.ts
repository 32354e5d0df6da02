import type { ViewEdge, ViewNode } from "../../domain/graph-view.js";
import type { GraphEdge, GraphNode } from "../types/graph-view.type.js";

/** View nodes and edges as the GraphQL types: an edge's source record becomes its citation. */
export function graphNode(node: ViewNode): GraphNode {
  return node;
}

export function graphEdge(edge: ViewEdge): GraphEdge {
  return { ...edge, citation: edge.sourceId ? { sourceId: edge.sourceId, row: edge.sourceRow } as GraphEdge["citation"] : null };
}
