import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";

import { MatchKind } from "../../domain/match-kind.js";
import { connectionType } from "./connection.js";

registerEnumType(MatchKind, {
  name: "MatchKind",
  description: "What a resolution candidate pairs.",
  valuesConfig: {
    PERSON: { description: "Two persons that may be one." },
    COMPANY: { description: "Two companies that may be one." },
  },
});

@ObjectType({
  description:
    "One piece of evidence of a candidate: its weight (the natural log of how much likelier it is if the two are one " +
    "than if they are two: positive says one, negative two) and what was compared.",
})
export class MatchFeature {
  @Field(() => String, { description: "`prior`, `names`, `initials`, `identifiers`, `birthYear`, `nationality`, `companyCountry`, `sharedShipments`, ..." })
  name: string;

  @Field(() => Float)
  weight: number;

  @Field(() => String, { description: "What was compared and found: it quotes folded names and identifiers." })
  detail: string;
}

@ObjectType({
  description:
    "Two persons or two companies that may be one entity, found by `npm run resolve -- candidates`: a lead to review, " +
    "not a finding. The score is the logistic of the features' weights added up, so the features explain it exactly.",
})
export class MatchCandidate {
  @Field(() => ID, { description: "`Person:<a>|<b>` or `Company:<a>|<b>`: the same pair keeps it from run to run." })
  id: string;

  @Field(() => MatchKind)
  kind: MatchKind;

  @Field(() => Float, { description: "How likely the two are one, 0 to 1." })
  score: number;

  @Field(() => [MatchFeature], { description: "The evidence, feature by feature: the weights add up to the score's log-odds." })
  features: MatchFeature[];

  @Field(() => String, { description: "When the run that found it ran (ISO 8601)." })
  computedAt: string;

  /** The entities' ids, a < b: the `a` and `b` fields read them through the request's loaders. */
  aId: string;
  bId: string;
}

export const MatchCandidateConnection = connectionType("MatchCandidate", MatchCandidate);
