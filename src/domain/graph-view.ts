import type { NodeLabel, RelType } from "./graph-schema.js";

/**
 * A piece of the graph as plain data, shaped for drawing (Cytoscape-style `nodes` and `edges`)
 * and for export. `network` and `connections` both answer with these.
 */
export interface ViewNode {
  id: string;
  kind: NodeLabel;
  /** What to print on the node: a name, a scientific name, an identifier's value, or else the id. */
  label: string;
  synthetic: boolean;
  properties: Record<string, unknown>;
  /** For a hub shown but not expanded: how many distinct nodes it neighbours (see the network field). Null when it was expanded or not a hub. */
  neighbourCount: number | null;
}

/** A source that states an edge's fact (`sourceId`) and its row there, when recorded. */
export interface EdgeCitation {
  sourceId: string;
  sourceRow: number | null;
}

/**
 * An edge: one relationship (a path's hop), or one fact that several parallel relationships state
 * (a network; the import writes a relationship once per source row).
 */
export interface ViewEdge {
  /** Stable for one graph: `source|TYPE|target`, with `|n` added when the same pair has several of a type. */
  id: string;
  type: RelType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  /** The Source the (first) relationship came from (`sourceId`) and its row, when recorded. */
  sourceId: string | null;
  sourceRow: number | null;
  /**
   * Every source and row that states the edge, by source id then row; the first is `sourceId` and
   * `sourceRow`. When absent, the edge is one relationship and `sourceId`/`sourceRow` its citation.
   */
  citations?: EdgeCitation[];
}

/** Bounds of the network root field: seeds per request, depth, nodes, and the largest hub threshold. */
export const MAX_NETWORK_SEEDS = 20;
export const MAX_NETWORK_DEPTH = 3;
export const MAX_NETWORK_LIMIT = 2000;
export const MAX_HUB_THRESHOLD = 10_000;

const LABEL_PROPERTIES = ["name", "scientificName", "value", "title"] as const;

/** The text to print on a node of a kind. */
export function displayLabel(properties: Record<string, unknown>, id: string): string {
  for (const key of LABEL_PROPERTIES) {
    const value = properties[key];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return id;
}

/**
 * An edge's citations as one text, for the GraphML and CSV exports: `sourceId:row` pairs joined with
 * `;` (just `sourceId` where no row is recorded), by source id then row. Source ids hold only
 * lower-case letters, digits and `-`, so the text splits back without ambiguity. Empty for none.
 */
export function citationsText(edge: Pick<ViewEdge, "citations" | "sourceId" | "sourceRow">): string {
  const citations = edge.citations ?? (edge.sourceId === null ? [] : [{ sourceId: edge.sourceId, sourceRow: edge.sourceRow }]);
  return citations.map(({ sourceId, sourceRow }) => (sourceRow === null ? sourceId : `${sourceId}:${sourceRow}`)).join(";");
}
