/**
 * The investigator's workbench: a canvas (<trafficking-network>) steered from panels. Search puts
 * entities on the canvas; Expand adds a node's neighbours by relationship type; Hide, Remove, Pin
 * and Collapse act on the selection, and every change of the drawing can be undone and redone;
 * Path draws the shortest paths between two selected nodes with each hop's citations; the timeline
 * shows what the drawing holds in time, and a period brushed on it filters the canvas; the detail
 * panel shows a node's or an edge's properties and sources. Everything shown comes from the API
 * for the credential of this browser, so each panel shows what that role may see and no more.
 */
import type { Core, EventObject, NodeSingular, SingularElementReturnValue } from "cytoscape";

import { readCredential, storeCredential } from "../explorer/credential.js";
import "../embed/network.js";
import type { NetworkEdge, NetworkNode, TraffickingNetworkElement, UndoRedo } from "../embed/network.js";
import { escapeHtml, GraphQLRequestError } from "../shared/graphql-client.js";
import * as api from "./api.js";
import { exportPng, exportSvg, keepCsv, keepGraphml, saveText, saveUrl, visibleElements, type ExportNotes } from "./export.js";
import { TimelinePanel, type DatedEvent, type Period } from "./timeline.js";
import { deleteWorkspace, listWorkspaces, saveWorkspace, type Workspace } from "./workspace.js";

const RELATIONSHIP_TYPES = [
  "PARTY_TO", "HAS_IDENTIFIER", "OFFICER_OF", "ARRESTED", "INTERCEPTED", "NATIONAL_OF", "REGISTERED_IN", "STOPS_AT", "CARRIED_BY",
  "CARRIED", "RECOVERED", "OF_SPECIES", "SEIZED_AT", "SEIZED_IN", "IN_COUNTRY", "BORDERS", "ORIGINATED_IN", "EXPORTED_BY", "IMPORTED_BY", "RECORDS",
];
const RING_COLOURS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324", "#800000", "#808000"];

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const canvas = $<TraffickingNetworkElement>("#canvas");
const status = $<HTMLParagraphElement>("#status");

let clearance: api.Clearance = { signedIn: false, analyst: false, investigator: false };
const counts = new Map<string, api.PartyCounts>();
let ringOf: Map<string, number> | null = null;

function core(): Core | null {
  return canvas.cy;
}
function history(): UndoRedo | null {
  return canvas.undoRedo;
}

function say(message: string, error = false): void {
  status.textContent = message;
  status.className = error ? "status error" : "status";
}

function problem(error: unknown, what: string): void {
  if (error instanceof GraphQLRequestError) {
    say(`${what}: ${error.message} (${error.code})`, true);
  } else say(`${what}: ${(error as Error).message ?? "failed"}`, true);
}

function hubThreshold(): number {
  const value = Number(($<HTMLInputElement>("#hub-threshold")).value);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 10_000) : 50;
}

function caption(id: string): string {
  const node = core()?.getElementById(id);
  return node && node.nonempty() ? (node.data("title") ?? node.data("label") ?? id) : id;
}

// --- credential -----------------------------------------------------------------------------

let asking = 0;

async function useCredential(): Promise<void> {
  const asked = ++asking;
  $("#role").textContent = "checking…";
  const credential = readCredential();
  if (credential) canvas.setAttribute("token", credential);
  else canvas.removeAttribute("token");
  if (!credential) {
    // Asking without a credential would only be refused (401), unless the API runs with PUBLIC_DEMO.
    clearance = { signedIn: false, analyst: false, investigator: false };
    $("#role").textContent = "not signed in";
    say("Paste a token or an API key to begin (where the API runs with PUBLIC_DEMO, search right away).");
    return;
  }
  try {
    const found = await api.probeClearance();
    // An answer for a credential given before the last one is of no use.
    if (asked !== asking) return;
    clearance = found;
    $("#role").textContent = api.roleName(clearance);
    $("#role").dataset.role = api.roleName(clearance);
    say(clearance.signedIn ? "Search for a name, a phone, an e-mail or an id, and add what you find to the canvas." : "Paste a token or an API key to begin.");
  } catch (error) {
    problem(error, "Signing in");
  }
}

