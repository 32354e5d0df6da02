import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float } from "type-graphql";

import { MatchKind } from "../../domain/match-kind.js";
import { PageArgs } from "./page.args.js";

const MAX_SCOPE = 200;

@ArgsType()
export class ResolutionCandidatesArgs extends PageArgs {
  @Field(() => MatchKind, { nullable: true, description: "Only pairs of persons, or of companies; left out: both." })
  kind: MatchKind | null;

  @Field(() => Float, {
    defaultValue: 0,
    description: "Only candidates scoring at least this, 0 to 1 (the run itself stores none below its own `--min-score`, 0.5 by default).",
  })
  @Min(0)
  @Max(1)
  minScore: number;

  @Field(() => String, {
    defaultValue: "",
    description: "Only pairs whose two ids start with this prefix (as `npm run resolve -- candidates --scope`); empty (the default) for all.",
  })
  @MaxLength(MAX_SCOPE)
  scope: string;
}
