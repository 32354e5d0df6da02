import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { CommodityLine } from "../types/commodity-line.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { Species } from "../types/species.type.js";
import { node, type Awaitable } from "./relation-fields.js";

@Resolver(() => CommodityLine)
export class CommodityLineResolver {
  @Cost(RelationCost.ONE)
  @FieldResolver(() => Species, { nullable: true })
  species(@Root() line: CommodityLine, @Ctx() ctx: Context): Awaitable<Species | null> {
    return node(ctx, "CommodityLine.species", line);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Seizure, { nullable: true, description: "The seizure that recovered these goods." })
  seizure(@Root() line: CommodityLine, @Ctx() ctx: Context): Awaitable<Seizure | null> {
    return node(ctx, "CommodityLine.seizure", line);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Shipment, { nullable: true, description: "The shipment that carried these goods." })
  shipment(@Root() line: CommodityLine, @Ctx() ctx: Context): Awaitable<Shipment | null> {
    return node(ctx, "CommodityLine.shipment", line);
  }
}
