import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import type { RingMemberRecord } from "../../repositories/ring.repository.js";
import type { Company } from "./company.type.js";
import { Party } from "./party.type.js";
import type { Person } from "./person.type.js";

export enum RingAnalysisState {
  NEVER_COMPUTED = "NEVER_COMPUTED",
  READY = "READY",
}

registerEnumType(RingAnalysisState, {
  name: "RingAnalysisState",
  description: "Whether the ring analysis (`npm run analyze`) has stored results for the scope asked.",
  valuesConfig: {
    NEVER_COMPUTED: { description: "No analysis has run for this scope: there are no rings to show yet." },
    READY: { description: "Results are stored; `computedAt` and `ageSeconds` say how fresh they are." },
  },
});

@ObjectType({ description: "A person or company of a ring, with how strongly it is tied to the ring and how much it bridges it to others." })
export class RingMember {
  @Field(() => Party)
  party: Person | Company;

  @Field(() => Int, { nullable: true, description: "1 for the ring's strongest broker, 2 for the next, ...; null for a member who bridges nothing." })
  brokerRank: number | null;

  @Field(() => Float, {
    description:
      "How much the member bridges the ring to other rings: the links it made itself into each other ring (sharing " +
      "identifiers with its members, taking part in its shipments), counted more the more of that ring's members it reaches. 0 for none.",
  })
  brokerScore: number;

  @Field(() => Float, { description: "The weight of the member's links into the ring (shared identifiers, shipments, offices)." })
  cohesion: number;
}

@ObjectType({
  description:
    "A group of persons and companies that act together: they share phones, e-mails, addresses, accounts or documents, " +
    "take part in the same shipments and run the same companies, far more among themselves than with anyone else. " +
    "Found by community detection on the graph of parties; an analytic lead, not a finding of fact.",
})
export class Ring {
  @Field(() => ID, { description: "The ring's id within its analysis run: a new run gives new ids." })
  id: string;

  @Field(() => Int, { description: "1 for the run's largest ring." })
  rank: number;

  @Field(() => Int, { description: "How many members." })
  size: number;

  @Field(() => Int, { description: "Seizures the ring touches: of shipments its members were parties to, or in which one was arrested." })
  seizureCount: number;

  @Field(() => Float, { nullable: true, description: "The known weight of the goods those seizures recovered, in kilograms; null when none is known." })
  totalWeightKg: number | null;

  @Field(() => Int, { description: "Shipments its members were parties to." })
  shipmentCount: number;

  @Field(() => String, { description: "When the analysis that found the ring ran (ISO 8601, UTC)." })
  computedAt: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "How dense the ring is: the share of its pairs of members linked directly (sharing an identifier, a shipment or an office), " +
      "0 to 1. Large rings have a quarter to two fifths; small rings are reported only from 0.6. Null for rings stored before it was kept.",
  })
  density: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "How closed the ring is: the share of its members' links' weight that stays among them, 0 to 1 (1 - conductance). " +
      "Rings are reported from 0.8 (0.85 for small ones). Null for rings stored before it was kept.",
  })
  closure: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Its members' mean cohesion (the weight of their links into the ring). Null for rings stored before it was kept.",
  })
  meanCohesion: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "How stable the ring is: the share of the analysis' seeded runs (different random choices of community detection) that " +
      "found it (the same members, Jaccard 0.5 or more), 0 to 1. Below 1, the ring depends on chance: weigh it less. Null for rings stored before it was kept.",
  })
  stability: number | null;

  /** The stored members, brokers first; `members` and `brokers` resolve them to parties. A broker who works for two rings is a member of both. */
  memberRecords: RingMemberRecord[];

  /** The touched seizures' ids, latest first; `seizures` resolves them. */
  seizureIds: string[];
}

@ObjectType({ description: "The stored results of the ring analysis for a scope, and how fresh they are." })
export class RingAnalysis {
  @Field(() => RingAnalysisState)
  state: RingAnalysisState;

  @Field(() => String, { description: "The id prefix of the parties analysed; empty for the whole graph." })
  scope: string;

  @Field(() => String, { nullable: true, description: "When the results were computed (ISO 8601, UTC); null when never." })
  computedAt: string | null;

  @Field(() => Int, { nullable: true, description: "Seconds since the results were computed; null when never. Run `npm run analyze` to refresh." })
  ageSeconds: number | null;

  @Field(() => Int, { nullable: true, description: "How long the analysis took to export the graph and find the rings, in milliseconds." })
  durationMs: number | null;

  @Field(() => Int, { description: "Persons and companies linked to at least one other in the analysed graph." })
  partyCount: number;

  @Field(() => Int, { description: "Links between them (pairs of parties sharing an identifier, a shipment or an office)." })
  linkCount: number;

  @Field(() => Int, { description: "Rings of at least `minSize` members (before `first`)." })
  ringCount: number;

  @Field(() => [Ring], { description: "The rings, largest first." })
  rings: Ring[];
}
