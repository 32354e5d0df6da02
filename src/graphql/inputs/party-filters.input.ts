import { ArrayMaxSize, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

import { CountryCodeScalar } from "../scalars/country-code.scalar.js";
import { CompanyKind } from "../types/enums.js";

/** How many ids an `ids` filter may hold: a page of search results or a case file, not a table. */
export const MAX_FILTER_IDS = 1000;

@InputType({ description: "Narrows a list of persons. Every field is optional; all given must match." })
export class PersonFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "A nationality of the person." })
  nationality?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Only these persons (at most ${MAX_FILTER_IDS} ids), such as the suspects of a case, to rank them.`,
  })
  @ArrayMaxSize(MAX_FILTER_IDS)
  ids?: string[] | null;

  @Field(() => Int, { nullable: true, description: "At least this many seizures (`Person.seizureCount`)." })
  @Min(0)
  minSeizures?: number | null;

  @Field(() => Int, { nullable: true, description: "At least this many shipments (`Person.shipmentCount`)." })
  @Min(0)
  minShipments?: number | null;

  @Field(() => Int, { nullable: true, description: "At least this many identifiers (`Person.identifierCount`)." })
  @Min(0)
  minIdentifiers?: number | null;
}

@InputType({ description: "Narrows a list of companies. Every field is optional; all given must match." })
export class CompanyFilter {
  @Field(() => CountryCodeScalar, { nullable: true, description: "The country of registration." })
  country?: string | null;

  @Field(() => CompanyKind, { nullable: true })
  kind?: CompanyKind | null;

  @Field(() => [ID], { nullable: true, description: `Only these companies (at most ${MAX_FILTER_IDS} ids).` })
  @ArrayMaxSize(MAX_FILTER_IDS)
  ids?: string[] | null;

  @Field(() => Int, { nullable: true, description: "At least this many shipments (`Company.shipmentCount`)." })
  @Min(0)
  minShipments?: number | null;

  @Field(() => Int, { nullable: true, description: "At least this many seizures (`Company.seizureCount`)." })
  @Min(0)
  minSeizures?: number | null;

  @Field(() => Int, { nullable: true, description: "At least this many officers (`Company.officerCount`)." })
  @Min(0)
  minOfficers?: number | null;
}

/** The parameter names of each filter, in the order the list queries document them. */
export const PERSON_FILTER_KEYS = ["nationality", "ids", "minSeizures", "minShipments", "minIdentifiers"] as const;
export const COMPANY_FILTER_KEYS = ["country", "kind", "ids", "minShipments", "minSeizures", "minOfficers"] as const;
