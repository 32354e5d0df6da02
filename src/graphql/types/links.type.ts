import { Field, Int, ObjectType } from "type-graphql";

import { Country } from "./country.type.js";
import { Company } from "./company.type.js";
import { PartyRole, StopRole } from "./enums.js";
import { Party } from "./party.type.js";
import { Person } from "./person.type.js";
import { Place } from "./place.type.js";
import { Seizure } from "./seizure.type.js";
import { Shipment } from "./shipment.type.js";
import { Citation } from "./source.type.js";

/**
 * Relationships that carry facts of their own (a stop's order, a party's role, an arrest's charge)
 * are exposed as small types. Their object fields are resolved in `links.resolver.ts`. Each is one
 * fact however many sources state it (src/domain/relation-facts.ts says what tells two apart), and
 * lists every one of those sources.
 */

const CITATIONS = "Every source that states this fact, each with its row; the first is `citation`.";
const CITATION_DEPRECATION = "A fact may have several sources: use `citations` (this is the first of them).";

const PARTY_ROLE_TEXT =
  "The role as the source wrote it (driver, contact, buyer, ...), beside the model's `role`; from the first source stating it.";

@ObjectType({ description: "One stop of a shipment's route: a place where known, always a country." })
export class RouteStop {
  @Field(() => Int, { description: "Position in the route, from 0 (the first stop the record names)." })
  sequence: number;

  @Field(() => StopRole)
  role: StopRole;

  @Field(() => String, { nullable: true, description: "The stop as the source wrote it." })
  placeText: string | null;

  @Field(() => String, { nullable: true, description: "The stop's country as the source wrote it." })
  countryText: string | null;

  @Field(() => Place, { nullable: true, description: "The port, airport or crossing, when the record names one." })
  place: Place | null;

  @Field(() => Country, { nullable: true })
  country: Country | null;

  @Field(() => [Citation], { description: CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: CITATION_DEPRECATION })
  citation: Citation | null;
}

@ObjectType({ description: "A person or company taking part in a shipment, and in which role." })
export class ShipmentParty {
  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true, description: PARTY_ROLE_TEXT })
  roleText: string | null;

  @Field(() => Party)
  party: typeof Party;

  @Field(() => [Citation], { description: CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: CITATION_DEPRECATION })
  citation: Citation | null;
}

@ObjectType({ description: "A shipment a person or company took part in, and in which role." })
export class Participation {
  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true, description: PARTY_ROLE_TEXT })
  roleText: string | null;

  @Field(() => Shipment)
  shipment: Shipment;

  @Field(() => [Citation], { description: CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: CITATION_DEPRECATION })
  citation: Citation | null;
}

@ObjectType({ description: "A person arrested in a seizure, with what followed." })
export class Arrest {
  @Field(() => Person)
  person: Person;

  @Field(() => Seizure)
  seizure: Seizure;

  @Field(() => String, { nullable: true })
  charge: string | null;

  @Field(() => Boolean, { nullable: true })
  convicted: boolean | null;

  @Field(() => String, { nullable: true })
  sentence: string | null;

  @Field(() => [Citation], { description: CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: CITATION_DEPRECATION })
  citation: Citation | null;
}

@ObjectType({ description: "A person's office in a company (director, owner, employee, ...)." })
export class Office {
  @Field(() => Person)
  person: Person;

  @Field(() => Company)
  company: Company;

  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The office as the source wrote it, when the import put it in other words in `role`; from the first source stating it.",
  })
  roleText: string | null;

  @Field(() => [Citation], { description: CITATIONS })
  citations: Citation[];

  @Field(() => Citation, { nullable: true, deprecationReason: CITATION_DEPRECATION })
  citation: Citation | null;
}
