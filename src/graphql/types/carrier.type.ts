import { Field, ID, ObjectType } from "type-graphql";

import { CarrierKind } from "./enums.js";

@ObjectType({ description: "An airline, shipping line, vessel, haulier or postal service." })
export class Carrier {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => CarrierKind)
  kind: CarrierKind;

  @Field(() => String, { nullable: true })
  iataCode: string | null;

  @Field(() => String, { nullable: true, description: "A vessel's IMO number." })
  imoNumber: string | null;
}
