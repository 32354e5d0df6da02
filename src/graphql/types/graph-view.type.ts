import { JSONObjectResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { NodeLabel, RelType } from "../../domain/graph-schema.js";
import { Citation } from "./source.type.js";

registerEnumType(NodeLabel, { name: "EntityKind", description: "What kind of entity a node is (its label in the graph)." });
/**
 * The relationship types under the names they have in the graph (`HAS_IDENTIFIER`), which clients
 * write: registering `RelType` itself would publish its TypeScript keys (`HasIdentifier`).
 */
export const RelationshipType = Object.fromEntries(Object.values(RelType).map((type) => [type, type])) as { readonly [T in RelType]: T };
export type RelationshipType = RelType;
registerEnumType(RelationshipType, { name: "RelationshipType", description: "The type of a relationship in the graph (see cypher/model.md)." });

export { NodeLabel as EntityKind };

@ObjectType({ description: "A node of a drawn piece of the graph (Cytoscape-style)." })
export class GraphNode {
  @Field(() => ID)
  id: string;

  @Field(() => NodeLabel)
  kind: NodeLabel;

  @Field(() => String, { description: "What to print on the node: a name, a scientific name, an identifier's value, or the id." })
  label: string;

  @Field(() => Boolean, { description: "True for invented records (fixtures, generated networks)." })
  synthetic: boolean;

  @Field(() => JSONObjectResolver, { description: "The node's stored properties, dates as YYYY-MM-DD." })
  properties: Record<string, unknown>;

  @Field(() => Int, {
    nullable: true,
    description:
      "For a hub shown but not expanded (too many neighbours to draw): how many relationships it has (in a network: " +
      "of the followed types, in the whole graph, before the time and reliability filters). Null for other nodes.",
  })
  neighbourCount: number | null;
}

@ObjectType({ description: "An edge of a drawn piece of the graph: one relationship, from source to target." })
export class GraphEdge {
  @Field(() => ID, { description: "Stable for one graph: source|TYPE|target, with |n added for repeats." })
  id: string;

  @Field(() => RelationshipType)
  type: RelType;

  @Field(() => ID, { description: "The id of the node the relationship starts from." })
  source: string;

  @Field(() => ID, { description: "The id of the node the relationship points to." })
  target: string;

  @Field(() => JSONObjectResolver, { description: "The relationship's properties (role, seq, charge, ...)." })
  properties: Record<string, unknown>;

  /** Resolved to a Citation from sourceId/sourceRow by the edge's field resolver. */
  @Field(() => Citation, { nullable: true, description: "The source this relationship came from, with its row." })
  citation: Citation | null;

  sourceId: string | null;
  sourceRow: number | null;
}
