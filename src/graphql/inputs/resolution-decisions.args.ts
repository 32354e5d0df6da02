import { ArgsType, Field, ID } from "type-graphql";

import { MatchKind } from "../../domain/match-kind.js";
import { PageArgs } from "./page.args.js";

@ArgsType()
export class ResolutionDecisionsArgs extends PageArgs {
  @Field(() => MatchKind, { nullable: true, description: "Only decisions on persons, or on companies; left out: both." })
  kind: MatchKind | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also the decisions that were undone (the record of what changed)." })
  includeUndone: boolean;

  @Field(() => ID, { nullable: true, description: "Only decisions naming this person or company." })
  entityId: string | null;
}
