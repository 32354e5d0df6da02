import { Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";

import { DEFAULT_TIMELINE_EVENTS, MAX_TIMELINE_EVENTS } from "../../repositories/timeline.repository.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { RESOLVED_DESCRIPTION } from "./resolved-view.js";

@ArgsType()
export class TimelineArgs {
  @Field(() => ID, { description: "A person, company, shipment or seizure." })
  id: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Events on or after this date." })
  from: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Events on or before this date." })
  to: string | null;

  @Field(() => Int, { defaultValue: DEFAULT_TIMELINE_EVENTS, description: `How many events, 1 to ${MAX_TIMELINE_EVENTS}, earliest first.` })
  @Min(1)
  @Max(MAX_TIMELINE_EVENTS)
  first: number;

  @Field(() => Boolean, { defaultValue: true, description: RESOLVED_DESCRIPTION })
  resolved: boolean;
}
