import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import { Country } from "./country.type.js";
import { Place } from "./place.type.js";
import { StopLevel } from "./route.type.js";

@ObjectType({ description: "An end of a flow: a country, or a place with its country." })
export class FlowNode {
  @Field(() => ID, { description: "The country code or place id that links refer to." })
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Country, { nullable: true, description: "The country, or the place's country." })
  country: Country | null;

  @Field(() => Place, { nullable: true, description: "The place, for a place node." })
  place: Place | null;

  @Field(() => Float, { nullable: true, description: "The place's coordinates, or the country's centroid." })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;
}

@ObjectType({ description: "Shipments going from one stop straight to the next, with the seizures behind them." })
export class FlowLink {
  @Field(() => ID, { description: "The id of the FlowNode it leaves." })
  source: string;

  @Field(() => ID, { description: "The id of the FlowNode it reaches." })
  target: string;

  @Field(() => Int)
  seizureCount: number;

  @Field(() => Int)
  shipmentCount: number;

  @Field(() => Int, { description: "Seizures with a known weight." })
  weighedSeizureCount: number;

  @Field(() => Float, { nullable: true, description: "Known weights added up; null when none is known." })
  totalWeightKg: number | null;
}

@ObjectType({ description: "What all the flows under a filter add up to, beyond the links listed." })
export class FlowTotals {
  @Field(() => Int, { description: "Seizures of records with at least one hop at this level (a known next stop)." })
  seizureCount: number;

  @Field(() => Int)
  shipmentCount: number;

  @Field(() => Int, { description: "How many links there are in all." })
  linkCount: number;
}

@ObjectType({
  description:
    "Aggregated hop-to-hop flows: each stop of a record to the stop of its next layer (origins, then each transit, " +
    "then destinations). `nodes` and `links` are ready for a Sankey chart; `geojson` for a map.",
})
export class Flows {
  @Field(() => StopLevel)
  level: StopLevel;

  @Field(() => [FlowNode], { description: "Every end of the links listed, in id order." })
  nodes: FlowNode[];

  @Field(() => [FlowLink], { description: "The largest links first (by seizures, then source and target)." })
  links: FlowLink[];

  @Field(() => FlowTotals)
  totals: FlowTotals;

  @Field(() => GraphQLJSONObject, {
    description:
      "The links as a GeoJSON FeatureCollection (RFC 7946): one LineString per link from its source's coordinates " +
      "(a place's, else the country's centroid) to its target's, properties source, target, seizureCount, " +
      "shipmentCount, weighedSeizureCount, totalWeightKg. Links with an end without coordinates are left out and " +
      "listed in the collection's properties (featureCount, omittedCount, omitted).",
  })
  geojson: Record<string, unknown>;
}
