import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import { Role } from "../../auth/role.js";
import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { PERSON_FILTER_KEYS, PersonFilter } from "../inputs/party-filters.input.js";
import { PersonOrder, PersonOrderField } from "../inputs/party-order.input.js";
import { PageArgs } from "../inputs/page.args.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { Country } from "../types/country.type.js";
import { Identifier } from "../types/identifier.type.js";
import { Arrest, Office, Participation } from "../types/links.type.js";
import { Person } from "../types/person.type.js";
import { Citation } from "../types/source.type.js";
import { entityId, filterWithEntityIds } from "./argument-ids.js";
import { filterParameters, lookup, partyCount, orderedListConnection, validatedAs } from "./lists.js";
import { arrestsOf, citations, nodes, offices, participations, type Awaitable } from "./relation-fields.js";

export const PersonConnection = connectionType("Person", Person);

@Resolver(() => Person)
export class PersonResolver {
  @Cost({ base: 20 })
  @Query(() => Person, { nullable: true, description: "A person by id; null when there is none." })
  async person(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Person | null> {
    return lookup(ctx, info, NodeLabel.Person, await entityId(ctx, id));
  }

  @Cost({ base: 5000, perItem: 10, items: "first" })
  @Query(() => PersonConnection, {
    description: "Persons matching a filter, in id order or in the order asked for (such as most seizures first).",
  })
  async persons(
    @Arg("filter", () => PersonFilter, { nullable: true, validateFn: validatedAs("filter") }) filter: PersonFilter | null,
    @Arg("orderBy", () => PersonOrder, { nullable: true, description: "Id ascending when left out." })
    orderBy: PersonOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Person>> {
    // Sorting by name would tell names to a viewer who may not read them.
    if (orderBy?.field === PersonOrderField.NAME) ctx.access.require(Role.INVESTIGATOR, "persons(orderBy: NAME)");
    return orderedListConnection(ctx, info, "persons", filterParameters(await filterWithEntityIds(ctx, filter), PERSON_FILTER_KEYS), orderBy, page);
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  seizureCount(@Root() person: Person, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "persons", person, "seizureCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  shipmentCount(@Root() person: Person, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "persons", person, "shipmentCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  identifierCount(@Root() person: Person, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "persons", person, "identifierCount");
  }

  @Cost(RelationCost.COUNT)
  @FieldResolver()
  companyCount(@Root() person: Person, @Ctx() ctx: Context): Promise<number> {
    return partyCount(ctx, "persons", person, "companyCount");
  }

  @FieldResolver(() => [String])
  aliases(@Root() person: Person): string[] {
    return person.aliases ?? [];
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Identifier], { description: "Phones, e-mails, addresses, accounts and documents used." })
  identifiers(@Root() person: Person, @Ctx() ctx: Context): Awaitable<Identifier[]> {
    return nodes(ctx, "Person.identifiers", person);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Participation], { description: "Shipments this person took part in." })
  shipments(@Root() person: Person, @Ctx() ctx: Context): Promise<Participation[]> {
    return participations(ctx, "Person.shipments", person);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Arrest], { description: "Seizures in which this person was arrested." })
  arrests(@Root() person: Person, @Ctx() ctx: Context): Promise<Arrest[]> {
    return arrestsOf(ctx, "Person.arrests", person, { person });
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Office], { description: "Companies this person holds an office in." })
  offices(@Root() person: Person, @Ctx() ctx: Context): Promise<Office[]> {
    return offices(ctx, "Person.offices", person, { person });
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Country])
  nationalities(@Root() person: Person, @Ctx() ctx: Context): Awaitable<Country[]> {
    return nodes(ctx, "Person.nationalities", person);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Citation], { description: "The sources this person appears in." })
  sources(@Root() person: Person, @Ctx() ctx: Context): Promise<Citation[]> {
    return citations(ctx, "Person.sources", person);
  }
}
