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
  /** For a hub shown but not expanded: how many relationships it has (see the network field). Null when it was expanded or not a hub. */
  neighbourCount: number | null;
}

export interface ViewEdge {
  /** Stable for one graph: `source|TYPE|target`, with `|n` added when the same pair has several of a type. */
  id: string;
  type: RelType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  /** The Source the relationship came from (`sourceId`) and its row, when recorded. */
  sourceId: string | null;
  sourceRow: number | null;
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
