import { Field, ID, ObjectType } from "type-graphql";

import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { TransportMode } from "./enums.js";

@ObjectType({ description: "What moved: a consignment, a parcel or a passenger's luggage, along a route." })
export class Shipment {
  @Field(() => ID)
  id: string;

  @Field(() => TransportMode)
  mode: TransportMode;

  @Field(() => String, { nullable: true, description: 'What the papers said it was (the cover, such as "cashew nuts").' })
  declaredContents: string | null;

  @Field(() => String, { nullable: true })
  containerNumber: string | null;

  @Field(() => String, { nullable: true })
  billOfLading: string | null;

  @Field(() => String, { nullable: true })
  airWaybill: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  departedOn: string | null;

  @Field(() => String, { nullable: true, description: "The mode of transport as the source wrote it." })
  modeText: string | null;

  @Field(() => String, { nullable: true, description: "The carrier as the source wrote it." })
  carrierText: string | null;

  @Field(() => Boolean, { description: "True for invented records (fixtures, generated networks)." })
  synthetic: boolean;
}
