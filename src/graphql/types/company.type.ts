import { Field, ID, Int, ObjectType } from "type-graphql";

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

  // Counts of distinct nodes: a fact stated by several sources counts once. Defined in
  // cypher/queries/company/counts.cypher; lists can be sorted and filtered by them.
  @Field(() => Int, { description: "How many distinct shipments this company was a party to, in any role." })
  shipmentCount: number;

  @Field(() => Int, {
    description: "How many distinct seizures intercepted a shipment this company was a party to (in any role).",
  })
  seizureCount: number;

  @Field(() => Int, { description: "How many distinct persons hold an office (director, owner, ...) in this company." })
  officerCount: number;

  @Field(() => Int, { description: "How many distinct identifiers (phones, e-mails, addresses, ...) this company used." })
  identifierCount: number;
}
