/** The detail panel: the selected node's or edge's properties and the sources its edges cite. */
import type { NodeSingular } from "cytoscape";

import { escapeHtml } from "../shared/graphql-client.js";
import { $, caption, citationsOf, core, counts, session } from "./page.js";

function value(text: unknown): string {
  return escapeHtml(Array.isArray(text) ? text.join(", ") : typeof text === "object" && text !== null ? JSON.stringify(text) : String(text));
}

export function showDetail(): void {
  const cy = core();
  const box = $("#detail");
  const element = cy?.elements(":selected").last();
  if (!cy || !element || element.empty()) {
    box.innerHTML = `<p class="note">Select a node or an edge.</p>`;
    return;
  }
  const data = element.data();
  const rows = Object.entries((data.properties ?? {}) as Record<string, unknown>)
    .filter(([key, entry]) => key !== "searchText" && entry !== null && entry !== "" && !(Array.isArray(entry) && entry.length === 0))
    .map(([key, entry]) => `<dt>${escapeHtml(key)}</dt><dd>${value(entry)}</dd>`);
  let head: string;
  let sources: string[];
  if (element.isNode()) {
    head = `<h3>${escapeHtml(data.title ?? data.label)}</h3><div class="kind">${escapeHtml(data.kind)} · <code>${escapeHtml(data.id)}</code>${data.synthetic ? " · synthetic" : ""}</div>`;
    const counted = counts.get(data.id);
    if (counted) rows.push(`<dt>seizures</dt><dd>${counted.seizureCount}</dd><dt>shipments</dt><dd>${counted.shipmentCount}</dd>`);
    if (data.neighbourCount !== null && data.neighbourCount !== undefined) rows.push(`<dt>neighbours</dt><dd>${data.neighbourCount}${data.hub ? " (a hub: Expand adds them)" : ""}</dd>`);
    rows.push(`<dt>links drawn</dt><dd>${(element as NodeSingular).degree(false)}</dd>`);
    sources = citationsOf((element as NodeSingular).connectedEdges());
  } else {
    head = `<h3>${escapeHtml(data.type)}</h3><div class="kind">${escapeHtml(caption(data.source))} → ${escapeHtml(caption(data.target))}</div>`;
    sources = citationsOf(element as cytoscape.EdgeCollection);
  }
  const sourceList = sources.length
    ? `<ul class="sources">${sources.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`
    : `<p class="note">${session.clearance.analyst ? "No source cited by the edges drawn." : "Sources are shown from the ANALYST role up."}</p>`;
  box.innerHTML = `${head}<dl>${rows.join("")}</dl><h2>Sources</h2>${sourceList}`;
}
