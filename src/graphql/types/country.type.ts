import { Field, Float, ObjectType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";

@ObjectType({ description: "A country or territory, as in ISO 3166." })
export class Country {
  /** The ISO code is the node's id. */
  id: string;

  @Field(() => CountryCodeScalar, { description: "ISO 3166-1 alpha-2 code." })
  code: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-3 code." })
  iso3: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "The name in Chinese." })
  nameZh: string | null;

  @Field(() => [String], { description: "Other spellings found in records, such as Viet Nam or UAE." })
  alternativeNames: string[];

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;
}
