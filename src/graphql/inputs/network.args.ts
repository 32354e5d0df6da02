import { ArrayMaxSize, ArrayMinSize, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";

import { MAX_HUB_THRESHOLD, MAX_NETWORK_DEPTH, MAX_NETWORK_LIMIT, MAX_NETWORK_SEEDS } from "../../domain/graph-view.js";
import { RESOLVED_DESCRIPTION } from "./resolved-view.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Reliability } from "../types/enums.js";
import { EntityKind, RelationshipType } from "../types/graph-view.type.js";

@ArgsType()
export class NetworkArgs {
  @Field(() => [ID], {
    description: `The seeds: ids of entities of any kind but Source, 1 to ${MAX_NETWORK_SEEDS}. An unknown id is NOT_FOUND.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NETWORK_SEEDS)
  ids: string[];

  @Field(() => Int, {
    defaultValue: 1,
    description: `How many relationships away from the nearest seed to go, 1 to ${MAX_NETWORK_DEPTH}.`,
  })
  @Min(1)
  @Max(MAX_NETWORK_DEPTH)
  depth: number;

  @Field(() => [RelationshipType], {
    nullable: true,
    description: "The relationship types followed (default: all but SOURCED_FROM, which is never followed: BAD_USER_INPUT).",
  })
  types: RelationshipType[] | null;

  @Field(() => [EntityKind], {
    defaultValue: [EntityKind.Place, EntityKind.Country],
    description:
      "Reference kinds: nodes of these kinds are drawn where reached but not expanded through (a seed always is). Places " +
      "and countries are shared by every shipment, seizure, person and company that names them, so expanding a port at " +
      "depth 3 would fill the network with the shipments of strangers. Pass [] to expand every kind as far as depth goes.",
  })
  referenceKinds: EntityKind[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "With to, a time window: seizures (date) and shipments (departedOn) dated outside it are left out and not crossed. " +
      "Undated ones, other kinds (companies, persons, ...) and the seeds themselves are kept.",
  })
  from: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day of the time window (see from)." })
  to: string | null;

  @Field(() => Reliability, {
    nullable: true,
    description:
      "Leave out relationships whose source (sourceId) is graded worse than this (A best, F worst), and relationships " +
      "with no known source.",
  })
  minReliability: Reliability | null;

  @Field(() => Int, {
    defaultValue: 50,
    description:
      "A node that is not a seed and has more distinct neighbours over the followed types than this (counted in the whole graph, " +
      "before the time and reliability filters) is a hub: it is shown with neighbourCount and not expanded.",
  })
  @Min(1)
  @Max(MAX_HUB_THRESHOLD)
  hubThreshold: number;

  @Field(() => Int, {
    defaultValue: 500,
    description:
      `At most this many nodes, seeds included (at least as many as the seeds, at most ${MAX_NETWORK_LIMIT}). When the ` +
      "next level would pass it, that level is cut in (kind, id) order, nothing beyond it is expanded, and truncated is true.",
  })
  @Min(1)
  @Max(MAX_NETWORK_LIMIT)
  limit: number;

  @Field(() => Boolean, { defaultValue: true, description: RESOLVED_DESCRIPTION })
  resolved: boolean;
}
