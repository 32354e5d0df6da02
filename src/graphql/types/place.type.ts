import { Field, Float, ID, ObjectType } from "type-graphql";

import { PlaceKind } from "./enums.js";

@ObjectType({ description: "A port, airport, border crossing, river port or city." })
export class Place {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => PlaceKind)
  kind: PlaceKind;

  @Field(() => String, { nullable: true, description: "UN/LOCODE, such as VNHPH." })
  locode: string | null;

  @Field(() => String, { nullable: true, description: "IATA airport code, such as HAN." })
  iataCode: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;
}
