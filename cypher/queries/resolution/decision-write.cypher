// Resolution, decide: writes a decision, after decision-prepare.cypher in the same transaction. A
// decision is data: who, when, why, on what evidence; it names its two entities (DECIDES), and a
// SAME decision joins them with SAME_AS (carrying the decision's id), which the resolved view of
// every query follows. Nothing else of the entities changes, so undoing it (decision-undo.cypher)
// gives back the graph as it was.
// Parameters: $id (the decision's id), $kind (PERSON or COMPANY), $verdict (SAME or DIFFERENT),
//   $aId, $bId (a < b), $pairId, $reason, $decidedBy (the deciding key's subject, or the command's
//   name), $decidedAt, $automatic (true when applied by `npm run resolve -- apply`), $score and
//   $features (the pair's candidate when the decision was taken: null and [] without one).
// Columns: id.
// @param id: string
// @param kind: string
// @param verdict: string
// @param aId: string
// @param bId: string
// @param pairId: string
// @param reason: string
// @param decidedBy: string
// @param decidedAt: datetime
// @param automatic: boolean
// @param score: float | null
// @param features: string[]
// @column id: string
CALL () {
  MATCH (a:Person {id: $aId}), (b:Person {id: $bId})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $aId}), (b:Company {id: $bId})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
CREATE (decision:ResolutionDecision {
  id: $id, kind: $kind, verdict: $verdict, aId: $aId, bId: $bId, pairId: $pairId, reason: $reason,
  decidedBy: $decidedBy, decidedAt: $decidedAt, automatic: $automatic, score: $score, features: $features
})
CREATE (decision)-[:DECIDES]->(a), (decision)-[:DECIDES]->(b)
FOREACH (_ IN CASE WHEN $verdict = 'SAME' THEN [1] ELSE [] END |
  CREATE (a)-[:SAME_AS {decisionId: $id}]->(b)
)
RETURN decision.id AS id
