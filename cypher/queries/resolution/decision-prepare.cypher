// Resolution, decide: the first statement of a decision's transaction. Finds the two entities,
// takes a write lock on both (their id set to itself: nothing changes, but Neo4j locks a node
// before it compares the value), so that a second decision on either entity waits until this one
// commits: two investigators cannot both decide one pair, nor grow one cluster past its limit
// together. Then reads what the decision depends on:
// the pair's live decision, the clusters each entity is in (persons or companies joined by SAME_AS:
// a cluster never grows past 20 members, MAX_CLUSTER in decision-store.ts, so a walk of at most 20
// SAME_AS reaches all of it), and the pair's stored candidate. No row when an entity does not exist.
// Parameters: $kind (PERSON or COMPANY), $aId, $bId (the entities' ids, a < b), $pairId (the pair's
//   candidate id).
// Columns: liveDecision (the id of the pair's decision that is not undone, or null), aCluster and
//   bCluster (the ids of the entities' clusters, each entity included), candidateScore (null when no
//   candidate is stored for the pair), candidateFeatures (the candidate's feature names; [] without one).
// @param kind: string
// @param aId: string
// @param bId: string
// @param pairId: string
// @column liveDecision: string | null
// @column aCluster: string[]
// @column bCluster: string[]
// @column candidateScore: float | null
// @column candidateFeatures: string[]
CALL () {
  MATCH (a:Person {id: $aId}), (b:Person {id: $bId})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $aId}), (b:Company {id: $bId})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
SET a.id = a.id, b.id = b.id
WITH a, b
OPTIONAL MATCH (live:ResolutionDecision {pairId: $pairId})
WHERE live.undoneAt IS NULL
OPTIONAL MATCH (candidate:MatchCandidate {id: $pairId})
RETURN live.id AS liveDecision,
  COLLECT { MATCH (a)-[:SAME_AS]-{0,20}(member) RETURN DISTINCT member.id } AS aCluster,
  COLLECT { MATCH (b)-[:SAME_AS]-{0,20}(member) RETURN DISTINCT member.id } AS bCluster,
  candidate.score AS candidateScore,
  coalesce(candidate.featureNames, []) AS candidateFeatures
