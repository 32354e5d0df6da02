import { NodeLabel } from "./graph-schema.js";

/** What a watch follows: a node of one of four labels by id, or a route between two countries. */
export enum WatchKind {
  PERSON = "PERSON",
  COMPANY = "COMPANY",
  IDENTIFIER = "IDENTIFIER",
  PLACE = "PLACE",
  ROUTE = "ROUTE",
}

/** The label of a watched node, by kind; a route's ends are countries. */
export const TARGET_LABEL: Readonly<Record<WatchKind, NodeLabel>> = {
  [WatchKind.PERSON]: NodeLabel.Person,
  [WatchKind.COMPANY]: NodeLabel.Company,
  [WatchKind.IDENTIFIER]: NodeLabel.Identifier,
  [WatchKind.PLACE]: NodeLabel.Place,
  [WatchKind.ROUTE]: NodeLabel.Country,
};

/** How a seizure or shipment touched a watched target (the `via` of match-batch.cypher). */
export enum AlertReason {
  PARTY = "PARTY",
  ARRESTED = "ARRESTED",
  PARTY_IDENTIFIER = "PARTY_IDENTIFIER",
  ARRESTED_IDENTIFIER = "ARRESTED_IDENTIFIER",
  ROUTE_STOP = "ROUTE_STOP",
  SEIZURE_PLACE = "SEIZURE_PLACE",
  ROUTE = "ROUTE",
}
