import { ArrayNotEmpty, Max, Min } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";

import { DEFAULT_SHARERS, MAX_SHARERS } from "../../repositories/shared-identifier.repository.js";
import { IdentifierKind } from "../types/enums.js";
import { RESOLVED_DESCRIPTION } from "./resolved-view.js";

@ArgsType()
export class SharedIdentifiersArgs {
  @Field(() => [IdentifierKind], { nullable: true, description: "Only identifiers of these kinds (default: every kind)." })
  @ArrayNotEmpty()
  kinds: IdentifierKind[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_SHARERS, description: `How many sharers, 1 to ${MAX_SHARERS}.` })
  @Min(1)
  @Max(MAX_SHARERS)
  first: number;

  @Field(() => Boolean, { defaultValue: true, description: RESOLVED_DESCRIPTION })
  resolved: boolean;
}
