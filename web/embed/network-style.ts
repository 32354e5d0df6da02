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
    // What an application steering the drawing (the workbench) marks: sizes and colours by a
    // property, pinned nodes, a drawn path, and what is hidden, collapsed or outside a period.
    { selector: "node[size]", style: { width: "data(size)", height: "data(size)" } },
    { selector: "node[fill]", style: { "background-color": "data(fill)" } },
    { selector: "node.pinned", style: { "border-width": 3, "border-style": "double", "border-color": "#2e6fba" } },
    { selector: "edge.path", style: { "line-color": "#f0a202", "target-arrow-color": "#f0a202", width: 3.5, "z-index": 10 } },
    { selector: "node.path", style: { "border-width": 3, "border-color": "#f0a202" } },
    { selector: ".hidden, .collapsed, .out-of-period", style: { display: "none" } },
  ];
}

/** A small SVG of a kind's shape and colour, for the legend. */
export function legendSwatch(kind: string): string {
  const { color, shape } = kindStyle(kind);
  const polygon = (points: [number, number][]) => `<polygon points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")}"/>`;
  const regular = (sides: number, rotation = -Math.PI / 2) =>
    polygon(Array.from({ length: sides }, (_, i) => [6 + 5.5 * Math.cos(rotation + (2 * Math.PI * i) / sides), 6 + 5.5 * Math.sin(rotation + (2 * Math.PI * i) / sides)]));
  const shapes: Record<string, string> = {
    ellipse: `<circle cx="6" cy="6" r="5.5"/>`,
    "round-rectangle": `<rect x="0.5" y="1.5" width="11" height="9" rx="2.5"/>`,
    barrel: `<rect x="1.5" y="0.5" width="9" height="11" rx="3"/>`,
    diamond: regular(4),
    hexagon: regular(6, 0),
    pentagon: regular(5),
    octagon: regular(8, Math.PI / 8),
    "round-triangle": regular(3),
    star: polygon(Array.from({ length: 10 }, (_, i) => {
      const radius = i % 2 === 0 ? 5.8 : 2.4;
      const angle = -Math.PI / 2 + (Math.PI * i) / 5;
      return [6 + radius * Math.cos(angle), 6 + radius * Math.sin(angle)];
    })),
    tag: polygon([[0.5, 1.5], [8, 1.5], [11.5, 6], [8, 10.5], [0.5, 10.5]]),
    "cut-rectangle": polygon([[3, 1.5], [9, 1.5], [11.5, 4], [11.5, 8], [9, 10.5], [3, 10.5], [0.5, 8], [0.5, 4]]),
    rhomboid: polygon([[3, 1.5], [11.5, 1.5], [9, 10.5], [0.5, 10.5]]),
  };
  return `<svg width="12" height="12" viewBox="0 0 12 12" fill="${color}" aria-hidden="true">${shapes[shape] ?? shapes.ellipse}</svg>`;
}
