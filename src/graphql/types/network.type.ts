import { Field, ID, Int, ObjectType } from "type-graphql";

import type { NetworkView } from "../../repositories/network.repository.js";
import { GraphEdge, GraphNode } from "./graph-view.type.js";

@ObjectType({ description: "The network as two CSV files (Gephi's spreadsheet import, i2, a spreadsheet)." })
export class NetworkCsv {
  @Field(() => String, {
    description:
      "Nodes: Id, Label, kind, synthetic, neighbourCount, properties (JSON with sorted keys). RFC 4180, UTF-8, \\n line ends; " +
      "a cell starting with =, +, -, @, tab or CR gets a leading apostrophe so that spreadsheets do not run it as a formula.",
  })
  nodes: string;

  @Field(() => String, {
    description:
      "Edges: Id, Source, Target, Type (Gephi's direction, always Directed), Label (the relationship type), sourceId, " +
      "sourceRow (the first citation), citations (sourceId:row pairs joined with ;), properties (JSON). Same conventions as nodes.",
  })
  edges: string;
}

@ObjectType({
  description:
    "The neighbourhood of one or more entities, ready to draw (Cytoscape-style nodes and edges) or export. " +
    "Source nodes and SOURCED_FROM are never part of it: each edge cites its source instead.",
})
export class Network {
  @Field(() => [GraphNode], {
    description: "Seeds first, then by distance from the nearest seed, then kind, then id.",
  })
  nodes: GraphNode[];

  @Field(() => [GraphEdge], {
    description:
      "Every fact (one edge however many source rows state it, each cited) of the followed types that passes the filters, " +
      "between two nodes of the network, with at least one end expanded (a seed, or a node that is neither a hub nor of a " +
      "referenceKinds kind and is closer to the seeds than depth). Ordered by source, type, target, then seq, role and the other properties that tell facts apart.",
  })
  edges: GraphEdge[];

  @Field(() => Int)
  nodeCount: number;

  @Field(() => Int)
  edgeCount: number;

  @Field(() => [ID], {
    description:
      "Hubs that were reached closer to the seeds than depth and not expanded, so their other neighbours are missing; " +
      "in node order. Each has its neighbourCount.",
  })
  collapsedHubs: string[];

  @Field(() => Boolean, { description: "True when the limit cut the network or a hub was collapsed." })
  truncated: boolean;

  /** The network as plain view data, for the exports. */
  view: NetworkView;
}

