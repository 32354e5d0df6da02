import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";

import { MatchKind, Verdict } from "../../domain/match-kind.js";
import { connectionType } from "./connection.js";

registerEnumType(Verdict, {
  name: "Verdict",
  description: "What a resolution decision says of its two entities.",
  valuesConfig: {
    SAME: { description: "They are one entity: the resolved view of every query treats them as one." },
    DIFFERENT: { description: "They are two: the candidate was rejected." },
  },
});

@ObjectType({
  description:
    "A decision on two persons or two companies: that they are one entity (SAME) or two (DIFFERENT), with who, when, why " +
    "and the evidence it was taken on. A decision never merges or deletes entities: a live SAME decision joins them in the " +
    "resolved view, and undoing it gives every answer back as it was. Undone decisions stay, as the record.",
})
export class ResolutionDecision {
  @Field(() => ID)
  id: string;

  @Field(() => MatchKind)
  kind: MatchKind;

  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => ID, { description: "The pair's candidate id (`Person:<a>|<b>`), whether or not a candidate was stored for it." })
  candidateId: string;

  @Field(() => String, { description: "Why, in the decider's words." })
  reason: string;

  @Field(() => String, { description: "The subject of the API key that decided, or `resolve-command` for an automatic decision." })
  decidedBy: string;

  @Field(() => String, { description: "When (ISO 8601)." })
  decidedAt: string;

  @Field(() => Boolean, { description: "True when `npm run resolve -- apply` took it, for a candidate scoring above its threshold." })
  automatic: boolean;

  @Field(() => Float, { nullable: true, description: "The candidate's score when decided; null for two entities linked by hand." })
  score: number | null;

  @Field(() => [String], { description: "The names of the candidate's features when decided; empty for a link by hand." })
  features: string[];

  @Field(() => String, { nullable: true, description: "When it was undone (ISO 8601); null while it holds." })
  undoneAt: string | null;

  @Field(() => String, { nullable: true })
  undoneBy: string | null;

  @Field(() => String, { nullable: true })
  undoReason: string | null;

  /** The entities' ids, a < b: the `a` and `b` fields read them through the request's loaders. */
  aId: string;
  bId: string;
}

export const ResolutionDecisionConnection = connectionType("ResolutionDecision", ResolutionDecision);
