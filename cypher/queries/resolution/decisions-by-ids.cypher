// Resolution: decisions by id, as the API shows them.
// Parameters: $ids.
// Columns: one row per decision found (see decision-columns in decisions-page.cypher): id, kind,
//   verdict, a, b, pairId, reason, decidedBy, decidedAtMs, automatic, score, features, undoneAtMs,
//   undoneBy, undoReason.
// @param ids: string[]
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
UNWIND $ids AS key
MATCH (decision:ResolutionDecision {id: key})
RETURN decision.id AS id, decision.kind AS kind, decision.verdict AS verdict, decision.aId AS a, decision.bId AS b,
  decision.pairId AS pairId, decision.reason AS reason, decision.decidedBy AS decidedBy,
  decision.decidedAt.epochMillis AS decidedAtMs, decision.automatic AS automatic, decision.score AS score,
  decision.features AS features, decision.undoneAt.epochMillis AS undoneAtMs, decision.undoneBy AS undoneBy,
  decision.undoReason AS undoReason
