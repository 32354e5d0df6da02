import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { COMPANY_FILTER_KEYS, CompanyFilter } from "../inputs/party-filters.input.js";
import { CompanyOrder } from "../inputs/party-order.input.js";
import { PageArgs } from "../inputs/page.args.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { Company } from "../types/company.type.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { Country } from "../types/country.type.js";
import { Identifier } from "../types/identifier.type.js";
import { Office, Participation } from "../types/links.type.js";
import { Citation } from "../types/source.type.js";
import { entityId, filterWithEntityIds } from "./argument-ids.js";
import { filterParameters, lookup, partyCount, orderedListConnection, validatedAs } from "./lists.js";
import { citations, node, nodes, offices, participations, type Awaitable } from "./relation-fields.js";

export const CompanyConnection = connectionType("Company", Company);

@Resolver(() => Company)
export class CompanyResolver {
  @Cost({ base: 20 })
  @Query(() => Company, { nullable: true, description: "A company by id; null when there is none." })
  async company(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Company | null> {
    return lookup(ctx, info, NodeLabel.Company, await entityId(ctx, id));
  }

  @Cost({ base: 2000, perItem: 10, items: "first" })
  @Query(() => CompanyConnection, {
    description: "Companies matching a filter, in id order or in the order asked for (such as most shipments first).",
  })
  async companies(
    @Arg("filter", () => CompanyFilter, { nullable: true, validateFn: validatedAs("filter") }) filter: CompanyFilter | null,
    @Arg("orderBy", () => CompanyOrder, { nullable: true, description: "Id ascending when left out." })
    orderBy: CompanyOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Company>> {
    return orderedListConnection(ctx, info, "companies", filterParameters(await filterWithEntityIds(ctx, filter), COMPANY_FILTER_KEYS), orderBy, page);
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  shipmentCount(@Root() company: Company, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "companies", company, "shipmentCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  seizureCount(@Root() company: Company, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "companies", company, "seizureCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  officerCount(@Root() company: Company, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "companies", company, "officerCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  identifierCount(@Root() company: Company, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "companies", company, "identifierCount");
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Identifier], { description: "Phones, e-mails, addresses, accounts and registrations used." })
  identifiers(@Root() company: Company, @Ctx() ctx: Context): Awaitable<Identifier[]> {
    return nodes(ctx, "Company.identifiers", company);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Participation], { description: "Shipments this company took part in." })
  shipments(@Root() company: Company, @Ctx() ctx: Context): Promise<Participation[]> {
    return participations(ctx, "Company.shipments", company);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Office], { description: "The people who hold offices in this company." })
  officers(@Root() company: Company, @Ctx() ctx: Context): Promise<Office[]> {
    return offices(ctx, "Company.officers", company, { company });
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Country, { nullable: true, description: "The country of registration." })
  country(@Root() company: Company, @Ctx() ctx: Context): Awaitable<Country | null> {
    return node(ctx, "Company.country", company);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Citation], { description: "The sources this company appears in." })
  sources(@Root() company: Company, @Ctx() ctx: Context): Promise<Citation[]> {
    return citations(ctx, "Company.sources", company);
  }
}
