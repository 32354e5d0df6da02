import { MaxLength, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";

export const DEFAULT_RINGS = 20;
export const MAX_RINGS = 200;
export const DEFAULT_MIN_RING_SIZE = 8;
export const MAX_MIN_RING_SIZE = 10_000;
export const DEFAULT_BROKERS = 3;
export const MAX_BROKERS = 50;
export const DEFAULT_RING_SEIZURES = 50;
export const MAX_RING_SEIZURES = 1000;
const MAX_SCOPE = 200;

const SCOPE_DESCRIPTION = "The id prefix the analysis was run for (`npm run analyze -- --scope`); empty (the default) for the whole graph.";

@ArgsType()
export class RingScopeArgs {
  @Field(() => String, { defaultValue: "", description: SCOPE_DESCRIPTION })
  @MaxLength(MAX_SCOPE)
  scope: string;
}

@ArgsType()
export class RingsArgs extends RingScopeArgs {
  @Field(() => Int, { defaultValue: DEFAULT_RINGS, description: `How many rings, 1 to ${MAX_RINGS}, largest first.` })
  @Min(1)
  @Max(MAX_RINGS)
  first: number;

  @Field(() => Int, {
    defaultValue: DEFAULT_MIN_RING_SIZE,
    description: `Only rings of at least this many members, 2 to ${MAX_MIN_RING_SIZE} (the analysis itself keeps none smaller than its own minimum, 8 by default).`,
  })
  @Min(2)
  @Max(MAX_MIN_RING_SIZE)
  minSize: number;
}

@ArgsType()
export class RingOfArgs extends RingScopeArgs {
  @Field(() => ID, { description: "A person's or a company's id." })
  @MaxLength(1000)
  partyId: string;
}

@ArgsType()
export class RingBrokersArgs {
  @Field(() => Int, { defaultValue: DEFAULT_BROKERS, description: `How many brokers, 1 to ${MAX_BROKERS}, strongest first.` })
  @Min(1)
  @Max(MAX_BROKERS)
  first: number;
}

@ArgsType()
export class RingSeizuresArgs {
  @Field(() => Int, { defaultValue: DEFAULT_RING_SEIZURES, description: `How many seizures, 1 to ${MAX_RING_SEIZURES}, latest first.` })
  @Min(1)
  @Max(MAX_RING_SEIZURES)
  first: number;
}
