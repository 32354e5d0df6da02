import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import { RelType } from "../../domain/graph-schema.js";
import { toGraphml } from "../../export/graphml.js";
import { toNetworkCsv } from "../../export/network-csv.js";
import { NETWORK_TYPES } from "../../repositories/network.repository.js";
import { NetworkArgs } from "../inputs/network.args.js";
import { Cost } from "../limits/field-cost.js";
import { Network, NetworkCsv } from "../types/network.type.js";
import { entityIds } from "./argument-ids.js";
import { graphEdge, graphNode } from "./graph-view.js";

/** The `network` root field: a neighbourhood to draw, with its GraphML and CSV exports. */
@Resolver(() => Network)
export class NetworkResolver {
  @Cost({ base: 500, perItem: 100, items: "limit", multipliers: ["depth"] })
  @Query(() => Network, {
    description:
      "The neighbourhood of one or more entities, breadth-first up to depth, for drawing and export. Hubs (nodes with " +
      "more distinct neighbours than hubThreshold) are shown once with their neighbourCount and not expanded; so are places " +
      "and countries by default (referenceKinds). Costs at most " +
      "depth round trips to the database.",
  })
  async network(@Args(() => NetworkArgs) args: NetworkArgs, @Ctx() ctx: Context): Promise<Network> {
    const ids = [...new Set(await entityIds(ctx, args.ids))];
    if (args.types?.includes(RelType.SourcedFrom)) {
      throw new BadInputError("types", "SOURCED_FROM is never followed: each edge cites its source instead");
    }
    if (args.types && args.types.length === 0) throw new BadInputError("types", "name at least one type, or leave it out");
    if (args.from && args.to && args.from > args.to) throw new BadInputError("to", "must not be before from");
    if (args.limit < ids.length) throw new BadInputError("limit", "must be at least the number of ids");
    const view = await ctx.network.network({
      ids,
      depth: args.depth,
      types: args.types ? NETWORK_TYPES.filter((type) => args.types!.includes(type)) : NETWORK_TYPES,
      from: args.from ?? null,
      to: args.to ?? null,
      minReliability: args.minReliability ?? null,
      hubThreshold: args.hubThreshold,
      referenceKinds: args.referenceKinds,
      limit: args.limit,
      resolved: args.resolved,
    });
    // What the viewer may see is all that is drawn and exported.
    const shown = ctx.access.view(view.nodes, view.edges);
    const collapsedHubs = view.collapsedHubs.map(shown.shownId);
    return {
      nodes: shown.nodes.map(graphNode),
      edges: shown.edges.map(graphEdge),
      nodeCount: shown.nodes.length,
      edgeCount: shown.edges.length,
      collapsedHubs,
      truncated: view.truncated,
      view: { nodes: shown.nodes, edges: shown.edges, collapsedHubs, truncated: view.truncated },
    };
  }

  @Cost({ perItem: 10, items: "limit" })
  @FieldResolver(() => String, {
    description:
      "The network as GraphML (Gephi, yEd, Cytoscape desktop, networkx): node and edge ids as here; kind, label, " +
      "synthetic, neighbourCount, type, sourceId, sourceRow (the first citation), citations (every source row of the edge's fact, " +
      "sourceId:row joined with ;) and every property as declared <key>s (boolean, long, " +
      "double or string; lists joined with ;; a property named like one of those as properties.<name>).",
  })
  graphml(@Root() network: Network): string {
    return toGraphml(network.view.nodes, network.view.edges);
  }

  @Cost({ perItem: 10, items: "limit" })
  @FieldResolver(() => NetworkCsv, { description: "The network as CSV files of nodes and edges." })
  csv(@Root() network: Network): NetworkCsv {
    return toNetworkCsv(network.view.nodes, network.view.edges);
  }
}
