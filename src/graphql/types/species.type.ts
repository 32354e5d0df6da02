import { Field, ID, ObjectType } from "type-graphql";

import { CitesAppendix, TaxonRank } from "./enums.js";

@ObjectType({ description: "A name of a species in one language." })
export class LocalizedName {
  @Field(() => String, { description: "ISO 639-1 language code." })
  language: string;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: "A taxon, with its CITES listing and higher taxonomy." })
export class Species {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  scientificName: string;

  @Field(() => CitesAppendix, { nullable: true })
  citesAppendix: CitesAppendix | null;

  @Field(() => String, { nullable: true })
  kingdom: string | null;

  @Field(() => String, { nullable: true })
  phylum: string | null;

  @Field(() => String, { nullable: true, description: "The class (Mammalia, Aves, ...)." })
  taxonClass: string | null;

  @Field(() => String, { nullable: true })
  order: string | null;

  @Field(() => String, { nullable: true })
  family: string | null;

  @Field(() => String, { nullable: true })
  genus: string | null;

  /** Stored on higher taxa only (mappings/cites-taxonomy.yaml); a species node has none. */
  rank?: TaxonRank | null;

  /** Stored on species the CITES index gives other names for. */
  synonyms?: string[] | null;
}
