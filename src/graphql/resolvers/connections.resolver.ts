import { Args, Ctx, Query, Resolver } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { RelType } from "../../domain/graph-schema.js";
import { explainPath, type FoundPath } from "../../domain/path-explanation.js";
import { ConnectionsArgs } from "../inputs/connections.args.js";
import { Path } from "../types/path.type.js";
import { graphEdge, graphNode } from "./graph-view.js";

/** Every type but SOURCED_FROM: through a Source, every node reaches every other in two hops. */
const FOLLOWED_TYPES = Object.values(RelType).filter((type) => type !== RelType.SourcedFrom);

/** The `connections` root field. */
@Resolver()
export class ConnectionsResolver {
  @Query(() => [Path], {
    description:
      "The shortest paths between two entities, shortest first (then by the sequence of node ids): at most " +
      "`first` paths of at most `maxHops` hops. A bounded shortest-path search, never an exhaustive one; " +
      "SOURCED_FROM is never followed. Empty when the two are not connected within `maxHops`.",
  })
  async connections(@Args(() => ConnectionsArgs) args: ConnectionsArgs, @Ctx() ctx: Context): Promise<Path[]> {
    if (args.types?.includes(RelType.SourcedFrom)) {
      throw new BadInputError("types", "SOURCED_FROM cannot be followed: every entity reaches every other through a source");
    }
    if (args.from === args.to && (args.fromKind === args.toKind || !args.fromKind || !args.toKind)) {
      throw new BadInputError("to", "must be another entity than from");
    }
    const answer = await ctx.paths.shortestPaths({
      from: ctx.access.realId(args.from),
      to: ctx.access.realId(args.to),
      fromKind: args.fromKind ?? null,
      toKind: args.toKind ?? null,
      maxHops: args.maxHops,
      first: args.first,
      types: args.types ? [...new Set(args.types)] : FOLLOWED_TYPES,
    });
    if (answer.kind === "missing") throw new NotFoundError(answer.from ? "from" : "to");
    return answer.paths.map((path) => toGraphQL(ctx.access.path(path)));
  }
}

function toGraphQL(path: FoundPath): Path {
  const hops = path.hops.map((hop) => ({ edge: graphEdge(hop.edge), from: hop.from, to: hop.to, forward: hop.forward, date: hop.date }));
  return {
    length: hops.length,
    nodes: path.nodes.map(graphNode),
    edges: hops.map((hop) => hop.edge),
    hops,
    explanation: explainPath(path),
  };
}
