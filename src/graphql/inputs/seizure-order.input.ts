import { Field, InputType, registerEnumType } from "type-graphql";

import { OrderDirection } from "../../domain/paging.js";

/**
 * Sort orders of the seizures list. The enum values are the keys seizure/list-ordered.cypher turns
 * into a sort value: Cypher cannot take a sort key as a parameter, so only these names reach it.
 */
export enum SeizureOrderField {
  ID = "ID",
  DATE = "DATE",
}

registerEnumType(SeizureOrderField, {
  name: "SeizureOrderField",
  description: "What a list of seizures can be sorted by.",
  valuesConfig: {
    ID: { description: "The id (the default order)." },
    DATE: { description: "The date of the seizure; undated seizures come last in either direction." },
  },
});

@InputType({
  description:
    "The order of a list of seizures; ties are broken by id ascending. `{ field: DATE, direction: DESC }` lists the latest first.",
})
export class SeizureOrder {
  @Field(() => SeizureOrderField)
  field: SeizureOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
