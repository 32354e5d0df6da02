import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { PageArgs } from "../inputs/page.args.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Carrier } from "../types/carrier.type.js";
import type { ConnectionShape } from "../types/connection.js";
import { Shipment } from "../types/shipment.type.js";
import { nodeConnection, type Awaitable } from "./relation-fields.js";
import { ShipmentConnection } from "./shipment.resolver.js";

@Resolver(() => Carrier)
export class CarrierResolver {
  @Cost(RelationCost.PAGE)
  @FieldResolver(() => ShipmentConnection, { description: "Shipments this carrier moved." })
  shipments(
    @Root() carrier: Carrier,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<Shipment>> {
    return nodeConnection(ctx, "Carrier.shipments", carrier, page);
  }
}
