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

/** A source that states an event, and its row there (null when none is recorded). */
export interface EventCitation {
  sourceId: string;
  sourceRow: number | null;
}

/**
 * One event of a timeline, once however many source rows state it. An event is its kind, date,
 * related entity and detail: sources that differ on an arrest's charge give two events. The
 * entity's roles in it are gathered: a person who was both shipper and consignee of a shipment has
 * one departure with both roles, as the shipment left once (listing it per role would read as two
 * departures and spend `first` twice).
 */
export interface TimelineEvent {
  /** YYYY-MM-DD. */
  date: string;
  kind: TimelineEventKind;
  /** The entity the event is about: the shipment, the seizure, the company, or the arrested person. */
  related: ViewNode;
  /** The roles in a shipment, or the offices held in a company; distinct, sorted; empty for other events. */
  roles: string[];
  /** The charge of an arrest, the sentence of a conviction, as recorded. */
  detail: string | null;
  /**
   * Every source row of the relationships that tie the event to the entity (party, interception,
   * arrest, office), or the entity's own source rows; by source id, then row.
   */
  citations: EventCitation[];
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
