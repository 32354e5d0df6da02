/**
 * What the workbench's panels share: the canvas element, the status line, what the credential may
 * see, and small helpers to name drawn nodes and report problems.
 */
import type { Core } from "cytoscape";

import type { TraffickingNetworkElement, UndoRedo } from "../embed/network.js";
import { GraphQLRequestError } from "../shared/graphql-client.js";
import type * as api from "./api.js";

export const RELATIONSHIP_TYPES = [
  "PARTY_TO", "HAS_IDENTIFIER", "OFFICER_OF", "ARRESTED", "INTERCEPTED", "NATIONAL_OF", "REGISTERED_IN", "STOPS_AT", "CARRIED_BY",
  "CARRIED", "RECOVERED", "OF_SPECIES", "SEIZED_AT", "SEIZED_IN", "IN_COUNTRY", "BORDERS", "ORIGINATED_IN", "EXPORTED_BY", "IMPORTED_BY", "RECORDS",
];
export const RING_COLOURS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324", "#800000", "#808000"];

export const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
export const canvas = $<TraffickingNetworkElement>("#canvas");
const status = $<HTMLParagraphElement>("#status");

/** What the credential may see, and what was asked for the drawing (counts, rings). */
export const session: { clearance: api.Clearance; ringOf: Map<string, number> | null } = {
  clearance: { signedIn: false, analyst: false, investigator: false },
  ringOf: null,
};
export const counts = new Map<string, api.PartyCounts>();

export function core(): Core | null {
  return canvas.cy;
}
export function history(): UndoRedo | null {
  return canvas.undoRedo;
}

export function say(message: string, error = false): void {
  status.textContent = message;
  status.className = error ? "status error" : "status";
}

export function problem(error: unknown, what: string): void {
  if (error instanceof GraphQLRequestError) {
    say(`${what}: ${error.message} (${error.code})`, true);
  } else say(`${what}: ${(error as Error).message ?? "failed"}`, true);
}

export function hubThreshold(): number {
  const value = Number(($<HTMLInputElement>("#hub-threshold")).value);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 10_000) : 50;
}

export function caption(id: string): string {
  const node = core()?.getElementById(id);
  return node && node.nonempty() ? (node.data("title") ?? node.data("label") ?? id) : id;
}

/** The sources (title, row) the edges cite, with each edge's type. */
export function citationsOf(elements: cytoscape.EdgeCollection): string[] {
  const lines = new Set<string>();
  elements.forEach((edge) => {
    for (const citation of (edge.data("citations") ?? []) as { row: number | null; source: { id: string; title: string } }[]) {
      lines.add(`${citation.source.title}${citation.row === null ? "" : `, row ${citation.row}`} (${edge.data("type")})`);
    }
  });
  return [...lines];
}
