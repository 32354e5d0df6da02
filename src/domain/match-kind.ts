import { NodeLabel } from "./graph-schema.js";

/** What a resolution candidate pairs: two persons or two companies that may be one. */
export enum MatchKind {
  PERSON = "PERSON",
  COMPANY = "COMPANY",
}

/** The label of both entities of a candidate, by kind. */
export const MATCH_LABEL: Readonly<Record<MatchKind, NodeLabel.Person | NodeLabel.Company>> = {
  [MatchKind.PERSON]: NodeLabel.Person,
  [MatchKind.COMPANY]: NodeLabel.Company,
};

/** What a resolution decision says of its pair: SAME, one entity; DIFFERENT, two. */
export enum Verdict {
  SAME = "SAME",
  DIFFERENT = "DIFFERENT",
}