$("#credential-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>("#credential");
  storeCredential(input.value);
  input.value = "";
  counts.clear();
  ringOf = null;
  void useCredential();
});

// --- search ---------------------------------------------------------------------------------

$("#search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void runSearch();
});

async function runSearch(): Promise<void> {
  const text = $<HTMLInputElement>("#search").value.trim();
  const list = $<HTMLUListElement>("#hits");
  const note = $("#search-note");
  list.innerHTML = "";
  note.textContent = "";
  delete list.dataset.searched;
  if (text === "") return;
  const rows: string[] = [];
  try {
    const hits = await api.search(text);
    for (const hit of hits) {
      rows.push(
        `<li data-id="${escapeHtml(hit.id)}"><span title="${escapeHtml(hit.matched ?? hit.label)}">${escapeHtml(hit.label)} <small>${escapeHtml(hit.kind)}</small></span>` +
          `<button type="button" data-add="${escapeHtml(hit.id)}">Add</button></li>`,
      );
    }
    note.textContent = hits.length === 0 ? "No hit." : `${hits.length} hit${hits.length === 1 ? "" : "s"}${clearance.investigator ? "" : clearance.analyst ? " (persons and identifiers are not searchable for your role)" : " (persons, companies and identifiers are not searchable for your role)"}`;
  } catch (error) {
    problem(error, "Search");
  }
  // An id (no spaces) can be put on the canvas as it is: seizures and shipments are found that way.
  if (/^[A-Za-z0-9][\w:.+@'-]*$/.test(text) && text.length <= 200) {
    rows.push(`<li data-id="${escapeHtml(text)}"><span>The entity with id <code>${escapeHtml(text)}</code></span><button type="button" data-add="${escapeHtml(text)}">Add</button></li>`);
  }
  list.innerHTML = rows.join("");
  list.dataset.searched = text;
}

$("#hits").addEventListener("click", (event) => {
  const id = (event.target as HTMLElement).closest("button")?.dataset.add;
  if (id) void addToCanvas([id]);
});

async function addToCanvas(ids: string[]): Promise<void> {
  const cy = core();
  if (!cy) return;
  const errors: string[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent).detail.message);
  canvas.addEventListener("network-error", onError);
  await canvas.add(ids, { hubThreshold: hubThreshold() });
  canvas.removeEventListener("network-error", onError);
  if (errors.length > 0) {
    canvas.dismissError();
    say(`Could not add it: ${errors[0]}`, true);
    return;
  }
  cy.elements().unselect();
  for (const id of ids) cy.getElementById(id).select();
  say(`Added to the canvas: ${ids.map(caption).join(", ")}`);
}

// --- actions on the selection -----------------------------------------------------------------

interface ClassChange {
  ids: string[];
  className: string;
  on: boolean;
  before?: boolean[];
}
interface PinChange {
  ids: string[];
  on: boolean;
  before?: boolean[];
}

/** The workbench's own undoable actions, registered on each new drawing's history. */
function registerActions(history: UndoRedo, cy: Core): void {
  const setClass = (change: ClassChange): ClassChange => {
    const before = change.ids.map((id) => cy.getElementById(id).hasClass(change.className));
    change.ids.forEach((id) => cy.getElementById(id).toggleClass(change.className, change.on));
    return { ...change, before };
  };
  const unsetClass = (change: ClassChange): ClassChange => {
    change.ids.forEach((id, index) => cy.getElementById(id).toggleClass(change.className, change.before?.[index] ?? false));
    return { ...change, before: undefined };
  };
  history.action<ClassChange>("classes", setClass, unsetClass);
  const pin = (change: PinChange): PinChange => {
    const before = change.ids.map((id) => cy.getElementById(id).hasClass("pinned"));
    change.ids.forEach((id) => setPinned(cy.getElementById(id), change.on));
    return { ...change, before };
  };
  const unpin = (change: PinChange): PinChange => {
    change.ids.forEach((id, index) => setPinned(cy.getElementById(id), change.before?.[index] ?? false));
    return { ...change, before: undefined };
  };
  history.action<PinChange>("pin", pin, unpin);
}

function setPinned(node: SingularElementReturnValue, on: boolean): void {
  if (node.empty() || !node.isNode()) return;
  node.toggleClass("pinned", on);
  if (on) node.lock();
  else node.unlock();
}

