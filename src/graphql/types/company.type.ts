import { Field, ID, ObjectType } from "type-graphql";

import { LocalDateScalar } from "../scalars/local-date.scalar.js";
import { CompanyKind } from "./enums.js";

@ObjectType({ description: "A company: trader, freight forwarder, logistics firm or shell." })
export class Company {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => CompanyKind)
  kind: CompanyKind;

  @Field(() => LocalDateScalar, { nullable: true })
  incorporatedOn: string | null;

  @Field(() => Boolean, { description: "True for invented records (fixtures, generated networks)." })
  synthetic: boolean;
}
