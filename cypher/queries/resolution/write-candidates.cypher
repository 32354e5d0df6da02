// Resolution, store: one batch of a run's candidates of one kind. Each is written over the node of
// its pair (MERGE on its id, so that a run finding a pair again updates it, and what points at it
// keeps pointing) and tied to its two entities. A pair of which an entity is gone since the export
// is not written. Run in one transaction with the other batches and delete-stale, so readers see
// the scope's earlier candidates or the new ones, never a mix. The batch comes as lists of one
// entry per candidate, in one order.
// Parameters: $kind (PERSON: both entities are persons; COMPANY: companies), $scope (the run's
//   id prefix, '' for all), $computedAt (the run's time), $ids, $as and $bs (the entities' ids, a < b), $scores,
//   $featureNames, $featureWeights, $featureDetails (one list per candidate).
// Columns: written (candidates written).
// @param kind: string
// @param scope: string
// @param computedAt: datetime
// @param ids: string[]
// @param as: string[]
// @param bs: string[]
// @param scores: float[]
// @param featureNames: string[][]
// @param featureWeights: float[][]
// @param featureDetails: string[][]
// @column written: integer
UNWIND range(0, size($ids) - 1) AS index
// Ids are unique per label only: each end is looked up under the kind's label, by index.
CALL (index) {
  MATCH (a:Person {id: $as[index]}), (b:Person {id: $bs[index]})
  WHERE $kind = 'PERSON'
  RETURN a, b
  UNION
  MATCH (a:Company {id: $as[index]}), (b:Company {id: $bs[index]})
  WHERE $kind = 'COMPANY'
  RETURN a, b
}
MERGE (candidate:MatchCandidate {id: $ids[index]})
SET candidate.kind = $kind, candidate.aId = a.id, candidate.bId = b.id, candidate.score = $scores[index],
  candidate.featureNames = $featureNames[index], candidate.featureWeights = $featureWeights[index],
  candidate.featureDetails = $featureDetails[index], candidate.scope = $scope, candidate.computedAt = $computedAt
MERGE (candidate)-[:CANDIDATE]->(a)
MERGE (candidate)-[:CANDIDATE]->(b)
RETURN count(candidate) AS written