function selectedNodes(): NodeSingular[] {
  return core()?.nodes(":selected").toArray() as NodeSingular[] ?? [];
}

async function act(action: string): Promise<void> {
  const cy = core();
  const ur = history();
  if (!cy || !ur) return;
  const chosen = selectedNodes();
  const ids = chosen.map((node) => node.id());
  switch (action) {
    case "expand": {
      if (ids.length === 0) return say("Select a node to expand.", true);
      const type = $<HTMLSelectElement>("#expand-type").value;
      for (const id of ids) await canvas.expand(id, { types: type ? [type] : undefined, hubThreshold: hubThreshold() });
      if (canvas.state === "error") canvas.dismissError();
      else say(`Expanded ${ids.map(caption).join(", ")}${type ? ` by ${type}` : ""}.`);
      return;
    }
    case "hide":
      if (ids.length) ur.do<ClassChange>("classes", { ids, className: "hidden", on: true });
      return;
    case "show": {
      const hidden = cy.nodes(".hidden").map((node) => node.id());
      if (hidden.length) ur.do<ClassChange>("classes", { ids: hidden, className: "hidden", on: false });
      return;
    }
    case "remove":
      if (ids.length) ur.do("remove", cy.nodes(":selected"));
      return;
    case "pin":
      if (ids.length) ur.do<PinChange>("pin", { ids, on: !chosen.every((node) => node.hasClass("pinned")) });
      return;
    case "collapse":
      return collapse(chosen);
    case "path":
      return drawPaths(ids);
    case "undo":
      canvas.undo();
      return;
    case "redo":
      canvas.redo();
      return;
    case "png":
    case "svg":
    case "graphml":
    case "csv":
      return exportAs(action);
    case "timeline":
      return toggleTimeline();
  }
}

$("#actions").addEventListener("click", (event) => {
  const action = (event.target as HTMLElement).closest("button")?.dataset.act;
  if (action) void act(action);
});

document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).closest("input, select, textarea")) return;
  if (event.key === "z" && !event.shiftKey) canvas.undo();
  else if (event.key === "y" || (event.key === "z" && event.shiftKey)) canvas.redo();
  else return;
  event.preventDefault();
});

/**
 * Collapsing a hub hides the neighbours that hang on it alone (drawn through it only, not pinned,
 * not put there by a search); collapsing it again shows them. Undoable like every change.
 */
function collapse(hubs: NodeSingular[]): void {
  const ur = history();
  if (!ur || hubs.length === 0) return say("Select a hub to collapse.", true);
  for (const hub of hubs) {
    const collapsed = hub.neighborhood().nodes(".collapsed").filter((node) => node.data("collapsedBy") === hub.id());
    if (collapsed.nonempty()) {
      ur.do<ClassChange>("classes", { ids: collapsed.map((node) => node.id()), className: "collapsed", on: false });
      continue;
    }
    const leaves = hub
      .neighborhood()
      .nodes()
      .filter((node) => !node.data("seed") && !node.hasClass("pinned") && node.neighborhood().nodes().every((other) => (other as NodeSingular).id() === hub.id()));
    leaves.forEach((node) => void node.data("collapsedBy", hub.id()));
    if (leaves.nonempty()) ur.do<ClassChange>("classes", { ids: leaves.map((node) => node.id()), className: "collapsed", on: true });
    say(`${caption(hub.id())}: ${leaves.length} neighbours collapsed.`);
  }
}

// --- paths ----------------------------------------------------------------------------------

