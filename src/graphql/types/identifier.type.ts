import { Field, ID, ObjectType } from "type-graphql";

import { IdentifierKind } from "./enums.js";

@ObjectType({ description: "A phone number, e-mail, address, bank account or document number that parties use." })
export class Identifier {
  @Field(() => ID)
  id: string;

  @Field(() => IdentifierKind)
  kind: IdentifierKind;

  @Field(() => String, { description: "The normalised value (digits of a phone number, lower-case e-mail, ...)." })
  value: string;

  @Field(() => String, { nullable: true, description: "The value as the source wrote it." })
  rawValue: string | null;
}
