import { createUnionType } from "type-graphql";

import { NodeLabel } from "../../domain/graph-schema.js";
import { Company } from "./company.type.js";
import { Person } from "./person.type.js";

/** A person or a company: whoever can hold an identifier or take part in a shipment. */
export const Party = createUnionType({
  name: "Party",
  description: "A person or a company.",
  types: () => [Person, Company] as const,
  // Nodes reached through relationships carry their labels (see relation-fields.ts).
  resolveType: (value) =>
    ((value as { labels?: string[] }).labels?.includes(NodeLabel.Company) ? Company : Person),
});
