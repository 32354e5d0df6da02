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
      "For a hub shown but not expanded (too many neighbours to draw): how many distinct nodes it neighbours (in a " +
      "network: over the followed types, in the whole graph, before the time and reliability filters; a neighbour " +
      "joined by several relationships, such as one fact from several sources, counts once). Null for other nodes.",
  })
  neighbourCount: number | null;
}

const EDGE_CITATIONS =
  "Every source that states this edge, each with its row, by source id then row (the first is `citation`). In a " +
  "network an edge is one fact, however many source rows state it; in a path's hop, one relationship. In the " +
  "network's exports: the `citations` attribute or column, `sourceId:row` pairs joined with `;` (just `sourceId` " +
  "where no row is recorded). Empty below ANALYST.";
const EDGE_CITATION_DEPRECATION = "An edge may have several sources: use `citations` (this is the first of them).";

@ObjectType({
  description:
    "An edge of a drawn piece of the graph, from source to target: in a network, one fact (the relationships of one " +
    "type between the same two nodes that agree on its distinguishing properties: a stop's seq and role, a party's or " +
    "an office's role, an arrest's charge and outcome), citing every source row that states it; in a path, one relationship.",
})
export class GraphEdge {
  @Field(() => ID, {
    description:
      "Stable for one graph: source|TYPE|target, with |n added for further facts of the same type between the same " +
      "two nodes (|1, |2, ... in the edges' order).",
  })
  id: string;

  @Field(() => RelationshipType)
  type: RelType;

  @Field(() => ID, { description: "The id of the node the relationship starts from." })
  source: string;

  @Field(() => ID, { description: "The id of the node the relationship points to." })
  target: string;

  @Field(() => JSONObjectResolver, {
    description:
      "The relationship's properties (role, seq, charge, ...); for a fact several rows state, those of its first " +
      "statement (by source id, then row).",
  })
  properties: Record<string, unknown>;

  /** Citations from the view edge's source records (see graph-view.ts). */
  @Field(() => [Citation], { description: EDGE_CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: EDGE_CITATION_DEPRECATION })
  citation: Citation | null;

  sourceId: string | null;
  sourceRow: number | null;
}
