import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

import { StopLevel } from "../../domain/trade-analysis.js";
import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { Country } from "./country.type.js";
import { Place } from "./place.type.js";
import { Seizure } from "./seizure.type.js";

registerEnumType(StopLevel, {
  name: "StopLevel",
  description: "Whether stops are told apart by country, or by place (port, airport, city) where the record names one.",
});

export { StopLevel };

@ObjectType({ description: "One stop of an aggregated route or flow: always a country, and the place where known." })
export class RouteHop {
  @Field(() => Country, { nullable: true })
  country: Country | null;

  @Field(() => Place, { nullable: true, description: "Null at country level, or when the records name only the country." })
  place: Place | null;
}

@ObjectType({
  description:
    "A route that records describe as a whole: the origin, transits and destination of intercepted shipments, " +
    "wherever along it they were seized, with the seizures behind it.",
})
export class ObservedRoute {
  @Field(() => [Country], { description: "The countries in order, a country repeated in a row named once." })
  countries: Country[];

  @Field(() => [RouteHop], { description: "The stops in order: at PLACE level the places where known." })
  stops: RouteHop[];

  @Field(() => Int, { description: "Seizures of shipments whose record describes this route." })
  seizureCount: number;

  @Field(() => Int)
  shipmentCount: number;

  @Field(() => Int, { description: "Seizures with a known weight: many records give none." })
  weighedSeizureCount: number;

  @Field(() => Float, { nullable: true, description: "Known weights added up (of the goods matching the filter); null when none is known." })
  totalWeightKg: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The latest seizure on this route." })
  lastSeen: string | null;

  @Field(() => Boolean, { description: "Always false: a record describes this route." })
  inferred: boolean;

  @Field(() => [Seizure], {
    description: "The seizures behind the route, latest first (at most the routes argument `evidence`); each cites its sources.",
  })
  evidence: Seizure[];
}

@ObjectType({ description: "A country-to-country leg seen in records (one stop followed by the next)." })
export class RouteLeg {
  @Field(() => Country)
  from: Country;

  @Field(() => Country)
  to: Country;

  @Field(() => Int, { description: "Seizures of records with this leg." })
  seizureCount: number;
}

@ObjectType({
  description:
    "A chain of observed legs joining the two countries that no single record describes: a lead, not a fact. " +
    "At most three legs, no country twice.",
})
export class InferredRoute {
  @Field(() => [Country])
  countries: Country[];

  @Field(() => [RouteLeg])
  legs: RouteLeg[];

  @Field(() => Int, { description: "The seizures behind its weakest leg: what the chain is ranked by." })
  weakestLegSeizureCount: number;

  @Field(() => Boolean, { description: "Always true." })
  inferred: boolean;
}

@ObjectType({ description: "The routes from one country to another." })
export class RouteReport {
  @Field(() => Country, { nullable: true, description: "Null when the graph has no such country." })
  from: Country | null;

  @Field(() => Country, { nullable: true })
  to: Country | null;

  @Field(() => [ObservedRoute], {
    description:
      "Ranked by seizures, then known weight, then the latest seizure. A record naming several origins or destinations " +
      "counts for each route it describes.",
  })
  observed: ObservedRoute[];

  @Field(() => Int, { description: "How many observed routes there are in all (observed lists the first ones)." })
  observedCount: number;

  @Field(() => [InferredRoute], { description: "Empty when `inferred: false` was asked." })
  inferred: InferredRoute[];
}

@ObjectType({ description: "A country or place that records name as a transit stop." })
export class TransitHub {
  @Field(() => Country, { nullable: true, description: "The hub, or the country of a place hub." })
  country: Country | null;

  @Field(() => Place, { nullable: true, description: "The hub at PLACE level when it is a place." })
  place: Place | null;

  @Field(() => Int, { description: "Shipments passing through it." })
  shipmentCount: number;

  @Field(() => Int)
  seizureCount: number;

  @Field(() => Int)
  weighedSeizureCount: number;

  @Field(() => Float, { nullable: true })
  totalWeightKg: number | null;

  @Field(() => Float, {
    description:
      "Its shipments over all shipments that name a transit under the same filter (0 to 1). A shipment with two " +
      "transit hubs counts for both, so shares may add up to more than 1.",
  })
  share: number;

  @Field(() => Int, { description: "The shipments naming a transit under the filter: the share's denominator." })
  totalShipmentCount: number;
}
