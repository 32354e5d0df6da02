/** The paths panel: the shortest paths between two selected nodes, drawn and listed with each hop's citations. */
import type { NetworkEdge, NetworkNode } from "../embed/network.js";
import { escapeHtml, GraphQLRequestError } from "../shared/graphql-client.js";
import * as api from "./api.js";
import { $, canvas, caption, core, problem, say } from "./page.js";

export async function drawPaths(ids: string[]): Promise<void> {
  const cy = core();
  const box = $("#paths");
  if (!cy) return;
  if (ids.length !== 2) return say("Select exactly two nodes (Shift+click the second) to draw the paths between them.", true);
  box.innerHTML = `<p class="note">Looking for paths…</p>`;
  let paths: api.Path[];
  try {
    paths = await api.connections(ids[0], ids[1]);
  } catch (error) {
    box.innerHTML = `<p class="note">No paths: ${escapeHtml(error instanceof GraphQLRequestError ? `${error.message} (${error.code})` : "the request failed")}</p>`;
    return problem(error, "Paths");
  }
  cy.elements(".path").removeClass("path");
  if (paths.length === 0) {
    box.innerHTML = `<p class="note">${escapeHtml(caption(ids[0]))} and ${escapeHtml(caption(ids[1]))} are not connected within 6 steps.</p>`;
    return;
  }
  // A hop already drawn as a fact of the network is the same edge; the others are added.
  const drawnEdge = (edge: { source: string; type: string; target: string }) =>
    cy.edges().filter((other) => other.data("source") === edge.source && other.data("target") === edge.target && other.data("type") === edge.type);
  const nodes = new Map<string, NetworkNode>();
  const edges: NetworkEdge[] = [];
  for (const path of paths) {
    for (const node of path.nodes) nodes.set(node.id, node);
    for (const edge of path.edges) if (drawnEdge(edge).empty() && !edges.some((other) => other.id === edge.id)) edges.push(edge);
  }
  canvas.addGraph([...nodes.values()], edges);
  for (const path of paths) {
    for (const node of path.nodes) cy.getElementById(node.id).addClass("path");
    for (const edge of path.edges) {
      const drawn = drawnEdge(edge);
      (drawn.nonempty() ? drawn : cy.getElementById(edge.id)).addClass("path");
    }
  }
  box.innerHTML = paths
    .map((path, index) => {
      const hops = path.hops
        .map((hop) => {
          const arrow = hop.forward ? `—${hop.edge.type}→` : `←${hop.edge.type}—`;
          const cites = hop.citations.length
            ? hop.citations.map((citation) => `${citation.source.title}${citation.row === null ? "" : `, row ${citation.row}`}`).join("; ")
            : "no source recorded";
          return `<li><b>${escapeHtml(caption(hop.from))}</b> ${arrow} <b>${escapeHtml(caption(hop.to))}</b>${hop.date ? ` · ${hop.date}` : ""}<br><span class="note">Source: ${escapeHtml(cites)}</span></li>`;
        })
        .join("");
      return `<div class="path-block" data-path="${index}"><b>Path ${index + 1}</b> · ${path.length} step${path.length === 1 ? "" : "s"}<ul class="hops">${hops}</ul></div>`;
    })
    .join("");
  say(`${paths.length} shortest path${paths.length === 1 ? "" : "s"} drawn between ${caption(ids[0])} and ${caption(ids[1])}.`);
}
