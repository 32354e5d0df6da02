/** The timeline panel's wiring: its events from the drawing and the API, and the brushed period as a canvas filter. */
import type { NodeSingular } from "cytoscape";

import * as api from "./api.js";
import { $, canvas, caption, citationsOf, core, problem, say, session } from "./page.js";
import { TimelinePanel, type DatedEvent, type Period } from "./timeline.js";

export const timeline = new TimelinePanel($("#timeline-axis") as unknown as SVGSVGElement, $("#timeline-events"), $("#period"), (period) => applyPeriod(period));

export function applyPeriod(period: Period | null): void {
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

export async function toggleTimeline(): Promise<void> {
  const section = $("#timeline");
  const button = document.querySelector('[data-act="timeline"]') as HTMLButtonElement;
  section.hidden = !section.hidden;
  button.setAttribute("aria-pressed", String(!section.hidden));
  canvas.setAttribute("height", section.hidden ? "calc(100vh - 190px)" : "calc(100vh - 430px)");
  if (!section.hidden) await refreshTimeline();
}

export async function refreshTimeline(): Promise<void> {
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
  if (parties.length > 0 && session.clearance.analyst) {
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
  if (!session.clearance.analyst && parties.length > 0) note.textContent += " · Arrests and other events of persons and companies are shown from the ANALYST role up.";
}

$("#period-clear").addEventListener("click", () => timeline.setPeriod(null));