async function drawPaths(ids: string[]): Promise<void> {
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

// --- details --------------------------------------------------------------------------------

function value(text: unknown): string {
  return escapeHtml(Array.isArray(text) ? text.join(", ") : typeof text === "object" && text !== null ? JSON.stringify(text) : String(text));
}

function citationsOf(elements: cytoscape.EdgeCollection): string[] {
  const lines = new Set<string>();
  elements.forEach((edge) => {
    for (const citation of (edge.data("citations") ?? []) as { row: number | null; source: { id: string; title: string } }[]) {
      lines.add(`${citation.source.title}${citation.row === null ? "" : `, row ${citation.row}`} (${edge.data("type")})`);
    }
  });
  return [...lines];
}

function showDetail(): void {
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
    if (data.neighbourCount !== null && data.neighbourCount !== undefined) rows.push(`<dt>neighbours</dt><dd>${data.neighbourCount} (a hub)</dd>`);
    rows.push(`<dt>links drawn</dt><dd>${(element as NodeSingular).degree(false)}</dd>`);
    sources = citationsOf((element as NodeSingular).connectedEdges());
  } else {
    head = `<h3>${escapeHtml(data.type)}</h3><div class="kind">${escapeHtml(caption(data.source))} → ${escapeHtml(caption(data.target))}</div>`;
    sources = citationsOf(element as cytoscape.EdgeCollection);
  }
  const sourceList = sources.length
    ? `<ul class="sources">${sources.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`
    : `<p class="note">${clearance.analyst ? "No source cited by the edges drawn." : "Sources are shown from the ANALYST role up."}</p>`;
  box.innerHTML = `${head}<dl>${rows.join("")}</dl><h2>Sources</h2>${sourceList}`;
}

// --- size and colour ------------------------------------------------------------------------

let restyleTimer: number | undefined;
function scheduleRestyle(): void {
  window.clearTimeout(restyleTimer);
  restyleTimer = window.setTimeout(() => void restyle(), 50);
}

async function restyle(): Promise<void> {
  const cy = core();
  if (!cy) return;
  const sizeBy = $<HTMLSelectElement>("#size-by").value;
  const colourBy = $<HTMLSelectElement>("#colour-by").value;
  const note = $("#style-note");
  note.textContent = "";
  if ((sizeBy === "seizureCount" || sizeBy === "shipmentCount" || colourBy === "ring") && !clearance.analyst) {
    note.textContent = "Counts and rings are shown from the ANALYST role up.";
  }
  if ((sizeBy === "seizureCount" || sizeBy === "shipmentCount") && clearance.analyst) {
    const missing = (kind: string) => cy.nodes(`[kind = "${kind}"]`).map((node) => node.id()).filter((id) => !counts.has(id));
    const [persons, companies] = [missing("Person"), missing("Company")];
    if (persons.length + companies.length > 0) {
      try {
        for (const [id, entry] of await api.partyCounts(persons.length ? persons : ["-"], companies.length ? companies : ["-"])) counts.set(id, entry);
      } catch (error) {
        problem(error, "Counts");
      }
    }
  }
  if (colourBy === "ring" && clearance.analyst && ringOf === null) {
    try {
      const answer = await api.rings();
      ringOf = new Map(answer.rings.flatMap((ring) => ring.members.map((member) => [member.party.id, ring.rank] as [string, number])));
      if (answer.state !== "READY") note.textContent = "No rings computed yet (npm run analyze computes them).";
    } catch (error) {
      problem(error, "Rings");
      ringOf = new Map();
    }
  }
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      let size: number | undefined;
      if (sizeBy === "degree") size = 14 + 6 * Math.sqrt(node.degree(false));
      if (sizeBy === "seizureCount" || sizeBy === "shipmentCount") {
        const counted = counts.get(node.id());
        if (counted) size = 16 + 9 * Math.sqrt(counted[sizeBy]);
      }
      if (size === undefined) node.removeData("size");
      else node.data("size", Math.round(size));
      const rank = colourBy === "ring" ? ringOf?.get(node.id()) : undefined;
      if (rank === undefined) node.removeData("fill");
      else node.data("fill", RING_COLOURS[(rank - 1) % RING_COLOURS.length]);
    });
  });
}

$("#size-by").addEventListener("change", () => void restyle());
$("#colour-by").addEventListener("change", () => void restyle());

function exportNotes(): ExportNotes {
  const cy = core()!;
  const period = timeline.current;
  const hidden = cy.nodes().filter((node) => !node.visible()).length;
  const filter = [
    period ? `Period: ${period.from} to ${period.to} (seizures and shipments dated outside it are left out)` : "Period: all dates",
    `${visibleElements(cy).nodes().length} nodes and ${visibleElements(cy).edges().length} edges shown${hidden ? `, ${hidden} nodes hidden` : ""}`,
    `Size: ${$<HTMLSelectElement>("#size-by").selectedOptions[0].text} · colour: ${$<HTMLSelectElement>("#colour-by").selectedOptions[0].text}`,
    `Viewer's role: ${api.roleName(clearance)}`,
  ];
  const legend: ExportNotes["legend"] = [];
  if ($<HTMLSelectElement>("#colour-by").value === "ring" && ringOf) {
    const ranks = new Set(cy.nodes().filter((node) => node.visible() && ringOf!.has(node.id())).map((node) => ringOf!.get(node.id())!));
    for (const rank of [...ranks].sort((a, b) => a - b)) legend.push({ label: `ring ${rank}`, color: RING_COLOURS[(rank - 1) % RING_COLOURS.length] });
  }
  return { filter, legend };
}

