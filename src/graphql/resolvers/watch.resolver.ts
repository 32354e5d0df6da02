import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";

import type { StoredWatch, WatchTarget } from "../../alerts/alert-store.js";
import { WatchKind } from "../../domain/watch-kind.js";
import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { WatchInput } from "../inputs/watch.input.js";
import { Cost } from "../limits/field-cost.js";
import { Watch } from "../types/watch.type.js";

/** Kinds whose watched node is recorded as disclosed when a response names it. */
const DISCLOSED_KINDS: Partial<Record<WatchKind, NodeLabel>> = {
  [WatchKind.PERSON]: NodeLabel.Person,
  [WatchKind.COMPANY]: NodeLabel.Company,
};

/** Watches: what an investigator follows; imports that touch them make alerts (alerts.resolver.ts). */
@Resolver(() => Watch)
export class WatchResolver {
  @Cost({ base: 30 })
  @Mutation(() => Watch, {
    description:
      "Watches a person, company, identifier or place (by id) or a route (two countries): imports that add a seizure or " +
      "shipment touching it make alerts for the viewer. Watching the same thing again gives the same watch, live again. " +
      "INVESTIGATOR and above.",
  })
  async watch(@Arg("input", () => WatchInput) input: WatchInput, @Ctx() ctx: Context): Promise<Watch> {
    const target = targetOf(input);
    const missing = await ctx.alerts.missingTargets(target);
    if (missing.length > 0) {
      const argument = target.kind === WatchKind.ROUTE ? (missing[0] === target.from ? "input.from" : "input.to") : "input.targetId";
      throw new NotFoundError(argument, target.kind === WatchKind.ROUTE ? "country" : target.kind.toLowerCase());
    }
    return shown(ctx, await ctx.alerts.watch(ctx.viewer.subject, target));
  }

  @Cost({ base: 20 })
  @Mutation(() => Watch, {
    description: "Stops one of the viewer's watches: no more alerts for it; its alerts stay. NOT_FOUND when the viewer has no such watch.",
  })
  async unwatch(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Watch> {
    const removed = await ctx.alerts.unwatch(ctx.viewer.subject, id);
    if (!removed) throw new NotFoundError("id", "watch of yours");
    return shown(ctx, removed);
  }

  @Cost({ base: 20, perItem: 5 })
  @Query(() => [Watch], { description: "The viewer's live watches, oldest first. INVESTIGATOR and above." })
  async watches(@Ctx() ctx: Context): Promise<Watch[]> {
    return (await ctx.alerts.watches(ctx.viewer.subject)).map((watch) => shown(ctx, watch));
  }
}

/** The target an input names; BAD_USER_INPUT when it gives the wrong fields for its kind. */
function targetOf(input: WatchInput): WatchTarget {
  if (input.kind === WatchKind.ROUTE) {
    if (input.targetId != null) throw new BadInputError("input.targetId", "must be left out for a ROUTE: give from and to");
    if (input.from == null) throw new BadInputError("input.from", "is needed for a ROUTE: the origin country's code");
    if (input.to == null) throw new BadInputError("input.to", "is needed for a ROUTE: the destination country's code");
    if (input.from === input.to) throw new BadInputError("input.to", "must differ from input.from");
    return { kind: WatchKind.ROUTE, from: input.from, to: input.to };
  }
  if (input.from != null || input.to != null) throw new BadInputError(input.from != null ? "input.from" : "input.to", "is only for a ROUTE");
  if (input.targetId == null) throw new BadInputError("input.targetId", `is needed for a ${input.kind}: the id to watch`);
  return { kind: input.kind, id: input.targetId };
}

/** A watch as GraphQL shows it; a watched person or company is noted as disclosed. */
export function shown(ctx: Context, watch: StoredWatch): Watch {
  const label = DISCLOSED_KINDS[watch.kind];
  if (label) ctx.access.disclose(label, watch.targetId);
  return {
    id: watch.id,
    kind: watch.kind,
    targetId: watch.targetId,
    from: watch.fromCountry,
    to: watch.toCountry,
    createdAt: watch.createdAt,
    removedAt: watch.removedAt,
  };
}
