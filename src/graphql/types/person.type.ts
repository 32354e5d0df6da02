import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A person named in a record: suspect, courier, shipper, officer of a company." })
export class Person {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: "Other names and spellings." })
  aliases: string[];

  @Field(() => Int, { nullable: true })
  birthYear: number | null;

  @Field(() => Boolean, { description: "True for invented records (fixtures, generated networks)." })
  synthetic: boolean;
}
