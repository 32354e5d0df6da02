/**
 * The investigator's workbench: a canvas (<trafficking-network>) steered from panels. Search puts
 * entities on the canvas; Expand adds a node's neighbours by relationship type; Hide, Remove, Pin
 * and Collapse act on the selection, and every change of the drawing can be undone and redone;
 * Path draws the shortest paths between two selected nodes with each hop's citations; the timeline
 * shows what the drawing holds in time, and a period brushed on it filters the canvas; the detail
 * panel shows a node's or an edge's properties and sources. Everything shown comes from the API
 * for the credential of this browser, so each panel shows what that role may see and no more.
 */
import type { EventObject } from "cytoscape";

import "../embed/network.js";
import { scheduleRestyle } from "./appearance.js";
import { showDetail } from "./details.js";
import { exportAs } from "./export-actions.js";
import { $, canvas, core, history, RELATIONSHIP_TYPES, say } from "./page.js";
import { drawPaths } from "./paths.js";
import { applyPeriod, refreshTimeline, timeline, toggleTimeline } from "./period.js";
import "./search.js";
import { act, registerActions, selectedNodes } from "./selection-actions.js";
import { useCredential } from "./sign-in.js";
import { renderWorkspaces } from "./workspaces.js";

$("#actions").addEventListener("click", (event) => {
  const action = (event.target as HTMLElement).closest("button")?.dataset.act;
  if (!action) return;
  if (action === "path") void drawPaths(selectedNodes().map((node) => node.id()));
  else if (action === "timeline") void toggleTimeline();
  else if (["png", "svg", "graphml", "csv"].includes(action)) void exportAs(action);
  else void act(action);
});

$<HTMLSelectElement>("#expand-type").innerHTML =
  `<option value="">every relationship</option>` + RELATIONSHIP_TYPES.map((type) => `<option value="${type}">${type}</option>`).join("");

canvas.addEventListener("network-load", () => {
  const cy = core();
  const ur = history();
  if (!cy || !ur) return;
  registerActions(ur, cy);
  cy.on("select unselect", () => showDetail());
  cy.on("tap", (event: EventObject) => {
    if (event.target === cy) showDetail();
  });
});
canvas.addEventListener("network-change", () => {
  showDetail();
  scheduleRestyle();
  if (timeline.current) applyPeriod(timeline.current);
  void refreshTimeline();
});
canvas.addEventListener("network-captions", () => showDetail());
canvas.addEventListener("network-error", (event) => say((event as CustomEvent).detail.message, true));

renderWorkspaces();
void useCredential();
