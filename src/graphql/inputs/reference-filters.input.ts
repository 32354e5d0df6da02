import { Field, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { CitesAppendix, PlaceKind, TaxonRank } from "../types/enums.js";

@InputType({ description: "Narrows a list of places." })
export class PlaceFilter {
  @Field(() => CountryCodeScalar, { nullable: true })
  country?: string | null;

  @Field(() => PlaceKind, { nullable: true })
  kind?: PlaceKind | null;
}

@InputType({ description: "Narrows a list of countries." })
export class CountryFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "Only the countries that border this one." })
  borders?: string | null;
}

@InputType({ description: "Narrows a list of species." })
export class SpeciesFilter {
  @Field(() => CitesAppendix, { nullable: true })
  citesAppendix?: CitesAppendix | null;

  @Field(() => String, { nullable: true, description: "A class, such as Mammalia or Reptilia." })
  taxonClass?: string | null;

  @Field(() => TaxonRank, { nullable: true, description: "Only taxa of this rank; none: every rank (species, and the genera, families and orders goods were named by)." })
  rank?: TaxonRank | null;
}
