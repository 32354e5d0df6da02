/** Size and colour of the nodes by a property: links drawn, seizure or shipment counts, ring. */
import * as api from "./api.js";
import { $, core, counts, problem, RING_COLOURS, session } from "./page.js";

let restyleTimer: number | undefined;
export function scheduleRestyle(): void {
  window.clearTimeout(restyleTimer);
  restyleTimer = window.setTimeout(() => void restyle(), 50);
}

export async function restyle(): Promise<void> {
  const cy = core();
  if (!cy) return;
  const sizeBy = $<HTMLSelectElement>("#size-by").value;
  const colourBy = $<HTMLSelectElement>("#colour-by").value;
  const note = $("#style-note");
  note.textContent = "";
  if ((sizeBy === "seizureCount" || sizeBy === "shipmentCount" || colourBy === "ring") && !session.clearance.analyst) {
    note.textContent = "Counts and rings are shown from the ANALYST role up.";
  }
  if ((sizeBy === "seizureCount" || sizeBy === "shipmentCount") && session.clearance.analyst) {
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
  if (colourBy === "ring" && session.clearance.analyst && session.ringOf === null) {
    try {
      const answer = await api.rings();
      session.ringOf = new Map(answer.rings.flatMap((ring) => ring.members.map((member) => [member.party.id, ring.rank] as [string, number])));
      if (answer.state !== "READY") note.textContent = "No rings computed yet (npm run analyze computes them).";
    } catch (error) {
      problem(error, "Rings");
      session.ringOf = new Map();
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
      const rank = colourBy === "ring" ? session.ringOf?.get(node.id()) : undefined;
      if (rank === undefined) node.removeData("fill");
      else node.data("fill", RING_COLOURS[(rank - 1) % RING_COLOURS.length]);
    });
  });
}

$("#size-by").addEventListener("change", () => void restyle());
$("#colour-by").addEventListener("change", () => void restyle());