// --- exports --------------------------------------------------------------------------------

async function exportAs(format: string): Promise<void> {
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

// --- timeline -------------------------------------------------------------------------------

const timeline = new TimelinePanel($("#timeline-axis") as unknown as SVGSVGElement, $("#timeline-events"), $("#period"), (period) => applyPeriod(period));

function applyPeriod(period: Period | null): void {
  const cy = core();
  if (!cy) return;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const date = nodeDate(node);
      node.toggleClass("out-of-period", Boolean(period && date && (date < period.from || date > period.to)));
    });
  });
  say(period ? `Showing what is dated from ${period.from} to ${period.to}, and what has no date.` : "Showing every date.");
}

function nodeDate(node: NodeSingular): string | null {
  const properties = (node.data("properties") ?? {}) as Record<string, unknown>;
  const date = node.data("kind") === "Seizure" ? properties.date : node.data("kind") === "Shipment" ? properties.departedOn : null;
  return typeof date === "string" ? date : null;
}

async function toggleTimeline(): Promise<void> {
  const section = $("#timeline");
  const button = document.querySelector('[data-act="timeline"]') as HTMLButtonElement;
  section.hidden = !section.hidden;
  button.setAttribute("aria-pressed", String(!section.hidden));
  canvas.setAttribute("height", section.hidden ? "calc(100vh - 190px)" : "calc(100vh - 430px)");
  if (!section.hidden) await refreshTimeline();
}

async function refreshTimeline(): Promise<void> {
  const cy = core();
  if (!cy || $("#timeline").hidden) return;
  const events = new Map<string, DatedEvent>();
  cy.nodes().forEach((node) => {
    const date = nodeDate(node);
    if (!date) return;
    const kind = node.data("kind") === "Seizure" ? "SEIZURE" : "SHIPMENT_DEPARTED";
    events.set(`${date}|${kind}|${node.id()}`, { date, kind, nodeId: node.id(), title: caption(node.id()), sources: citationsOf(node.connectedEdges()).slice(0, 3) });
  });
  const parties = cy.nodes('[kind = "Person"], [kind = "Company"]').map((node) => node.id());
  const note = $("#period");
  if (parties.length > 0 && clearance.analyst) {
    try {
      for (const [, list] of await api.timelines(parties.slice(0, 40))) {
        for (const event of list) {
          const drawn = cy.getElementById(event.entity.id).nonempty();
          const key = `${event.date}|${event.kind}|${event.entity.id}`;
          const sources = event.citations.map((citation) => `${citation.source.title}${citation.row === null ? "" : `, row ${citation.row}`}`);
          const dated = event.kind === "SEIZURE" || event.kind === "SHIPMENT_DEPARTED";
          const title = dated && drawn ? caption(event.entity.id) : `${event.title}${drawn || event.title.includes(event.entity.label) ? "" : ` · ${event.entity.label}`}`;
          // A seizure or shipment drawn keeps its own entry (its caption); the rest come from the timelines.
          if (!events.has(key)) events.set(key, { date: event.date, kind: event.kind, nodeId: drawn ? event.entity.id : null, title, sources });
        }
      }
    } catch (error) {
      problem(error, "Timeline");
    }
  }
  timeline.setEvents([...events.values()]);
  if (!clearance.analyst && parties.length > 0) note.textContent += " · Arrests and other events of persons and companies are shown from the ANALYST role up.";
}

$("#period-clear").addEventListener("click", () => timeline.setPeriod(null));

// --- workspaces -----------------------------------------------------------------------------

function renderWorkspaces(): void {
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

// --- start ----------------------------------------------------------------------------------

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
