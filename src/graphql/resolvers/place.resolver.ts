import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { PageArgs } from "../inputs/page.args.js";
import { PlaceFilter } from "../inputs/reference-filters.input.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { Country } from "../types/country.type.js";
import { Place } from "../types/place.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { filterParameters, listConnection, lookup } from "./lists.js";
import { node, nodeConnection, type Awaitable } from "./relation-fields.js";
import { SeizureConnection } from "./seizure.resolver.js";
import { ShipmentConnection } from "./shipment.resolver.js";

export const PlaceConnection = connectionType("Place", Place);

@Resolver(() => Place)
export class PlaceResolver {
  @Cost({ base: 20 })
  @Query(() => Place, { nullable: true, description: "A place by id; null when there is none." })
  place(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Place | null> {
    return lookup(ctx, info, NodeLabel.Place, id);
  }

  @Cost({ base: 1500, perItem: 10, items: "first" })
  @Query(() => PlaceConnection, { description: "Places matching a filter, in id order." })
  places(
    @Arg("filter", () => PlaceFilter, { nullable: true }) filter: PlaceFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Place>> {
    return listConnection(ctx, info, "places", filterParameters(filter, ["country", "kind"]), page);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() place: Place, @Ctx() ctx: Context): Awaitable<Country | null> {
    return node(ctx, "Place.country", place);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => SeizureConnection, { description: "Seizures made at this place." })
  seizures(@Root() place: Place, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Awaitable<ConnectionShape<Seizure>> {
    return nodeConnection(ctx, "Place.seizures", place, page);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => ShipmentConnection, { description: "Shipments whose route stops here." })
  shipments(
    @Root() place: Place,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<Shipment>> {
    return nodeConnection(ctx, "Place.shipments", place, page);
  }
}
