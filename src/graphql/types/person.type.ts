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

  // Counts of distinct nodes: a fact stated by several sources counts once. Defined in
  // cypher/queries/person/counts.cypher; lists can be sorted and filtered by them.
  @Field(() => Int, {
    description:
      "How many distinct seizures involve this person: seizures in which they were arrested, and seizures " +
      "that intercepted a shipment they were a party to (in any role).",
  })
  seizureCount: number;

  @Field(() => Int, { description: "How many distinct shipments this person was a party to, in any role." })
  shipmentCount: number;

  @Field(() => Int, { description: "How many distinct identifiers (phones, e-mails, addresses, ...) this person used." })
  identifierCount: number;

  @Field(() => Int, { description: "How many distinct companies this person holds an office in." })
  companyCount: number;
}
