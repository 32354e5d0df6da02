import { ArrayMaxSize, ArrayNotEmpty, IsNotEmpty, IsOptional, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";

import { MAX_EVIDENCE } from "../../repositories/route.repository.js";
import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Product, TransportMode } from "../types/enums.js";
import { StopLevel } from "../types/route.type.js";

/** The most observed or inferred routes one request may ask for. */
export const MAX_ROUTES = 100;
/** The most countries an origin or destination list may hold (there are 249 ISO codes). */
export const MAX_REGION_COUNTRIES = 250;
/** The most transit hubs one request may ask for. */
export const MAX_TRANSIT_HUBS = 200;

@InputType({
  description:
    "Which seizures routes, transit hubs and flows count. Every field is optional; all given must match. A seizure " +
    "counts when it falls in the period, with species or product when it recovered goods of that species and " +
    "product, and with source when that source reports it.",
})
export class TradeFilter {
  @Field(() => ID, { nullable: true, description: "A species among the goods seized (its id, such as `loxodonta-africana`)." })
  @IsOptional()
  @IsNotEmpty()
  species?: string | null;

  @Field(() => Product, { nullable: true })
  product?: Product | null;

  @Field(() => TransportMode, { nullable: true, description: "How the intercepted shipment moved." })
  mode?: TransportMode | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A source (its id, such as `routes-airport-seizures`): only seizures that source reports, to compare one " +
      "dataset's picture with another's. For ANALYST and above (the roles that read sources). An id that names no " +
      "source is refused (NOT_FOUND), not read as no seizures.",
  })
  @IsOptional()
  @IsNotEmpty()
  source?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Seized on or after this date." })
  dateFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Seized on or before this date." })
  dateTo?: string | null;
}

@ArgsType()
export class RoutesArgs {
  @Field(() => CountryCodeScalar, { description: "Where the routes start: a record's stop in this country that is not a destination." })
  from: string;

  @Field(() => CountryCodeScalar, { description: "Where the routes end: a later stop in this country that is not an origin. Must differ from `from`." })
  to: string;

  @Field(() => TradeFilter, { nullable: true })
  @ValidateNested()
  filter: TradeFilter | null;

  @Field(() => StopLevel, {
    defaultValue: StopLevel.COUNTRY,
    description: "COUNTRY groups routes by their countries; PLACE by their stops (the place where known, else the country).",
  })
  level: StopLevel;

  @Field(() => Int, { defaultValue: 10, description: `How many observed routes, and how many inferred routes: 1 to ${MAX_ROUTES}.` })
  @Min(1)
  @Max(MAX_ROUTES)
  first: number;

  @Field(() => Int, { defaultValue: 5, description: `Seizures given as evidence per observed route, latest first: 0 to ${MAX_EVIDENCE}.` })
  @Min(0)
  @Max(MAX_EVIDENCE)
  evidence: number;

  @Field(() => Boolean, { defaultValue: true, description: "Whether to look for inferred routes (chains of observed legs)." })
  inferred: boolean;
}

@ArgsType()
export class TransitHubsArgs {
  @Field(() => TradeFilter, { nullable: true })
  @ValidateNested()
  filter: TradeFilter | null;

  @Field(() => [CountryCodeScalar], {
    nullable: true,
    description: "Only records that name one of these countries (a region, say) as an origin.",
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_REGION_COUNTRIES)
  origins: string[] | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: "Only records that name one of these countries as a destination." })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_REGION_COUNTRIES)
  destinations: string[] | null;

  @Field(() => StopLevel, { defaultValue: StopLevel.COUNTRY, description: "Hubs as countries, or as places where known." })
  level: StopLevel;

  @Field(() => Int, { defaultValue: 20, description: `How many hubs: 1 to ${MAX_TRANSIT_HUBS}.` })
  @Min(1)
  @Max(MAX_TRANSIT_HUBS)
  first: number;
}
