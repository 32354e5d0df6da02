import { stringify } from "csv-stringify/sync";

import { citationsText, type ViewEdge, type ViewNode } from "../domain/graph-view.js";

/**
 * A drawn network as two CSV files, for Gephi's spreadsheet import, i2 or a spreadsheet. Headers
 * follow Gephi's conventions where it has them:
 * - nodes: `Id`, `Label`, then `kind`, `synthetic`, `neighbourCount` (hubs), `properties` (JSON);
 * - edges: `Id`, `Source`, `Target`, `Type` (Gephi's direction: always `Directed`, the direction
 *   the graph stores), `Label` (the relationship type, such as PARTY_TO), `sourceId`, `sourceRow`
 *   (the first citation), `citations` (every source row that states the edge's fact: `sourceId:row`
 *   pairs joined with `;`, as `citationsText` writes them), `properties` (JSON). One row per edge,
 *   and a network's edge is one fact however many source rows state it.
 * RFC 4180 quoting, `\n` line ends, UTF-8 without a byte order mark; properties as JSON with sorted
 * keys. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR: a
 * name or phone number from a source is untrusted text) gets a leading apostrophe, in every column
 * alike, so ids still match between the two files. Pure: the same lists give the same bytes.
 */
export interface NetworkCsvFiles {
  nodes: string;
  edges: string;
}

export function toNetworkCsv(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): NetworkCsvFiles {
  return {
    nodes: csv(
      ["Id", "Label", "kind", "synthetic", "neighbourCount", "properties"],
      nodes.map((node) => [node.id, node.label, node.kind, node.synthetic, node.neighbourCount, json(node.properties)]),
    ),
    edges: csv(
      ["Id", "Source", "Target", "Type", "Label", "sourceId", "sourceRow", "citations", "properties"],
      edges.map((edge) => [
        edge.id, edge.source, edge.target, "Directed", edge.type, edge.sourceId, edge.sourceRow, citationsText(edge), json(edge.properties),
      ]),
    ),
  };
}

function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows.map((row) => row.map(cell))], { record_delimiter: "\n" });
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** JSON with keys in sorted order, so the same properties always give the same text. */
function json(properties: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(sorted);
}
