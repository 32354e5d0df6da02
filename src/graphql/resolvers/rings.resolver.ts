import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { foundById } from "../../loaders/found-by-id.js";
import { BadInputError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import type { RingMemberRecord, StoredRing } from "../../repositories/ring.repository.js";
import { RingBrokersArgs, RingOfArgs, RingsArgs, RingSeizuresArgs } from "../inputs/rings.args.js";
import { Cost } from "../limits/field-cost.js";
import type { Company } from "../types/company.type.js";
import type { Person } from "../types/person.type.js";
import { Ring, RingAnalysis, RingAnalysisState, RingMember } from "../types/ring.type.js";
import { Seizure } from "../types/seizure.type.js";
import { entityId } from "./argument-ids.js";

/** The rings, ring and ringOf root fields: results stored by the ring analysis (`npm run analyze`). */
@Resolver()
export class RingsResolver {
  @Cost({ base: 1500, perItem: 20, items: "first" })
  @Query(() => RingAnalysis, {
    description:
      "Groups of persons and companies that act together (shared identifiers, shared shipments, shared forwarders and " +
      "officers), found by community detection, each with its members, key brokers, the seizures it touches and their " +
      "total weight. Read from the results `npm run analyze` stores: `state`, `computedAt` and `ageSeconds` say how fresh they are.",
  })
  async rings(@Args(() => RingsArgs) args: RingsArgs, @Ctx() ctx: Context): Promise<RingAnalysis> {
    const run = await ctx.rings.latestRun(args.scope, args.minSize);
    if (run === null) {
      return {
        state: RingAnalysisState.NEVER_COMPUTED,
        scope: args.scope,
        computedAt: null,
        ageSeconds: null,
        durationMs: null,
        partyCount: 0,
        linkCount: 0,
        ringCount: 0,
        rings: [],
      };
    }
    const rings = await ctx.rings.list(run.id, args.minSize, args.first);
    return {
      state: RingAnalysisState.READY,
      scope: run.scope,
      computedAt: run.computedAt.toISOString(),
      ageSeconds: Math.max(0, Math.floor((Date.now() - run.computedAt.getTime()) / 1000)),
      durationMs: run.durationMs,
      partyCount: run.partyCount,
      linkCount: run.linkCount,
      ringCount: run.matching,
      rings: rings.map(toRing),
    };
  }

  @Cost({ base: 300 })
  @Query(() => Ring, { nullable: true, description: "A stored ring by id; null when no ring of the latest analyses has it." })
  async ring(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Ring | null> {
    if (id.length > 1000) throw new BadInputError("id", "at most 1000 characters");
    const found = await ctx.rings.byIds([id]);
    const ring = found.get(id);
    return ring ? toRing(ring) : null;
  }

  @Cost({ base: 300 })
  @Query(() => Ring, {
    nullable: true,
    description:
      "The ring a person or company belongs to in the scope's latest analysis; null when in none. A broker who works for two rings " +
      "is a member of both: this is the one he is most tied to (the other lists him among its members too).",
  })
  async ringOf(@Args(() => RingOfArgs) args: RingOfArgs, @Ctx() ctx: Context): Promise<Ring | null> {
    const partyId = await entityId(ctx, args.partyId);
    const ringId = (await ctx.rings.ofParties([partyId], args.scope)).get(partyId);
    if (ringId === undefined) return null;
    const ring = (await ctx.rings.byIds([ringId])).get(ringId);
    return ring ? toRing(ring) : null;
  }
}

/** A ring's members, brokers and seizures, resolved to parties and seizures through the loaders. */
@Resolver(() => Ring)
export class RingFieldsResolver {
  @Cost({ base: 20, perItem: 10 })
  @FieldResolver(() => [RingMember], { description: "Every member: brokers first (by rank), then the most tied." })
  members(@Root() ring: Ring, @Ctx() ctx: Context): Promise<RingMember[]> {
    return membersOf(ctx, ring.memberRecords);
  }

  @Cost({ base: 10, perItem: 10 })
  @FieldResolver(() => [RingMember], {
    description: "The members who bridge the ring to other rings, strongest first: the key brokers. Empty when none does.",
  })
  brokers(@Root() ring: Ring, @Args(() => RingBrokersArgs) args: RingBrokersArgs, @Ctx() ctx: Context): Promise<RingMember[]> {
    const brokers = ring.memberRecords.filter((member) => member.brokerRank !== null).sort((a, b) => a.brokerRank! - b.brokerRank!);
    return membersOf(ctx, brokers.slice(0, args.first));
  }

  @Cost({ base: 20, perItem: 15 })
  @FieldResolver(() => [Seizure], { description: "The seizures the ring touches, latest first." })
  async seizures(@Root() ring: Ring, @Args(() => RingSeizuresArgs) args: RingSeizuresArgs, @Ctx() ctx: Context): Promise<Seizure[]> {
    const ids = ring.seizureIds.slice(0, args.first);
    const found = foundById<Seizure>(ids, await ctx.loaders.node(NodeLabel.Seizure).loadMany(ids));
    return ids.flatMap((id) => found.get(id) ?? []);
  }
}

function toRing(ring: StoredRing): Ring {
  return {
    id: ring.id,
    rank: ring.rank,
    size: ring.size,
    seizureCount: ring.seizureCount,
    totalWeightKg: ring.totalWeightKg,
    shipmentCount: ring.shipmentCount,
    computedAt: ring.computedAt.toISOString(),
    density: ring.quality?.density ?? null,
    closure: ring.quality?.closure ?? null,
    meanCohesion: ring.quality?.meanCohesion ?? null,
    stability: ring.quality?.stability ?? null,
    memberRecords: ring.members,
    seizureIds: ring.seizureIds,
  };
}

/** The members as parties, in the order given; a party deleted since the analysis is left out. */
async function membersOf(ctx: Context, members: readonly RingMemberRecord[]): Promise<RingMember[]> {
  const rows = await Promise.all(
    members.map((member) => ctx.loaders.node(member.kind === "Person" ? NodeLabel.Person : NodeLabel.Company).load(member.id)),
  );
  return members.flatMap((member, index) => {
    const row = rows[index];
    if (!row) return [];
    // The Party union tells persons from companies by their labels.
    const party = { ...row, labels: [member.kind] } as unknown as Person | Company;
    return [{ party, brokerRank: member.brokerRank, brokerScore: member.brokerScore, cohesion: member.cohesion }];
  });
}
