/**
 * What the `resolved` argument of the fields that show persons and companies says: one text, so
 * that every such field explains it alike.
 */
export const RESOLVED_DESCRIPTION =
  "true (the default): persons (and companies) that investigators decided are one (live SAME decisions, see " +
  "resolutionDecisions) are one entity here, shown as the first of them reached, with every name among its aliases and " +
  "the facts and sources of all of them. false: every record on its own, as stored.";
