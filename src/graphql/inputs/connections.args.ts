import { ArrayNotEmpty, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";

import { ACTIVITY_TYPES, MAX_PATH_HOPS, MAX_PATHS } from "../../repositories/path.repository.js";
import { EntityKind, RelationshipType } from "../types/graph-view.type.js";
import { RESOLVED_DESCRIPTION } from "./resolved-view.js";

@ArgsType()
export class ConnectionsArgs {
  @Field(() => ID, { description: "The entity the paths start from." })
  from: string;

  @Field(() => ID, { description: "The entity the paths end at." })
  to: string;

  @Field(() => EntityKind, { nullable: true, description: "The kind of `from`, for an id that entities of several kinds share." })
  fromKind: EntityKind | null;

  @Field(() => EntityKind, { nullable: true, description: "The kind of `to`, for an id that entities of several kinds share." })
  toKind: EntityKind | null;

  @Field(() => Int, { defaultValue: 4, description: `The longest path wanted, in hops: 1 to ${MAX_PATH_HOPS}.` })
  @Min(1)
  @Max(MAX_PATH_HOPS)
  maxHops: number;

  @Field(() => Int, { defaultValue: 3, description: `How many paths, 1 to ${MAX_PATHS}.` })
  @Min(1)
  @Max(MAX_PATHS)
  first: number;

  @Field(() => [RelationshipType], {
    nullable: true,
    description:
      `Follow only relationships of these types, in place of the default ones (${ACTIVITY_TYPES.join(", ")}: ` +
      "what ties persons and companies to activity and to each other). SOURCED_FROM is never followed.",
  })
  @ArrayNotEmpty()
  types: RelationshipType[] | null;

  @Field(() => [RelationshipType], {
    nullable: true,
    description:
      "Also follow relationships of these types, besides the default ones (or those of `types`): NATIONAL_OF, BORDERS, " +
      "STOPS_AT, OF_SPECIES, CARRIED_BY, ... join entities through countries, places, species and carriers. " +
      "SOURCED_FROM is never followed.",
  })
  alsoFollow: RelationshipType[] | null;

  @Field(() => Boolean, { defaultValue: true, description: RESOLVED_DESCRIPTION })
  resolved: boolean;
}
