import { Field, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";

@InputType({
  description:
    "A country-level flow: the hops from one country to another, as `flows(level: COUNTRY)` links them (`source` → `target`).",
})
export class CountryFlow {
  @Field(() => CountryCodeScalar, { description: "The flow's source country (a link's `source`)." })
  from: string;

  @Field(() => CountryCodeScalar, { description: "The flow's target country (a link's `target`)." })
  to: string;
}
