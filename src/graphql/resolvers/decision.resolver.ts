import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { BadInputError } from "../../domain/errors.js";
import { MATCH_LABEL, MatchKind, Verdict } from "../../domain/match-kind.js";
import { parseCandidateId } from "../../resolution/candidate-store.js";
import type { DecisionRequest, StoredDecision } from "../../resolution/decision-store.js";
import { ResolutionDecisionsArgs } from "../inputs/resolution-decisions.args.js";
import { Cost } from "../limits/field-cost.js";
import type { Company } from "../types/company.type.js";
import type { ConnectionShape } from "../types/connection.js";
import { Party } from "../types/party.type.js";
import type { Person } from "../types/person.type.js";
import { ResolutionDecision, ResolutionDecisionConnection } from "../types/resolution-decision.type.js";
import { entityId } from "./argument-ids.js";
import { matchParty } from "./match-party.js";
import { listScope, sortedPageRequest, toConnection } from "./paging.js";

/**
 * Decisions on resolution candidates: confirm, reject, link by hand, undo, and the record of them.
 * Each is one write transaction (src/resolution/decision-store.ts); the request, like every other,
 * is written to the audit trail with both entities noted as disclosed.
 */
@Resolver(() => ResolutionDecision)
export class DecisionResolver {
  @Cost({ base: 100 })
  @Mutation(() => ResolutionDecision, {
    description:
      "Confirms a stored resolution candidate: its two entities are one. From then on the resolved view of search, network, " +
      "connections, counts and rings treats them as one. BAD_USER_INPUT when the pair has a live decision (undo it first) " +
      "or the cluster would pass 20 entities. INVESTIGATOR and above.",
  })
  async confirmMatch(
    @Arg("candidateId", () => ID) candidateId: string,
    @Arg("reason", () => String, { description: "Why: kept with the decision." }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return decide(ctx, { ...(await pairOf(ctx, candidateId)), verdict: Verdict.SAME, reason, needsCandidate: true, argument: "candidateId" });
  }

  @Cost({ base: 100 })
  @Mutation(() => ResolutionDecision, {
    description: "Rejects a stored resolution candidate: its two entities are two. Kept as a record; undo takes it back. INVESTIGATOR and above.",
  })
  async rejectMatch(
    @Arg("candidateId", () => ID) candidateId: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return decide(ctx, { ...(await pairOf(ctx, candidateId)), verdict: Verdict.DIFFERENT, reason, needsCandidate: true, argument: "candidateId" });
  }

  @Cost({ base: 100 })
  @Mutation(() => ResolutionDecision, {
    description:
      "Links two persons (or two companies) as one by hand, whether or not the resolver paired them: for what only the " +
      "investigator knows (a court file, an interview). INVESTIGATOR and above.",
  })
  async linkEntities(
    @Arg("kind", () => MatchKind) kind: MatchKind,
    @Arg("aId", () => ID) aId: string,
    @Arg("bId", () => ID) bId: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    const [a, b] = [await entityId(ctx, aId), await entityId(ctx, bId)];
    return decide(ctx, { kind, a, b, verdict: Verdict.SAME, reason, needsCandidate: false, argument: "aId" });
  }

  @Cost({ base: 100 })
  @Mutation(() => ResolutionDecision, {
    description:
      "Undoes a live decision: the SAME_AS it made goes, so every answer is again what it was before it; the decision stays, " +
      "marked undone, with who, when and why. NOT_FOUND when no live decision has the id. INVESTIGATOR and above.",
  })
  async undoDecision(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ResolutionDecision> {
    return shown(ctx, await ctx.decisions.undo(id, ctx.viewer.subject, reason));
  }

  // Measured with PROFILE like the candidates' page: the decidedAt order is a sort of the decisions
  // the filter keeps, which stay few (human decisions); about 10 hits a decision.
  @Cost({ base: 200, perItem: 10, items: "first" })
  @Query(() => ResolutionDecisionConnection, {
    description: "Resolution decisions, latest first: live ones, or all with includeUndone. INVESTIGATOR and above.",
  })
  async resolutionDecisions(@Args(() => ResolutionDecisionsArgs) args: ResolutionDecisionsArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ResolutionDecision>> {
    const filter = {
      kind: args.kind ?? null,
      includeUndone: args.includeUndone,
      entityId: args.entityId == null ? null : await entityId(ctx, args.entityId),
    };
    const scope = listScope("resolutionDecisions", "DECIDED_AT:DESC", filter);
    const request = sortedPageRequest(ctx, scope, args);
    const after = request.after === null ? null : { id: request.after.id, decidedAtMs: timeOf(request.after.value) };
    const page = await ctx.decisions.page(filter, after, request.first);
    const items = page.items.map((decision) => shown(ctx, decision));
    return toConnection(
      ctx,
      scope,
      { items, hasNextPage: page.hasNextPage },
      () => ctx.decisions.count(filter),
      (index) => page.items[index]!.decidedAt.getTime(),
    );
  }

  @Cost({ base: 10 })
  @FieldResolver(() => Party, { nullable: true, description: "The entity of the lower id." })
  a(@Root() decision: ResolutionDecision, @Ctx() ctx: Context): Promise<Person | Company | null> {
    return matchParty(ctx, decision.kind, decision.aId);
  }

  @Cost({ base: 10 })
  @FieldResolver(() => Party, { nullable: true, description: "The entity of the higher id." })
  b(@Root() decision: ResolutionDecision, @Ctx() ctx: Context): Promise<Person | Company | null> {
    return matchParty(ctx, decision.kind, decision.bId);
  }
}

/** The kind and entities a candidate id names; BAD_USER_INPUT when it is not one. */
async function pairOf(ctx: Context, candidateId: string): Promise<Pick<DecisionRequest, "kind" | "a" | "b">> {
  const pair = parseCandidateId(candidateId);
  if (!pair) throw new BadInputError("candidateId", "is not a candidate id (`Person:<a>|<b>` or `Company:<a>|<b>`)");
  return { kind: pair.kind, a: await entityId(ctx, pair.a), b: await entityId(ctx, pair.b) };
}

async function decide(ctx: Context, request: Omit<DecisionRequest, "decidedBy" | "automatic">): Promise<ResolutionDecision> {
  return shown(ctx, await ctx.decisions.decide({ ...request, decidedBy: ctx.viewer.subject, automatic: false }));
}

/** A decision as GraphQL shows it; it names both entities, so both are noted as disclosed. */
function shown(ctx: Context, decision: StoredDecision): ResolutionDecision {
  const label = MATCH_LABEL[decision.kind];
  ctx.access.disclose(label, decision.a);
  ctx.access.disclose(label, decision.b);
  return {
    id: decision.id,
    kind: decision.kind,
    verdict: decision.verdict,
    candidateId: decision.pairId,
    reason: decision.reason,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt.toISOString(),
    automatic: decision.automatic,
    score: decision.score,
    features: [...decision.features],
    undoneAt: decision.undoneAt?.toISOString() ?? null,
    undoneBy: decision.undoneBy,
    undoReason: decision.undoReason,
    aId: decision.a,
    bId: decision.b,
  };
}

/** The time a cursor of this list holds; cursors are sealed, so anything else is not one of ours. */
function timeOf(value: string | number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new BadInputError("after", "is not a cursor given by this API");
  return value;
}

