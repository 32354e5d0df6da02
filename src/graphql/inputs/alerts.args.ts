import { Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../domain/paging.js";

@ArgsType()
export class AlertsArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many alerts, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: "The `cursor` of the last alert already seen; left out: from the first." })
  after: string | null;
}

@ArgsType()
export class AlertSubscriptionArgs {
  @Field(() => String, {
    nullable: true,
    description: "The `cursor` of the last alert already seen: the alerts after it are sent first. Left out: only new alerts.",
  })
  after: string | null;
}
