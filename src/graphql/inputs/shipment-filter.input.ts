import { Field, ID, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Product, TransportMode } from "../types/enums.js";

@InputType({ description: "Narrows a list of shipments. Every field is optional; all given must match." })
export class ShipmentFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "Any stop of the route is in this country." })
  country?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: "The route starts in this country." })
  origin?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: "The route ends in this country." })
  destination?: string | null;

  @Field(() => ID, { nullable: true, description: "Any stop of the route is this place." })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: "A species among the goods carried." })
  species?: string | null;

  @Field(() => Product, { nullable: true })
  product?: Product | null;

  @Field(() => TransportMode, { nullable: true })
  mode?: TransportMode | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Departed on or after this date." })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Departed on or before this date." })
  dateTo?: string | null;
}
