import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { RelType } from "../../domain/graph-schema.js";
import { explainPath, hopRelationships, mergeLayers, pathLayers, type FoundPath } from "../../domain/path-explanation.js";
import { ACTIVITY_TYPES } from "../../repositories/path.repository.js";
import { ConnectionsArgs } from "../inputs/connections.args.js";
import { Cost } from "../limits/field-cost.js";
import { Path } from "../types/path.type.js";
import { entityId } from "./argument-ids.js";
import { graphEdge, graphNode } from "./graph-view.js";

/** The `connections` root field. */
@Resolver()
export class ConnectionsResolver {
  @Cost({ base: 200, perItem: 70, items: "first", multipliers: ["maxHops"] })
  @Query(() => [Path], {
    description:
      "The shortest paths between two entities as distinct paths of nodes, shortest first, then by the sequence of node " +
      "ids along them (so `first: 1` is the head of `first: 10`): at most `first` paths of at most `maxHops` hops. " +
      `By default only what ties persons and companies to activity is followed (${ACTIVITY_TYPES.join(", ")}); ` +
      "`alsoFollow` adds types (countries, places, species, ...), `types` replaces the default. Relationships " +
      "joining the same two nodes (one fact from several sources) are one hop, citing each. A bounded " +
      "shortest-path search, never an exhaustive one; SOURCED_FROM is never followed. Empty when the two are not " +
      "connected within `maxHops`.",
  })
  async connections(@Args(() => ConnectionsArgs) args: ConnectionsArgs, @Ctx() ctx: Context): Promise<Path[]> {
    for (const argument of ["types", "alsoFollow"] as const) {
      if (args[argument]?.includes(RelType.SourcedFrom)) {
        throw new BadInputError(argument, "SOURCED_FROM cannot be followed: every entity reaches every other through a source");
      }
    }
    if (args.from === args.to && (args.fromKind === args.toKind || !args.fromKind || !args.toKind)) {
      throw new BadInputError("to", "must be another entity than from");
    }
    const answer = await ctx.paths.shortestPaths({
      from: await entityId(ctx, args.from),
      to: await entityId(ctx, args.to),
      fromKind: args.fromKind ?? null,
      toKind: args.toKind ?? null,
      maxHops: args.maxHops,
      first: args.first,
      types: [...new Set([...(args.types ?? ACTIVITY_TYPES), ...(args.alsoFollow ?? [])])],
      resolved: args.resolved,
    });
    if (answer.kind === "missing") throw new NotFoundError(answer.from ? "from" : "to");
    // Access knows one relationship per hop: every relationship of a hop passes it, layer by layer.
    return answer.paths.map((path) => toGraphQL(mergeLayers(path, pathLayers(path).map((layer) => ctx.access.path(layer)))));
  }
}

function toGraphQL(path: FoundPath): Path {
  const hops = path.hops.map((hop) => {
    const edges = hopRelationships(hop).map((relationship) => graphEdge(relationship.edge));
    const citations = new Map(edges.flatMap((edge) => (edge.citation ? [[`${edge.citation.sourceId}|${edge.citation.row}`, edge.citation] as const] : [])));
    return { edge: edges[0], edges, citations: [...citations.values()], from: hop.from, to: hop.to, forward: hop.forward, date: hop.date };
  });
  return {
    length: hops.length,
    nodes: path.nodes.map(graphNode),
    edges: hops.flatMap((hop) => hop.edges),
    hops,
    explanation: explainPath(path),
  };
}
