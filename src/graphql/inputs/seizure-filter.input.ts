import { Field, ID, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Product, TransportMode } from "../types/enums.js";
import { CountryFlow } from "./country-flow.input.js";

@InputType({ description: "Narrows a list of seizures. Every field is optional; all given must match." })
export class SeizureFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "The country where the seizure was made." })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: "The place where the seizure was made." })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: "A species among the goods seized." })
  species?: string | null;

  @Field(() => Product, { nullable: true })
  product?: Product | null;

  @Field(() => TransportMode, { nullable: true, description: "How the intercepted shipment moved." })
  mode?: TransportMode | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A source (its id, such as `routes-airport-seizures`): only seizures that source reports, to compare one " +
      "dataset's picture with another's. For ANALYST and above (the roles that read sources). An id that names no " +
      "source is refused (NOT_FOUND), not read as no seizures.",
  })
  // Checked by the resolver (source-filter.ts): class-validator's errors on an @Arg input would not
  // name the argument (`source`, not `filter.source`).
  source?: string | null;

  @Field(() => CountryFlow, {
    nullable: true,
    description:
      "The seizures behind one country-level flow: those that intercepted a shipment counted in the link from " +
      "`flow.from` to `flow.to` of `flows(level: COUNTRY)`, so that with the same dates, mode and source the total is that " +
      "link's `seizureCount`. With `mode`, the shipment on the flow has that mode. A flow from a country to itself is " +
      "refused (BAD_USER_INPUT): hops inside one country are not flows.",
  })
  flow?: CountryFlow | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Seized on or after this date." })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Seized on or before this date." })
  dateTo?: string | null;
}
