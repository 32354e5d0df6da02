import { Field, Int, ObjectType } from "type-graphql";

import type { Company } from "./company.type.js";
import { Identifier } from "./identifier.type.js";
import { Party } from "./party.type.js";
import type { Person } from "./person.type.js";

@ObjectType({ description: "A person or company that shares identifiers with another, and which ones." })
export class IdentifierSharer {
  @Field(() => Party)
  party: Person | Company;

  @Field(() => Int, { description: "How many identifiers the two share (of the kinds asked)." })
  sharedCount: number;

  @Field(() => [Identifier], { description: "The identifiers both hold, by id." })
  identifiers: Identifier[];
}
