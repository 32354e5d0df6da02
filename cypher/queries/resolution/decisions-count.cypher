// The resolutionDecisions root field's totalCount: the decisions a page of the same arguments is
// taken from (see decisions-page.cypher), counted only when a client asks for it.
// Parameters: $kind (a MatchKind, or null for both), $includeUndone, $entityId (or null).
// Columns: count.
// @param kind: string | null
// @param includeUndone: boolean
// @param entityId: string | null
// @column count: integer
MATCH (decision:ResolutionDecision)
WHERE ($kind IS NULL OR decision.kind = $kind)
  AND ($includeUndone OR decision.undoneAt IS NULL)
  AND ($entityId IS NULL OR decision.aId = $entityId OR decision.bId = $entityId)
RETURN count(decision) AS count
