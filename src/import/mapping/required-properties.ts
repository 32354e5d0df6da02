import { NodeLabel } from "../../domain/graph-schema.js";

/**
 * Properties a node cannot go without: the API reads them as non-null fields (`src/graphql/types`).
 * A mapping that makes such nodes must declare them, and a row that gives no value for one is
 * rejected rather than loaded as a node the API cannot show.
 */
export const REQUIRED_PROPERTIES: Readonly<Partial<Record<NodeLabel, readonly string[]>>> = {
  [NodeLabel.CommodityLine]: ["product", "unit"],
  [NodeLabel.Shipment]: ["mode"],
  [NodeLabel.Carrier]: ["name", "kind"],
  [NodeLabel.Place]: ["name", "kind"],
  [NodeLabel.Country]: ["name"],
  [NodeLabel.Species]: ["scientificName", "name"],
  [NodeLabel.Person]: ["name"],
  [NodeLabel.Company]: ["name", "kind"],
  [NodeLabel.Identifier]: ["kind", "value"],
};
