import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import type { Context } from "../../context.js";
import { NodeLabel } from "../../domain/graph-schema.js";
import { PageArgs } from "../inputs/page.args.js";
import { SpeciesFilter } from "../inputs/reference-filters.input.js";
import { Cost, RelationCost } from "../limits/field-cost.js";
import { CommodityLine } from "../types/commodity-line.type.js";
import { connectionType, type ConnectionShape } from "../types/connection.js";
import { TaxonRank } from "../types/enums.js";
import { LocalizedName, Species } from "../types/species.type.js";
import { filterParameters, listConnection, lookup } from "./lists.js";
import { nodeConnection, type Awaitable } from "./relation-fields.js";

export const SpeciesConnection = connectionType("Species", Species);
export const CommodityLineConnection = connectionType("CommodityLine", CommodityLine);

/** Common names are stored as one list property per language: `commonNamesEn`, `commonNamesZh`, ... */
const NAME_PROPERTY = /^commonNames([A-Z][a-z])$/;

@Resolver(() => Species)
export class SpeciesResolver {
  @Cost({ base: 20 })
  @Query(() => Species, { nullable: true, description: "A species by id; null when there is none." })
  species(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context): Promise<Species | null> {
    return lookup(ctx, info, NodeLabel.Species, id);
  }

  @Cost({ base: 1000, perItem: 10, items: "first" })
  @Query(() => SpeciesConnection, { description: "Species matching a filter, in id order." })
  speciesList(
    @Arg("filter", () => SpeciesFilter, { nullable: true }) filter: SpeciesFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Species>> {
    return listConnection(ctx, info, "species", filterParameters(filter, ["citesAppendix", "taxonClass", "rank"]), page);
  }

  @FieldResolver(() => TaxonRank, { description: "SPECIES, or GENUS, FAMILY, ORDER for a higher taxon that goods named only at that rank (`Manis spp.`, `Pangolin`) refer to." })
  rank(@Root() species: Species): TaxonRank {
    return species.rank ?? TaxonRank.SPECIES;
  }

  @FieldResolver(() => [String], { description: "Other scientific names the CITES index gives the species, with their authors as written." })
  synonyms(@Root() species: Species): string[] {
    return species.synonyms ?? [];
  }

  @FieldResolver(() => [LocalizedName], { description: "Common names, in every language or in one." })
  commonNames(
    @Root() species: Species,
    @Arg("language", () => String, { nullable: true, description: "ISO 639-1 code, such as en, fr, zh." })
    // Null or undefined (given as null, or left out): every language.
    language: string | null | undefined,
  ): LocalizedName[] {
    return Object.entries(species)
      .flatMap(([property, names]) => {
        const match = NAME_PROPERTY.exec(property);
        return match ? (names as string[]).map((name) => ({ language: match[1].toLowerCase(), name })) : [];
      })
      .filter((name) => language === null || language === undefined || name.language === language.toLowerCase());
  }

  @Cost(RelationCost.PAGE)
  @FieldResolver(() => CommodityLineConnection, { description: "Goods of this species in seizures and shipments." })
  commodityLines(
    @Root() species: Species,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Awaitable<ConnectionShape<CommodityLine>> {
    return nodeConnection(ctx, "Species.commodityLines", species, page);
  }
}
