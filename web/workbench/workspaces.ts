/** The workspace panel: save the drawing in this browser and open it again. */
import type { NetworkEdge, NetworkNode } from "../embed/network.js";
import { escapeHtml } from "../shared/graphql-client.js";
import * as api from "./api.js";
import { restyle } from "./appearance.js";
import { $, canvas, core, history, problem, say } from "./page.js";
import { timeline } from "./period.js";
import { deleteWorkspace, listWorkspaces, saveWorkspace, type Workspace } from "./workspace.js";

export function renderWorkspaces(): void {
  const select = $<HTMLSelectElement>("#workspaces");
  const saved = listWorkspaces();
  select.innerHTML = saved.length
    ? saved.map((workspace) => `<option value="${escapeHtml(workspace.name)}">${escapeHtml(workspace.name)} · ${workspace.nodes.length} nodes · ${workspace.savedAt.slice(0, 16).replace("T", " ")}</option>`).join("")
    : `<option value="">no saved workspace</option>`;
}

$("#workspace-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const cy = core();
  const name = $<HTMLInputElement>("#workspace-name").value.trim() || `workspace ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
  if (!cy) return;
  const workspace: Workspace = {
    name,
    savedAt: new Date().toISOString(),
    nodes: cy.nodes().map((node) => ({
      id: node.id(),
      ...node.position(),
      classes: ["hidden", "pinned", "collapsed"].filter((name) => node.hasClass(name)),
      seed: node.data("seed") || undefined,
      expanded: node.data("expanded") || undefined,
      expandedTypes: node.data("expandedTypes") || undefined,
    })),
    edges: cy.edges().map((edge) => edge.id()),
    edgeTypes: [...new Set(cy.edges().map((edge) => edge.data("type") as string))],
    settings: { sizeBy: $<HTMLSelectElement>("#size-by").value, colourBy: $<HTMLSelectElement>("#colour-by").value, period: timeline.current },
  };
  try {
    saveWorkspace(workspace);
    renderWorkspaces();
    $<HTMLSelectElement>("#workspaces").value = name;
    $("#workspace-note").textContent = `Saved “${name}” in this browser (ids and positions only; names are asked again when it is opened).`;
  } catch {
    $("#workspace-note").textContent = "This browser refused to store the workspace.";
  }
});

$("#workspace-delete").addEventListener("click", () => {
  const name = $<HTMLSelectElement>("#workspaces").value;
  if (name) deleteWorkspace(name);
  renderWorkspaces();
});

$("#workspace-open").addEventListener("click", () => void openWorkspace($<HTMLSelectElement>("#workspaces").value));

async function openWorkspace(name: string): Promise<void> {
  const workspace = listWorkspaces().find((saved) => saved.name === name);
  const cy = core();
  if (!workspace || !cy) return;
  say(`Opening “${name}”…`);
  const wanted = new Set(workspace.nodes.map((node) => node.id));
  const wantedEdges = new Set(workspace.edges);
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  const ids = [...wanted];
  try {
    for (let start = 0; start < ids.length; start += 20) {
      const answer = await api.network(ids.slice(start, start + 20), workspace.edgeTypes.length ? workspace.edgeTypes : null);
      for (const node of answer.nodes) if (wanted.has(node.id)) nodes.set(node.id, node);
      for (const edge of answer.edges) if (wantedEdges.has(edge.id)) edges.set(edge.id, edge);
    }
  } catch (error) {
    return problem(error, `Opening “${name}”`);
  }
  canvas.clear();
  canvas.addGraph([...nodes.values()], [...edges.values()], { layout: false });
  cy.batch(() => {
    for (const saved of workspace.nodes) {
      const node = cy.getElementById(saved.id);
      if (node.empty()) continue;
      node.position({ x: saved.x, y: saved.y });
      node.data({ seed: saved.seed ?? false, expanded: saved.expanded ?? false, expandedTypes: saved.expandedTypes, hub: false, caption: node.data("title") });
      for (const className of saved.classes) node.addClass(className);
      if (saved.classes.includes("pinned")) node.lock();
    }
  });
  history()?.reset();
  cy.fit(undefined, 24);
  $<HTMLSelectElement>("#size-by").value = workspace.settings.sizeBy;
  $<HTMLSelectElement>("#colour-by").value = workspace.settings.colourBy;
  timeline.setPeriod(workspace.settings.period, true);
  await restyle();
  const lost = workspace.nodes.length - nodes.size;
  say(`Opened “${name}”: ${nodes.size} nodes${lost ? `, ${lost} not found for your role (or gone from the graph)` : ""}.`);
}
