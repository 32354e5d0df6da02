import { citationsText, type ViewEdge, type ViewNode } from "../domain/graph-view.js";

/**
 * A drawn network as GraphML (http://graphml.graphdrawing.org), which Gephi, yEd, Cytoscape desktop
 * and networkx read. Every node keeps its id; its kind, label, synthetic flag, neighbour count (hubs)
 * and stored properties become <data> under declared <key>s, and so do an edge's type, source records
 * and properties. Pure: the same lists give the same bytes.
 *
 * - An edge is one fact (a network's edges: however many source rows state it). `sourceId` and
 *   `sourceRow` are its first citation; `citations` all of them, as `citationsText` writes them:
 *   `sourceId:row` pairs joined with `;` (`src-a:11;src-b:22`), left out when there are none.
 *
 * - Types: a property whose values are all booleans is `boolean`, all whole numbers `long`, all
 *   numbers `double`; anything else (and lists, joined with ";") is `string`.
 * - A property named like one of the view's own attributes (`kind` of a company or place, ...) is
 *   declared as `properties.<name>`, so both survive in a spreadsheet-like attribute table.
 * - Ids are written as they are. Ids with spaces (addresses) are fine for those tools, though a
 *   strict XSD check of GraphML (ids as NMTOKEN) would reject them.
 * - Characters XML 1.0 cannot hold (control characters, lone surrogates) become U+FFFD.
 */
export function toGraphml(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): string {
  const nodeKeys = declareKeys("node", "n", NODE_ATTRIBUTES, nodes.map((node) => node.properties));
  const edgeKeys = declareKeys("edge", "e", EDGE_ATTRIBUTES, edges.map((edge) => edge.properties));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map(keyLine),
    ...edgeKeys.map(keyLine),
    '  <graph id="network" edgedefault="directed">',
  ];
  for (const node of nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    const own = { label: node.label, kind: node.kind, synthetic: node.synthetic, neighbourCount: node.neighbourCount };
    lines.push(...dataLines(nodeKeys, own, node.properties));
    lines.push("    </node>");
  }
  for (const edge of edges) {
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`);
    const citations = citationsText(edge);
    const own = { type: edge.type, sourceId: edge.sourceId, sourceRow: edge.sourceRow, citations: citations === "" ? null : citations };
    lines.push(...dataLines(edgeKeys, own, edge.properties));
    lines.push("    </edge>");
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

type GraphmlType = "boolean" | "long" | "double" | "string";

interface Key {
  id: string;
  for: "node" | "edge";
  /** The attribute's name in the file. */
  name: string;
  /** Where the value comes from: one of the element's own fields, or one of its properties. */
  own: boolean;
  field: string;
  type: GraphmlType;
}

const NODE_ATTRIBUTES: readonly (readonly [string, GraphmlType])[] = [
  ["label", "string"],
  ["kind", "string"],
  ["synthetic", "boolean"],
  ["neighbourCount", "long"],
];
const EDGE_ATTRIBUTES: readonly (readonly [string, GraphmlType])[] = [
  ["type", "string"],
  ["sourceId", "string"],
  ["sourceRow", "long"],
  ["citations", "string"],
];

function declareKeys(
  domain: "node" | "edge",
  prefix: string,
  attributes: readonly (readonly [string, GraphmlType])[],
  propertyMaps: readonly Record<string, unknown>[],
): Key[] {
  const keys: Key[] = attributes.map(([name, type]) => ({ id: "", for: domain, name, own: true, field: name, type }));
  const reserved = new Set(attributes.map(([name]) => name));
  const values = new Map<string, unknown[]>();
  for (const properties of propertyMaps) {
    for (const [name, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      const list = values.get(name) ?? [];
      list.push(value);
      values.set(name, list);
    }
  }
  for (const name of [...values.keys()].sort()) {
    const fileName = reserved.has(name) ? `properties.${name}` : name;
    keys.push({ id: "", for: domain, name: fileName, own: false, field: name, type: typeOf(values.get(name)!) });
  }
  keys.forEach((key, index) => (key.id = `${prefix}${index}`));
  return keys;
}

function typeOf(values: readonly unknown[]): GraphmlType {
  if (values.every((value) => typeof value === "boolean")) return "boolean";
  if (values.every((value) => typeof value === "number" && Number.isInteger(value))) return "long";
  if (values.every((value) => typeof value === "number")) return "double";
  return "string";
}

function keyLine(key: Key): string {
  return `  <key id="${key.id}" for="${key.for}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`;
}

function dataLines(keys: readonly Key[], own: Record<string, unknown>, properties: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = key.own ? own[key.field] : properties[key.field];
    if (value === null || value === undefined) continue;
    lines.push(`      <data key="${key.id}">${escapeXml(text(value))}</data>`);
  }
  return lines;
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(";");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// Outside XML 1.0's Char production: C0 controls but tab, LF, CR; lone surrogates; U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, "\uFFFD").replace(/[&<>"']/g, (char) => XML_ENTITIES[char]);
}
