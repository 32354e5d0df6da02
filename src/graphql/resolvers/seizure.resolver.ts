import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import type { Parameters } from "../../db/cypher-executor.js";
import { BadInputError } from "../../domain/errors.js";
import { PageArgs } from "../inputs/page.args.js";
import { SeizureFilter } from "../inputs/seizure-filter.input.js";
import { SeizureOrder } from "../inputs/seizure-order.input.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { CommodityLine } from "../types/commodity-line.type.js";
import { Country } from "../types/country.type.js";
import { Arrest } from "../types/links.type.js";
import { Place } from "../types/place.type.js";
import { Seizure } from "../types/seizure.type.js";
import { Shipment } from "../types/shipment.type.js";
import { Citation } from "../types/source.type.js";
import { SentenceCitation, sentenceCitations } from "../types/sentence-citation.type.js";
import { filterParameters, lookup, orderedListConnection } from "./lists.js";
import { checkSourceFilter } from "./source-filter.js";
import { arrestsOf, citations, node, nodes, type Awaitable } from "./relation-fields.js";

export const SeizureConnection = connectionType("Seizure", Seizure);

const FILTER_KEYS = ["country", "place", "species", "product", "mode", "source", "dateFrom", "dateTo"] as const;

/** The list queries' parameters of a filter: its fields, and its flow as `flowFrom` and `flowTo`. */
function seizureParameters(filter: SeizureFilter | null): Parameters {
  const flow = filter?.flow ?? null;
  if (flow && flow.from === flow.to) throw new BadInputError("filter.flow.to", "must differ from filter.flow.from");
  return { ...filterParameters(filter, FILTER_KEYS), flowFrom: flow?.from ?? null, flowTo: flow?.to ?? null };
}

@Resolver(() => Seizure)
export class SeizureResolver {
  @Cost({ base: 20 })
  @Query(() => Seizure, { nullable: true, description: "A seizure by id; null when there is none." })
  seizure(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Seizure | null> {
    return lookup(ctx, info, NodeLabel.Seizure, id);
  }

  // The base covers a filter that is tested on every seizure, such as a flow's membership (calibrated).
  @Cost({ base: 2000, perItem: 10, items: "first" })
  @Query(() => SeizureConnection, {
    description: "Seizures matching a filter, in id order or in the order asked for (such as the latest first).",
  })
  async seizures(
    @Arg("filter", () => SeizureFilter, { nullable: true }) filter: SeizureFilter | null,
    @Arg("orderBy", () => SeizureOrder, { nullable: true, description: "Id ascending when left out." })
    orderBy: SeizureOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Seizure>> {
    await checkSourceFilter(ctx, filter?.source);
    return orderedListConnection(ctx, info, "seizures", seizureParameters(filter), orderBy, page);
  }

  @FieldResolver(() => [SentenceCitation], {
    description: "For a seizure read from a text (a press release): each value read, with the sentence it came from.",
  })
  citedSentences(@Root() seizure: Seizure): SentenceCitation[] {
    return sentenceCitations(seizure.citedSentences);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Country, { nullable: true, description: "The country where the seizure was made." })
  country(@Root() seizure: Seizure, @Ctx() ctx: Context): Awaitable<Country | null> {
    return node(ctx, "Seizure.country", seizure);
  }

  @Cost(RelationCost.ONE)
  @FieldResolver(() => Place, { nullable: true, description: "The port, airport or crossing of the seizure." })
  place(@Root() seizure: Seizure, @Ctx() ctx: Context): Awaitable<Place | null> {
    return node(ctx, "Seizure.place", seizure);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Shipment], { description: "The shipments intercepted." })
  shipments(@Root() seizure: Seizure, @Ctx() ctx: Context): Awaitable<Shipment[]> {
    return nodes(ctx, "Seizure.shipments", seizure);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [CommodityLine], { description: "What was found." })
  commodities(@Root() seizure: Seizure, @Ctx() ctx: Context): Awaitable<CommodityLine[]> {
    return nodes(ctx, "Seizure.commodities", seizure);
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Arrest], { description: "The people arrested, with charges and outcomes." })
  arrests(@Root() seizure: Seizure, @Ctx() ctx: Context): Promise<Arrest[]> {
    return arrestsOf(ctx, "Seizure.arrests", seizure, { seizure });
  }

  @Cost(RelationCost.MANY)
  @FieldResolver(() => [Citation], { description: "The sources this seizure comes from." })
  sources(@Root() seizure: Seizure, @Ctx() ctx: Context): Promise<Citation[]> {
    return citations(ctx, "Seizure.sources", seizure);
  }
}
