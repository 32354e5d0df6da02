import { ValidateNested } from "class-validator";
import { ArgsType, Field, InputType } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { TrendDimension, TrendInterval } from "../types/trend.type.js";
import { TradeFilter } from "./route-filter.input.js";

@InputType({ description: "Which seizures a trend counts: a trade filter and the country of seizure." })
export class TrendFilter extends TradeFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "The country where the seizure was made." })
  country?: string | null;
}

@ArgsType()
export class TrendsArgs {
  @Field(() => TrendFilter, { nullable: true })
  @ValidateNested()
  filter: TrendFilter | null;

  @Field(() => TrendInterval, { defaultValue: TrendInterval.YEAR })
  interval: TrendInterval;

  @Field(() => TrendDimension, { defaultValue: TrendDimension.NONE, description: "What each period's figures are split by." })
  by: TrendDimension;
}
