/** The export buttons: PNG and SVG drawn here, GraphML and CSV from the API, each of what is shown. */
import type { NodeSingular } from "cytoscape";

import * as api from "./api.js";
import { exportPng, exportSvg, keepCsv, keepGraphml, saveText, saveUrl, visibleElements, type ExportNotes } from "./export.js";
import { $, core, problem, RING_COLOURS, say, session } from "./page.js";
import { timeline } from "./period.js";

function exportNotes(): ExportNotes {
  const cy = core()!;
  const period = timeline.current;
  const hidden = cy.nodes().filter((node) => !node.visible()).length;
  const filter = [
    period ? `Period: ${period.from} to ${period.to} (seizures and shipments dated outside it are left out)` : "Period: all dates",
    `${visibleElements(cy).nodes().length} nodes and ${visibleElements(cy).edges().length} edges shown${hidden ? `, ${hidden} nodes hidden` : ""}`,
    `Size: ${$<HTMLSelectElement>("#size-by").selectedOptions[0].text} · colour: ${$<HTMLSelectElement>("#colour-by").selectedOptions[0].text}`,
    `Viewer's role: ${api.roleName(session.clearance)}`,
  ];
  const legend: ExportNotes["legend"] = [];
  if ($<HTMLSelectElement>("#colour-by").value === "ring" && session.ringOf) {
    const ranks = new Set(cy.nodes().filter((node) => node.visible() && session.ringOf!.has(node.id())).map((node) => session.ringOf!.get(node.id())!));
    for (const rank of [...ranks].sort((a, b) => a - b)) legend.push({ label: `ring ${rank}`, color: RING_COLOURS[(rank - 1) % RING_COLOURS.length] });
  }
  return { filter, legend };
}

// --- exports --------------------------------------------------------------------------------

export async function exportAs(format: string): Promise<void> {
  const cy = core();
  if (!cy || cy.nodes().empty()) return say("Nothing to export: the canvas is empty.", true);
  const now = new Date();
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, "-");
  const at = `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (format === "png") {
    saveUrl(await exportPng(cy, exportNotes(), at), `workbench-${stamp}.png`);
    return say("PNG saved, with its legend, filter, date and sources.");
  }
  if (format === "svg") {
    saveText(exportSvg(cy, exportNotes(), at), "image/svg+xml", `workbench-${stamp}.svg`);
    return say("SVG saved, with its legend, filter, date and sources.");
  }
  // The API exports the network around at most 20 entities: the ones searched, expanded or on a path first.
  const visible = visibleElements(cy);
  const ranked = visible.nodes().sort((a, b) => Number(anchor(b)) - Number(anchor(a)));
  const anchors = ranked.map((node) => node.id()).slice(0, 20);
  const types = [...new Set(visible.edges().map((edge) => edge.data("type") as string))];
  try {
    const answer = await api.networkExports(anchors, types.length ? types : null);
    const nodeIds = new Set(visible.nodes().map((node) => node.id()));
    const edgeIds = new Set(visible.edges().map((edge) => edge.id()));
    const covered = answer.nodes.filter((node) => nodeIds.has(node.id)).length;
    if (format === "graphml") saveText(keepGraphml(answer.graphml, nodeIds, edgeIds), "application/graphml+xml", `workbench-${stamp}.graphml`);
    else {
      saveText(keepCsv(answer.csv.nodes, nodeIds), "text/csv", `workbench-${stamp}-nodes.csv`);
      saveText(keepCsv(answer.csv.edges, edgeIds), "text/csv", `workbench-${stamp}-edges.csv`);
    }
    say(`${format === "graphml" ? "GraphML" : "CSV"} saved from the API: ${covered} of the ${nodeIds.size} nodes shown${covered < nodeIds.size ? " (the API exports the network around at most 20 entities at a time)" : ""}.`);
  } catch (error) {
    problem(error, "Export");
  }
}

function anchor(node: NodeSingular): boolean {
  return Boolean(node.data("seed") || node.data("expanded") || node.data("expandedTypes") || node.hasClass("path"));
}
