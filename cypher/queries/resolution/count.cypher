// The resolutionCandidates root field's totalCount: the stored candidates a page of the same
// arguments is taken from (see page.cypher), counted only when a client asks for it.
// Parameters: $kind (a MatchKind, or null for both), $minScore, $scope ('' for all).
// Columns: count.
// @param kind: string | null
// @param minScore: float
// @param scope: string
// @column count: integer
MATCH (candidate:MatchCandidate)
WHERE candidate.score >= $minScore
  AND ($kind IS NULL OR candidate.kind = $kind)
  AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
RETURN count(candidate) AS count
