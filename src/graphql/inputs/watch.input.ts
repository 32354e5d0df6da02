import { IsOptional, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

import { WatchKind } from "../../domain/watch-kind.js";
import { CountryCodeScalar } from "../scalars/country-code.scalar.js";

@InputType({
  description: "What to watch: `targetId` for a PERSON, COMPANY, IDENTIFIER or PLACE; `from` and `to` (country codes) for a ROUTE.",
})
export class WatchInput {
  @Field(() => WatchKind)
  kind: WatchKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  targetId: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: "A route's origin country." })
  from: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: "A route's destination country." })
  to: string | null;
}
