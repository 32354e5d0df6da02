import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Country } from "../types/country.type.js";
import { RouteStop } from "../types/links.type.js";
import { Citation, Source } from "../types/source.type.js";
import { node } from "./relation-fields.js";

@Resolver(() => RouteStop)
export class RouteStopResolver {
  @Cost(RelationCost.ONE)
  @FieldResolver(() => Country, { nullable: true, description: "The stop's country (the place's, for a place)." })
  country(@Root() stop: RouteStop, @Ctx() ctx: Context): Promise<Country | null> | Country | null {
    return stop.place ? node(ctx, "Place.country", stop.place) : stop.country;
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @Cost(RelationCost.ONE)
  @FieldResolver(() => Source)
  async source(@Root() citation: Citation, @Ctx() ctx: Context): Promise<Source> {
    if (citation.source) return citation.source;
    return (await ctx.loaders.node(NodeLabel.Source).load(citation.sourceId)) as unknown as Source;
  }
}
