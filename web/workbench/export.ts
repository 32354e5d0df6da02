/**
 * Exports of what the canvas shows. PNG and SVG carry a legend (kinds and their colours, and the
 * size and colour settings), the filter in force, the date of the export and the sources the drawn
 * edges cite; Cytoscape draws PNG itself, the SVG is written here (Cytoscape has no SVG output, and
 * the one plugin that adds it is GPL). GraphML and CSV come from the API's own exports of the
 * network around what is drawn, kept to the drawn nodes and edges.
 */
import type { Core } from "cytoscape";

import { kindStyle } from "../embed/network-style.js";
import { escapeHtml } from "../shared/graphql-client.js";

export interface ExportNotes {
  /** Lines saying what is shown: the period, what is hidden, size and colour settings. */
  filter: string[];
  /** Extra legend entries (ring colours), label and colour. */
  legend: { label: string; color: string }[];
}

export function visibleElements(core: Core) {
  return core.elements().filter((element) => element.visible());
}

/** Every source the visible edges cite, as "title (id), rows …". */
export function citedSources(core: Core): string[] {
  const rows = new Map<string, { title: string; rows: Set<number> }>();
  visibleElements(core)
    .edges()
    .forEach((edge) => {
      for (const citation of (edge.data("citations") ?? []) as { row: number | null; source: { id: string; title: string } }[]) {
        const entry = rows.get(citation.source.id) ?? { title: citation.source.title, rows: new Set<number>() };
        if (citation.row !== null) entry.rows.add(citation.row);
        rows.set(citation.source.id, entry);
      }
    });
  return [...rows].map(([id, { title, rows: numbers }]) => {
    const list = [...numbers].sort((a, b) => a - b);
    const shown = list.length > 12 ? `${list.slice(0, 12).join(", ")}, … (${list.length} rows)` : list.join(", ");
    return `${title} (${id})${shown ? `, rows ${shown}` : ""}`;
  });
}

function legendEntries(core: Core, notes: ExportNotes): { label: string; color: string }[] {
  const kinds = new Map<string, number>();
  visibleElements(core)
    .nodes()
    .forEach((node) => void kinds.set(node.data("kind"), (kinds.get(node.data("kind")) ?? 0) + 1));
  return [...[...kinds].map(([kind, count]) => ({ label: `${kind} ${count}`, color: kindStyle(kind).color })), ...notes.legend];
}

function footerLines(core: Core, notes: ExportNotes, exportedAt: string): string[] {
  const sources = citedSources(core);
  return [
    `Mekong trafficking graph · investigator's workbench · exported ${exportedAt}`,
    ...notes.filter,
    sources.length ? `Sources: ${sources.join(" · ")}` : "Sources: none cited by the edges shown (citations need the ANALYST role)",
  ];
}

/** Breaks text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if ((line + " " + word).trim().length > width && line !== "") {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** A PNG (data URL) of the visible drawing with its legend, filter, date and sources below it. */
export async function exportPng(core: Core, notes: ExportNotes, exportedAt: string): Promise<string> {
  const picture = core.png({ full: true, scale: 2, bg: "#ffffff", output: "base64uri" });
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the drawing could not be read back"));
    image.src = picture;
  });
  const width = Math.max(image.width, 1200);
  const legend = legendEntries(core, notes);
  const text = footerLines(core, notes, exportedAt).flatMap((line) => wrap(line, Math.floor(width / 14)));
  const footer = 40 + Math.ceil(legend.length / 4) * 30 + text.length * 28 + 20;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = image.height + footer;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, (width - image.width) / 2, 0);
  context.fillStyle = "#e4e7eb";
  context.fillRect(0, image.height, width, 2);
  let y = image.height + 34;
  context.font = "22px system-ui, sans-serif";
  legend.forEach((entry, index) => {
    const x = 24 + (index % 4) * (width / 4);
    if (index > 0 && index % 4 === 0) y += 30;
    context.fillStyle = entry.color;
    context.beginPath();
    context.arc(x + 9, y - 7, 9, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = "#1f2933";
    context.fillText(entry.label, x + 26, y);
  });
  y += 36;
  context.font = "20px system-ui, sans-serif";
  for (const line of text) {
    context.fillStyle = "#1f2933";
    context.fillText(line, 24, y);
    y += 28;
  }
  return canvas.toDataURL("image/png");
}

