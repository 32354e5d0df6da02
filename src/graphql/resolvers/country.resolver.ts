import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { CountryFilter } from "../inputs/reference-filters.input.js";
import { PageArgs } from "../inputs/page.args.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { Company } from "../types/company.type.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { Country } from "../types/country.type.js";
import { Place } from "../types/place.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { CompanyConnection } from "./company.resolver.js";
import { filterParameters, listConnection, lookup } from "./lists.js";
import { PlaceConnection } from "./place.resolver.js";
import { nodeConnection, nodes, type Awaitable } from "./relation-fields.js";
import { SeizureConnection } from "./seizure.resolver.js";
import { ShipmentConnection } from "./shipment.resolver.js";

export const CountryConnection = connectionType("Country", Country);

@Resolver(() => Country)
export class CountryResolver {
  @Cost({ base: 20 })
  @Query(() => Country, { nullable: true, description: "A country by ISO code; null when the graph has none." })
  country(@Arg("code", () => CountryCodeScalar) code: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Country | null> {
    return lookup(ctx, info, NodeLabel.Country, code);
  }

  @Cost({ base: 4000, perItem: 10, items: "first" })
  @Query(() => CountryConnection, { description: "Countries matching a filter, in code order." })
  countries(
    @Arg("filter", () => CountryFilter, { nullable: true }) filter: CountryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Country>> {
    return listConnection(ctx, info, "countries", filterParameters(filter, ["borders"]), page);
  }

  @FieldResolver(() => CountryCodeScalar)
  code(@Root() country: Country): string {
    return country.id;
  }

  @FieldResolver(() => [String])
  alternativeNames(@Root() country: Country): string[] {
    return country.alternativeNames ?? [];
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Country], { description: "Countries that share a land border with this one." })
  neighbours(@Root() country: Country, @Ctx() ctx: Context): Awaitable<Country[]> {
    return nodes(ctx, "Country.neighbours", country);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => PlaceConnection, { description: "Ports, airports, crossings and cities in this country." })
  places(@Root() country: Country, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Awaitable<ConnectionShape<Place>> {
    return nodeConnection(ctx, "Country.places", country, page);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => SeizureConnection, { description: "Seizures made in this country." })
  seizures(
    @Root() country: Country,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<Seizure>> {
    return nodeConnection(ctx, "Country.seizures", country, page);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => ShipmentConnection, { description: "Shipments with a country-level stop here." })
  shipments(
    @Root() country: Country,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<Shipment>> {
    return nodeConnection(ctx, "Country.shipments", country, page);
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => CompanyConnection, { description: "Companies registered in this country." })
  companies(
    @Root() country: Country,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<Company>> {
    return nodeConnection(ctx, "Country.companies", country, page);
  }
}
