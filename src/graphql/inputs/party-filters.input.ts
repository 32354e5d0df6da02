import { Field, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { CompanyKind } from "../types/enums.js";

@InputType({ description: "Narrows a list of persons." })
export class PersonFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "A nationality of the person." })
  nationality?: string | null;
}

@InputType({ description: "Narrows a list of companies." })
export class CompanyFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "The country of registration." })
  country?: string | null;

  @Field(() => CompanyKind, { nullable: true })
  kind?: CompanyKind | null;
}