/** An SVG document of the visible drawing: edges as lines, nodes as circles with their captions, then the legend and notes. */
export function exportSvg(core: Core, notes: ExportNotes, exportedAt: string): string {
  const visible = visibleElements(core);
  const box = visible.nodes().boundingBox({ includeLabels: true });
  const pad = 30;
  const width = Math.max(600, Math.ceil(box.w + 2 * pad));
  const x = (value: number) => (value - box.x1 + pad).toFixed(1);
  const y = (value: number) => (value - box.y1 + pad).toFixed(1);
  const legend = legendEntries(core, notes);
  const text = footerLines(core, notes, exportedAt).flatMap((line) => wrap(line, Math.floor(width / 7)));
  const drawingHeight = Math.ceil(box.h + 2 * pad);
  const height = drawingHeight + 30 + Math.ceil(legend.length / 4) * 18 + text.length * 16 + 20;
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa5b1"/></marker></defs>`,
  ];
  visible.edges().forEach((edge) => {
    const [source, target] = [edge.source().position(), edge.target().position()];
    const onPath = edge.hasClass("path");
    parts.push(
      `<line x1="${x(source.x)}" y1="${y(source.y)}" x2="${x(target.x)}" y2="${y(target.y)}" stroke="${onPath ? "#f0a202" : "#9aa5b1"}" stroke-width="${onPath ? 3 : 1.2}" marker-end="url(#arrow)"><title>${escapeHtml(edge.data("type"))}</title></line>`,
    );
  });
  visible.nodes().forEach((node) => {
    const { x: nx, y: ny } = node.position();
    const radius = node.width() / 2;
    const fill = node.data("fill") ?? node.data("color");
    parts.push(
      `<g><circle cx="${x(nx)}" cy="${y(ny)}" r="${radius.toFixed(1)}" fill="${escapeHtml(fill)}" stroke="${node.hasClass("path") ? "#f0a202" : "#1f2933"}" stroke-width="${node.hasClass("path") ? 3 : 1}"/>` +
        `<text x="${x(nx)}" y="${(Number(y(ny)) + radius + 11).toFixed(1)}" font-size="9" text-anchor="middle" fill="#1f2933">${escapeHtml(node.data("caption") ?? node.id())}</text></g>`,
    );
  });
  let ly = drawingHeight + 20;
  legend.forEach((entry, index) => {
    if (index > 0 && index % 4 === 0) ly += 18;
    const lx = 12 + (index % 4) * (width / 4);
    parts.push(`<circle cx="${lx + 5}" cy="${ly - 4}" r="5" fill="${escapeHtml(entry.color)}"/><text x="${lx + 14}" y="${ly}" font-size="11">${escapeHtml(entry.label)}</text>`);
  });
  ly += 22;
  for (const line of text) {
    parts.push(`<text x="12" y="${ly}" font-size="11" fill="#1f2933">${escapeHtml(line)}</text>`);
    ly += 16;
  }
  parts.push("</svg>", "");
  return parts.join("\n");
}

/** The API's GraphML kept to the drawn nodes and edges (its keys stay declared). */
export function keepGraphml(graphml: string, nodeIds: Set<string>, edgeIds: Set<string>): string {
  const document = new DOMParser().parseFromString(graphml, "application/xml");
  for (const node of [...document.getElementsByTagName("node")]) if (!nodeIds.has(node.getAttribute("id") ?? "")) node.remove();
  for (const edge of [...document.getElementsByTagName("edge")]) if (!edgeIds.has(edge.getAttribute("id") ?? "")) edge.remove();
  return new XMLSerializer().serializeToString(document);
}

/** The API's CSV (RFC 4180, first column the id) kept to the rows whose id is drawn. */
export function keepCsv(csv: string, ids: Set<string>): string {
  const rows = splitRows(csv);
  const kept = rows.filter((row, index) => index === 0 || ids.has(firstCell(row)));
  return kept.join("\n") + "\n";
}

/** Rows of a CSV text, a quoted cell's line breaks kept inside its row. */
function splitRows(csv: string): string[] {
  const rows: string[] = [];
  let row = "";
  let quoted = false;
  for (const char of csv) {
    if (char === '"') quoted = !quoted;
    if (char === "\n" && !quoted) {
      if (row !== "") rows.push(row);
      row = "";
    } else row += char;
  }
  if (row !== "") rows.push(row);
  return rows;
}

function firstCell(row: string): string {
  if (!row.startsWith('"')) {
    const cell = row.split(",")[0];
    // A cell made safe for spreadsheets starts with an apostrophe.
    return cell.startsWith("'") ? cell.slice(1) : cell;
  }
  let cell = "";
  for (let index = 1; index < row.length; index += 1) {
    if (row[index] === '"') {
      if (row[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else break;
    } else cell += row[index];
  }
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Saves text as a file. */
export function saveText(text: string, type: string, fileName: string): void {
  saveUrl(`data:${type};charset=utf-8,${encodeURIComponent(text)}`, fileName);
}

export function saveUrl(url: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
}
