import type { StylesheetJson } from "cytoscape";

/** How each kind of entity is drawn: one colour and one shape per kind, and the legend's order. */
export const KIND_STYLES: Record<string, { color: string; shape: string }> = {
  Person: { color: "#d1495b", shape: "ellipse" },
  Company: { color: "#2e6fba", shape: "round-rectangle" },
  Identifier: { color: "#8d6cc4", shape: "diamond" },
  Shipment: { color: "#e59a1e", shape: "hexagon" },
  Seizure: { color: "#9b2226", shape: "star" },
  CommodityLine: { color: "#7d8b91", shape: "barrel" },
  Species: { color: "#2a9d5c", shape: "round-triangle" },
  Place: { color: "#1597a5", shape: "pentagon" },
  Country: { color: "#52606d", shape: "octagon" },
  Carrier: { color: "#a0612d", shape: "tag" },
  TradeRecord: { color: "#b59b4c", shape: "cut-rectangle" },
  Source: { color: "#9aa5b1", shape: "rhomboid" },
};

const FALLBACK = { color: "#666666", shape: "ellipse" };

export function kindStyle(kind: string): { color: string; shape: string } {
  return KIND_STYLES[kind] ?? FALLBACK;
}

export function networkStylesheet(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        shape: "data(shape)" as never,
        label: "data(caption)",
        "font-size": 9,
        "font-family": "system-ui, sans-serif",
        color: "#1f2933",
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": "120px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": "1px",
        width: 22,
        height: 22,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    { selector: "node[?seed]", style: { width: 32, height: 32, "border-width": 3, "border-color": "#1f2933", "font-weight": "bold" } },
    { selector: "node[?hub]", style: { "border-width": 3, "border-style": "dashed", "border-color": "#1f2933" } },
    { selector: "node[?expanded]", style: { "border-width": 2, "border-color": "#1f2933" } },
    { selector: "node:selected", style: { "overlay-color": "#f7c948", "overlay-opacity": 0.35, "overlay-padding": 6 } },
    {
      selector: "edge",
      style: {
        width: 1.2,
        "line-color": "#9aa5b1",
        "target-arrow-color": "#9aa5b1",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.7,
        "curve-style": "bezier",
        label: "data(type)",
        "font-size": 6,
        "font-family": "system-ui, sans-serif",
        color: "#52606d",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
      },
    },
    { selector: "edge[type = 'BORDERS']", style: { "target-arrow-shape": "none", "line-style": "dotted" } },
    { selector: ".hovered", style: { "overlay-color": "#3e4c59", "overlay-opacity": 0.15, "overlay-padding": 4 } },
  ];
}
