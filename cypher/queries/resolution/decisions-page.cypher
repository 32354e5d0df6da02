// The resolutionDecisions root field: one page of decisions, latest first (decidedAt descending,
// then id), after a cursor's position.
// Parameters: $kind (a MatchKind, or null for both), $includeUndone (false: live decisions only),
//   $entityId (only decisions naming this entity; null for all), $afterMs and $afterId (the cursor's
//   position; for the first page a time after any and ''), $limit (integer).
// Columns: as decisions-by-ids.cypher.
// @param kind: string | null
// @param includeUndone: boolean
// @param entityId: string | null
// @param afterMs: integer
// @param afterId: string
// @param limit: integer
// @column id: string
// @column kind: string
// @column verdict: string
// @column a: string
// @column b: string
// @column pairId: string
// @column reason: string
// @column decidedBy: string
// @column decidedAtMs: integer
// @column automatic: boolean
// @column score: float | null
// @column features: string[]
// @column undoneAtMs: integer | null
// @column undoneBy: string | null
// @column undoReason: string | null
MATCH (decision:ResolutionDecision)
WHERE ($kind IS NULL OR decision.kind = $kind)
  AND ($includeUndone OR decision.undoneAt IS NULL)
  AND ($entityId IS NULL OR decision.aId = $entityId OR decision.bId = $entityId)
  AND (decision.decidedAt.epochMillis < $afterMs OR (decision.decidedAt.epochMillis = $afterMs AND decision.id > $afterId))
WITH decision
ORDER BY decision.decidedAt DESC, decision.id
LIMIT $limit
RETURN decision.id AS id, decision.kind AS kind, decision.verdict AS verdict, decision.aId AS a, decision.bId AS b,
  decision.pairId AS pairId, decision.reason AS reason, decision.decidedBy AS decidedBy,
  decision.decidedAt.epochMillis AS decidedAtMs, decision.automatic AS automatic, decision.score AS score,
  decision.features AS features, decision.undoneAt.epochMillis AS undoneAtMs, decision.undoneBy AS undoneBy,
  decision.undoReason AS undoReason
