import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import type { PartyRole, StopRole } from "../../domain/vocabulary.js";
import { PageArgs } from "../inputs/page.args.js";
import { ShipmentFilter } from "../inputs/shipment-filter.input.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Carrier } from "../types/carrier.type.js";
import { CommodityLine } from "../types/commodity-line.type.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { RouteStop, ShipmentParty } from "../types/links.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { Citation } from "../types/source.type.js";
import { filterParameters, listConnection, lookup } from "./lists.js";
import { citations, citationsOf, links, node, nodes, roleTextOf, type Awaitable } from "./relation-fields.js";

export const ShipmentConnection = connectionType("Shipment", Shipment);

const FILTER_KEYS = [
  "country",
  "origin",
  "destination",
  "place",
  "species",
  "product",
  "mode",
  "dateFrom",
  "dateTo",
] as const;

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Cost({ base: 20 })
  @Query(() => Shipment, { nullable: true, description: "A shipment by id; null when there is none." })
  shipment(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Shipment | null> {
    return lookup(ctx, info, NodeLabel.Shipment, id);
  }

  @Cost({ base: 4000, perItem: 10, items: "first" })
  @Query(() => ShipmentConnection, { description: "Shipments matching a filter, in id order." })
  shipments(
    @Arg("filter", () => ShipmentFilter, { nullable: true }) filter: ShipmentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Shipment>> {
    return listConnection(ctx, info, "shipments", filterParameters(filter, FILTER_KEYS), page);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [RouteStop], { description: "The route in order: origin, transits, destination." })
  async route(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<RouteStop[]> {
    return (await links(ctx, "Shipment.route", shipment)).map((link) => {
      const { node: stop, labels, rel } = link;
      const isPlace = labels.includes(NodeLabel.Place);
      return {
        sequence: rel.seq as number,
        role: rel.role as StopRole,
        placeText: (rel.placeText as string | undefined) ?? null,
        countryText: (rel.countryText as string | undefined) ?? null,
        place: isPlace ? (stop as unknown as RouteStop["place"]) : null,
        // A place's country is resolved by RouteStopResolver through the loaders.
        country: isPlace ? null : (stop as unknown as RouteStop["country"]),
        ...citationsOf(link),
      };
    });
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [CommodityLine], { description: "What the shipment carried." })
  commodities(@Root() shipment: Shipment, @Ctx() ctx: Context): Awaitable<CommodityLine[]> {
    return nodes(ctx, "Shipment.commodities", shipment);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Seizure], { description: "The seizures that intercepted this shipment." })
  seizures(@Root() shipment: Shipment, @Ctx() ctx: Context): Awaitable<Seizure[]> {
    return nodes(ctx, "Shipment.seizures", shipment);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Carrier, { nullable: true })
  carrier(@Root() shipment: Shipment, @Ctx() ctx: Context): Awaitable<Carrier | null> {
    return node(ctx, "Shipment.carrier", shipment);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [ShipmentParty], { description: "Shippers, consignees, forwarders, couriers, ..." })
  async parties(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<ShipmentParty[]> {
    return (await links(ctx, "Shipment.parties", shipment)).map((link) => ({
      role: link.rel.role as PartyRole,
      roleText: roleTextOf(link),
      party: { ...link.node, labels: link.labels } as unknown as ShipmentParty["party"],
      ...citationsOf(link),
    }));
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Citation], { description: "The sources this shipment comes from." })
  sources(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<Citation[]> {
    return citations(ctx, "Shipment.sources", shipment);
  }
}
