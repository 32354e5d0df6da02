/** The search panel: names in any script, identifiers and ids, whose hits go onto the canvas. */
import { escapeHtml } from "../shared/graphql-client.js";
import * as api from "./api.js";
import { $, canvas, caption, core, hubThreshold, problem, say, session } from "./page.js";

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
    note.textContent = hits.length === 0 ? "No hit." : `${hits.length} hit${hits.length === 1 ? "" : "s"}${session.clearance.investigator ? "" : session.clearance.analyst ? " (persons and identifiers are not searchable for your role)" : " (persons, companies and identifiers are not searchable for your role)"}`;
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
