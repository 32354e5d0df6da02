import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";

import { alertStream, type AlertDelivery } from "../../alerts/alert-stream.js";
import type { StoredAlert } from "../../alerts/alert-store.js";
import { Role } from "../../auth/role.js";
import type { Context } from "../../context.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { AlertsArgs, AlertSubscriptionArgs } from "../inputs/alerts.args.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Alert, AlertPage } from "../types/alert.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { Watch } from "../types/watch.type.js";
import { lookup } from "./lists.js";
import { shown } from "./watch.resolver.js";

/** The viewer's alerts: read back after a cursor (`Query.alerts`), or delivered as they come (`Subscription.alerts`). */
@Resolver(() => Alert)
export class AlertsResolver {
  @Cost({ base: 20, perItem: 10, items: "first" })
  @Query(() => AlertPage, {
    description:
      "The viewer's alerts after a cursor, oldest first: what a subscription missed while it was away (or all of them). " +
      "INVESTIGATOR and above.",
  })
  async alerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() ctx: Context): Promise<AlertPage> {
    const after = args.after == null ? 0 : seqOf(args.after);
    const rows = await ctx.alerts.alertsAfter(ctx.viewer.subject, after, args.first + 1);
    const alerts = rows.slice(0, args.first).map(toAlert);
    return { alerts, hasNextPage: rows.length > args.first, endCursor: alerts.at(-1)?.cursor ?? null };
  }

  @Cost({ base: 20 })
  @Subscription(() => Alert, {
    name: "alerts",
    description:
      "The viewer's alerts as imports make them, over WebSocket (graphql-transport-ws) at /graphql. With `after`, the " +
      "alerts after that cursor are sent first, then the new ones. INVESTIGATOR and above.",
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { after?: string | null }, Context>) => {
      // Checked here, before any event: the role rules wrap only the field's resolver.
      context.access.require(Role.INVESTIGATOR, "Subscription.alerts");
      const after = args.after == null ? null : seqOf(args.after);
      return alertStream(context.alertBus, context.alerts, { owner: context.viewer.subject, after, beforeEach: () => context.renew() });
    },
  })
  async alertAdded(@Root() delivery: AlertDelivery, @Args(() => AlertSubscriptionArgs) _args: AlertSubscriptionArgs, @Ctx() ctx: Context): Promise<Alert> {
    if ("alert" in delivery) return toAlert(delivery.alert);
    const [alert] = await ctx.alerts.alertsByIds(ctx.viewer.subject, [delivery.event.id]);
    if (!alert) throw new NotFoundError("alerts", "alert of yours");
    return toAlert(alert);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Watch, { nullable: true, description: "The watch it is for (removed since, perhaps)." })
  async watch(@Root() alert: Alert, @Ctx() ctx: Context): Promise<Watch | null> {
    const watch = await ctx.alertWatches.load(alert.watchId);
    return watch ? shown(ctx, watch) : null;
  }

  @Cost({ base: 20 })
  @FieldResolver(() => Seizure, { nullable: true, description: "The seizure that touched the watch; null when it was a shipment." })
  seizure(@Root() alert: Alert, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Seizure | null> | null {
    return alert.factLabel === "Seizure" ? lookup(ctx, info, NodeLabel.Seizure, alert.factId) : null;
  }

  @Cost({ base: 20 })
  @FieldResolver(() => Shipment, { nullable: true, description: "The shipment that touched the watch; null when it was a seizure." })
  shipment(@Root() alert: Alert, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Shipment | null> | null {
    return alert.factLabel === "Shipment" ? lookup(ctx, info, NodeLabel.Shipment, alert.factId) : null;
  }
}

function toAlert(alert: StoredAlert): Alert {
  return { ...alert, cursor: cursorOf(alert.seq) };
}

const CURSOR_PREFIX = "alert:";

function cursorOf(seq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`, "utf8").toString("base64url");
}

/** The seq a cursor of this API names; BAD_USER_INPUT for any other text. */
function seqOf(cursor: string): number {
  const match = /^alert:([1-9]\d{0,14})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || cursorOf(Number(match[1])) !== cursor) throw new BadInputError("after", "is not an alert cursor given by this API");
  return Number(match[1]);
}
