import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import { MATCH_LABEL } from "../../domain/match-kind.js";
import type { StoredCandidate } from "../../resolution/candidate-store.js";
import { ResolutionCandidatesArgs } from "../inputs/resolution-candidates.args.js";
import { Cost } from "../limits/field-cost.js";
import type { Company } from "../types/company.type.js";
import type { ConnectionShape } from "../types/connection.js";
import { MatchCandidate, MatchCandidateConnection } from "../types/match-candidate.type.js";
import { Party } from "../types/party.type.js";
import type { Person } from "../types/person.type.js";
import { matchParty } from "./match-party.js";
import { listScope, sortedPageRequest, toConnection } from "./paging.js";

/** Resolution candidates: pairs stored by `npm run resolve -- candidates`, best first. */
@Resolver(() => MatchCandidate)
export class ResolutionResolver {
  // Measured with PROFILE: a page reads the score index in order, about 15 hits a candidate
  // wherever it starts (resolution/page.cypher); the total, about 4 a candidate above minScore
  // (450 for the 113 of a generated world of 1,000 shipments), which no argument bounds.
  @Cost({ base: 500, perItem: 15, items: "first" })
  @Query(() => MatchCandidateConnection, {
    description:
      "Pairs of persons or companies that may be one entity, best first, each with its score explained feature by " +
      "feature. Read from what `npm run resolve -- candidates` stores (`computedAt` says when). INVESTIGATOR and above.",
  })
  async resolutionCandidates(@Args(() => ResolutionCandidatesArgs) args: ResolutionCandidatesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<MatchCandidate>> {
    const filter = { kind: args.kind ?? null, minScore: args.minScore, scope: args.scope };
    const scope = listScope("resolutionCandidates", "SCORE:DESC", filter);
    const request = sortedPageRequest(ctx, scope, args);
    const after = request.after === null ? null : { id: request.after.id, score: scoreOf(request.after.value) };
    const page = await ctx.resolution.page(filter, after, request.first);
    const items = page.items.map((candidate) => shown(ctx, candidate));
    return toConnection(
      ctx,
      scope,
      { items, hasNextPage: page.hasNextPage },
      () => ctx.resolution.count(filter),
      // The score as the shortest text that reads back as the same double: the next page starts exactly after it.
      (index) => String(items[index]!.score),
    );
  }

  // The page's entities load in one query (nodes/by-ids), about 6 hits each.
  @Cost({ base: 10 })
  @FieldResolver(() => Party, { nullable: true, description: "The entity of the lower id; null when it was deleted since the run." })
  a(@Root() candidate: MatchCandidate, @Ctx() ctx: Context): Promise<Person | Company | null> {
    return matchParty(ctx, candidate.kind, candidate.aId);
  }

  @Cost({ base: 10 })
  @FieldResolver(() => Party, { nullable: true, description: "The entity of the higher id; null when it was deleted since the run." })
  b(@Root() candidate: MatchCandidate, @Ctx() ctx: Context): Promise<Person | Company | null> {
    return matchParty(ctx, candidate.kind, candidate.bId);
  }
}

/**
 * A candidate as GraphQL shows it. Its id and features name both entities (the features quote
 * their names), so both are noted as disclosed, whichever fields of theirs are asked for.
 */
function shown(ctx: Context, candidate: StoredCandidate): MatchCandidate {
  const label = MATCH_LABEL[candidate.kind];
  ctx.access.disclose(label, candidate.a);
  ctx.access.disclose(label, candidate.b);
  return {
    id: candidate.id,
    kind: candidate.kind,
    score: candidate.score,
    features: candidate.features.map((feature) => ({ ...feature })),
    computedAt: candidate.computedAt.toISOString(),
    aId: candidate.a,
    bId: candidate.b,
  };
}

/** The score a cursor of this list holds; cursors are sealed, so anything else is not one of ours. */
function scoreOf(value: string | number): number {
  const score = typeof value === "string" ? Number(value) : Number.NaN;
  if (!(score >= 0 && score <= 1)) throw new BadInputError("after", "is not a cursor given by this API");
  return score;
}
