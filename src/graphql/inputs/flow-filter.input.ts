import { Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { StopLevel } from "../types/route.type.js";
import { TradeFilter } from "./route-filter.input.js";

/** The most flow links one request may ask for. */
export const MAX_FLOW_LINKS = 1000;

@ArgsType()
export class FlowsArgs {
  @Field(() => TradeFilter, { nullable: true })
  @ValidateNested()
  filter: TradeFilter | null;

  @Field(() => StopLevel, {
    defaultValue: StopLevel.COUNTRY,
    description: "COUNTRY: flows between countries (hops inside one country are left out); PLACE: between places where known.",
  })
  level: StopLevel;

  @Field(() => Int, { defaultValue: 200, description: `How many links, the largest first: 1 to ${MAX_FLOW_LINKS}.` })
  @Min(1)
  @Max(MAX_FLOW_LINKS)
  first: number;
}
