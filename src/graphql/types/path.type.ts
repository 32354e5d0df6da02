import { Field, ID, Int, ObjectType } from "type-graphql";

import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { GraphEdge, GraphNode } from "./graph-view.type.js";
import { Citation } from "./source.type.js";

@ObjectType({
  description:
    "One step of a path, walked from one node to the next: every relationship of the followed types between the two " +
    "(a fact stored once per source row is one step, citing each row).",
})
export class Hop {
  @Field(() => GraphEdge, { description: "The step's first relationship (of `edges`), with its own direction (source → target) and citation." })
  edge: GraphEdge;

  @Field(() => [GraphEdge], {
    description: "Every relationship of the followed types between the step's two nodes, each with its direction and citation.",
  })
  edges: GraphEdge[];

  @Field(() => [Citation], { description: "The citations of `edges`, each source and row once." })
  citations: Citation[];

  @Field(() => ID, { description: "The node the step leaves (in path order)." })
  from: string;

  @Field(() => ID, { description: "The node the step reaches." })
  to: string;

  @Field(() => Boolean, { description: "True when `edge` points the way the path walks (from → to)." })
  forward: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the event the step passes through: a seizure's date, else a shipment's departure.",
  })
  date: string | null;
}

@ObjectType({ description: "A path between two entities, as a drawable piece of the graph and in words." })
export class Path {
  @Field(() => Int, { description: "Its number of hops." })
  length: number;

  @Field(() => [GraphNode], { description: "The nodes in path order, from the first end to the second." })
  nodes: GraphNode[];

  @Field(() => [GraphEdge], { description: "The relationships in path order: every edge of every hop." })
  edges: GraphEdge[];

  @Field(() => [Hop])
  hops: Hop[];

  @Field(() => String, {
    description: "The path in plain language, one clause per hop, each citing its source and row (or saying it has none).",
  })
  explanation: string;
}
