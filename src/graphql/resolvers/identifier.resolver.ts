import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Identifier } from "../types/identifier.type.js";
import { Party } from "../types/party.type.js";
import { entityId } from "./argument-ids.js";
import { lookup } from "./lists.js";
import { nodes, type Awaitable } from "./relation-fields.js";

@Resolver(() => Identifier)
export class IdentifierResolver {
  @Cost({ base: 20 })
  @Query(() => Identifier, { nullable: true, description: "An identifier by id (KIND:value); null when there is none." })
  async identifier(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Identifier | null> {
    return lookup(ctx, info, NodeLabel.Identifier, await entityId(ctx, id));
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Party], { description: "The persons and companies that use this identifier." })
  holders(@Root() identifier: Identifier, @Ctx() ctx: Context): Awaitable<(typeof Party)[]> {
    return nodes(ctx, "Identifier.holders", identifier);
  }
}
