import { Field, InputType, registerEnumType } from "type-graphql";

import { OrderDirection } from "../../domain/paging.js";

/**
 * Sort orders of the persons and companies lists. The enum values are the keys the list queries
 * (person/list-ordered.cypher, company/list-ordered.cypher) turn into a sort value: Cypher cannot
 * take a sort key as a parameter, so only these names reach it. Ties are broken by id ascending.
 */
export enum PersonOrderField {
  ID = "ID",
  NAME = "NAME",
  SEIZURE_COUNT = "SEIZURE_COUNT",
  SHIPMENT_COUNT = "SHIPMENT_COUNT",
  IDENTIFIER_COUNT = "IDENTIFIER_COUNT",
  COMPANY_COUNT = "COMPANY_COUNT",
}

export enum CompanyOrderField {
  ID = "ID",
  NAME = "NAME",
  SHIPMENT_COUNT = "SHIPMENT_COUNT",
  SEIZURE_COUNT = "SEIZURE_COUNT",
  OFFICER_COUNT = "OFFICER_COUNT",
  IDENTIFIER_COUNT = "IDENTIFIER_COUNT",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Ascending (smallest first) or descending (largest first).",
});
registerEnumType(PersonOrderField, {
  name: "PersonOrderField",
  description: "What a list of persons can be sorted by.",
  valuesConfig: {
    ID: { description: "The id (the default order)." },
    NAME: { description: "The name, as written." },
    SEIZURE_COUNT: { description: "`Person.seizureCount`." },
    SHIPMENT_COUNT: { description: "`Person.shipmentCount`." },
    IDENTIFIER_COUNT: { description: "`Person.identifierCount`." },
    COMPANY_COUNT: { description: "`Person.companyCount`." },
  },
});
registerEnumType(CompanyOrderField, {
  name: "CompanyOrderField",
  description: "What a list of companies can be sorted by.",
  valuesConfig: {
    ID: { description: "The id (the default order)." },
    NAME: { description: "The name, as written." },
    SHIPMENT_COUNT: { description: "`Company.shipmentCount`." },
    SEIZURE_COUNT: { description: "`Company.seizureCount`." },
    OFFICER_COUNT: { description: "`Company.officerCount`." },
    IDENTIFIER_COUNT: { description: "`Company.identifierCount`." },
  },
});

@InputType({ description: "The order of a list of persons; ties are broken by id ascending." })
export class PersonOrder {
  @Field(() => PersonOrderField)
  field: PersonOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

@InputType({ description: "The order of a list of companies; ties are broken by id ascending." })
export class CompanyOrder {
  @Field(() => CompanyOrderField)
  field: CompanyOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
