// Resolution, apply: the stored candidates of a scope scoring at least $minScore on which no
// decision was ever taken (a rejected pair, or one whose decision was undone, is the
// investigators' to decide again), best first: what `npm run resolve -- apply` confirms.
// Parameters: $minScore, $scope (both entities' ids start with it; '' for all).
// Columns: kind, a, b (the entities' ids, a < b).
// @param minScore: float
// @param scope: string
// @column kind: string
// @column a: string
// @column b: string
MATCH (candidate:MatchCandidate)
WHERE candidate.score >= $minScore
  AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  AND NOT EXISTS { MATCH (decision:ResolutionDecision {pairId: candidate.id}) }
RETURN candidate.kind AS kind, candidate.aId AS a, candidate.bId AS b
ORDER BY candidate.score DESC, candidate.id
