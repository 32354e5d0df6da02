import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NotFoundError } from "../../domain/errors.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import type { Sharer, SharerRequest } from "../../repositories/shared-identifier.repository.js";
import { SharedIdentifiersArgs } from "../inputs/shared-identifiers.args.js";
import { Cost } from "../limits/field-cost.js";
import { Company } from "../types/company.type.js";
import type { Identifier } from "../types/identifier.type.js";
import { Person } from "../types/person.type.js";
import { IdentifierSharer } from "../types/shared-identifier.type.js";
import { entityId } from "./argument-ids.js";
import { fieldsAskedBelow } from "./fetch-plan.js";

const DESCRIPTION =
  "The other persons and companies that share a phone, e-mail, address, bank account or document number " +
  "with this party, most shared first (then by id), each with the identifiers shared.";

/** The `sharedIdentifiers` root field. */
@Resolver()
export class SharedIdentifiersResolver {
  @Cost({ base: 150, perItem: 5 })
  @Query(() => [IdentifierSharer], {
    description: `${DESCRIPTION} NOT_FOUND when no person or company has the id (an id of another kind of entity included).`,
  })
  async sharedIdentifiers(
    @Arg("id", () => ID, { description: "A person's or a company's id." }) id: string,
    @Args(() => SharedIdentifiersArgs) args: SharedIdentifiersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IdentifierSharer[]> {
    const sharers = await load(ctx, info, [NodeLabel.Person, NodeLabel.Company], args, await entityId(ctx, id));
    if (sharers === null) throw new NotFoundError("id", "person or company");
    return sharers;
  }
}

/** `Person.sharedIdentifiers`, batched: a list of persons costs one round trip. */
@Resolver(() => Person)
export class PersonSharedIdentifiersResolver {
  @Cost({ base: 150, perItem: 5 })
  @FieldResolver(() => [IdentifierSharer], { description: DESCRIPTION })
  async sharedIdentifiers(
    @Root() person: Person,
    @Args(() => SharedIdentifiersArgs) args: SharedIdentifiersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IdentifierSharer[]> {
    return (await load(ctx, info, [NodeLabel.Person], args, person.id)) ?? [];
  }
}

/** `Company.sharedIdentifiers`, batched like the persons'. */
@Resolver(() => Company)
export class CompanySharedIdentifiersResolver {
  @Cost({ base: 150, perItem: 5 })
  @FieldResolver(() => [IdentifierSharer], { description: DESCRIPTION })
  async sharedIdentifiers(
    @Root() company: Company,
    @Args(() => SharedIdentifiersArgs) args: SharedIdentifiersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IdentifierSharer[]> {
    return (await load(ctx, info, [NodeLabel.Company], args, company.id)) ?? [];
  }
}

async function load(
  ctx: Context,
  info: GraphQLResolveInfo,
  labels: SharerRequest["labels"],
  args: SharedIdentifiersArgs,
  id: string,
): Promise<IdentifierSharer[] | null> {
  const request: SharerRequest = {
    labels,
    kinds: args.kinds ? [...new Set(args.kinds)] : null,
    first: args.first,
    resolved: args.resolved,
    ...readOfSharers(info),
  };
  const sharers = await ctx.loaders.sharedIdentifiers(ctx.sharedIdentifiers, request).load(id);
  return sharers === null ? null : sharers.map(toGraphQL);
}

/**
 * What the request asks of each sharer: its party's properties when it asks more of the party than
 * its id (a field resolved through the loaders, such as a party's seizures, reads from the id);
 * the identifiers' values when it asks more of them than their id and kind.
 */
function readOfSharers(info: GraphQLResolveInfo): Pick<SharerRequest, "partyProperties" | "identifierValues"> {
  const beyond = (asked: Set<string>, read: readonly string[]) => [...asked].some((field) => !read.includes(field));
  return {
    partyProperties: beyond(fieldsAskedBelow(info, ["party"]), ["id", "__typename"]),
    identifierValues: beyond(fieldsAskedBelow(info, ["identifiers"]), ["id", "kind", "__typename"]),
  };
}

function toGraphQL(sharer: Sharer): IdentifierSharer {
  return {
    party: sharer.party as unknown as Person | Company,
    sharedCount: sharer.sharedCount,
    identifiers: sharer.identifiers as unknown as Identifier[],
  };
}
