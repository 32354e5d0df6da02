import { NodeLabel } from "./graph-schema.js";
import type { ViewNode } from "./graph-view.js";

/** What happened on a timeline's date. */
// Keys as the values: GraphQL names an enum's values after its keys.
export enum TimelineEventKind {
  COMPANY_INCORPORATED = "COMPANY_INCORPORATED",
  SHIPMENT_DEPARTED = "SHIPMENT_DEPARTED",
  SEIZURE = "SEIZURE",
  ARREST = "ARREST",
  CONVICTION = "CONVICTION",
}

/** The kinds of entity that have a timeline (see `cypher/queries/timeline/events.cypher`). */
export const TIMELINE_KINDS: readonly NodeLabel[] = [NodeLabel.Person, NodeLabel.Company, NodeLabel.Shipment, NodeLabel.Seizure];

export interface TimelineEvent {
  /** YYYY-MM-DD. */
  date: string;
  kind: TimelineEventKind;
  /** The entity the event is about: the shipment, the seizure, the company, or the arrested person. */
  related: ViewNode;
  /** The role in a shipment, or the office held in a company. */
  role: string | null;
  /** The charge of an arrest, the sentence of a conviction, as recorded. */
  detail: string | null;
  /** The relationship that ties the event to the entity, or the entity's own source row. */
  sourceId: string | null;
  sourceRow: number | null;
}

/** A short title: what happened, to whom or what. */
export function eventTitle(event: Pick<TimelineEvent, "kind" | "related" | "detail">): string {
  const { related, detail } = event;
  const about = related.kind === NodeLabel.Person ? `${related.label} ` : "";
  const withDetail = (text: string) => (detail ? `${text}: ${detail}` : text);
  switch (event.kind) {
    case TimelineEventKind.COMPANY_INCORPORATED:
      return `${related.label} incorporated`;
    case TimelineEventKind.SHIPMENT_DEPARTED: {
      const mode = typeof related.properties.mode === "string" ? ` (${related.properties.mode})` : "";
      return `Shipment ${related.label} departed${mode}`;
    }
    case TimelineEventKind.SEIZURE: {
      const agency = typeof related.properties.agency === "string" ? ` by ${related.properties.agency}` : "";
      return `Seizure ${related.label}${agency}`;
    }
    case TimelineEventKind.ARREST:
      return withDetail(about ? `${about}arrested` : "Arrested");
    case TimelineEventKind.CONVICTION:
      return withDetail(about ? `${about}convicted` : "Convicted");
  }
}
