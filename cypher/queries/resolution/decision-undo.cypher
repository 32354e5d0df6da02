// Resolution, undo: marks a live decision undone (who, when, why) and removes the SAME_AS it made,
// so every resolved answer is again what it was before the decision. The decision itself stays, as
// the record of what was decided and undone. No row when no live decision has the id.
// Parameters: $id, $undoneBy, $undoneAt, $reason.
// Columns: id.
// @param id: string
// @param undoneBy: string
// @param undoneAt: datetime
// @param reason: string
// @column id: string
MATCH (decision:ResolutionDecision {id: $id})
WHERE decision.undoneAt IS NULL
SET decision.undoneAt = $undoneAt, decision.undoneBy = $undoneBy, decision.undoReason = $reason
WITH decision
CALL (decision) {
  MATCH ()-[same:SAME_AS {decisionId: decision.id}]->()
  DELETE same
}
RETURN decision.id AS id
