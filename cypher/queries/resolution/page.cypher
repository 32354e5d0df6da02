// The resolutionCandidates root field: one page of stored candidates, best first (score
// descending, then id), after a cursor's position. The candidates of the cursor's own score that
// follow its id, then those of lower scores read in order from the score index (a range seek and a
// partial top, so a page costs its own rows wherever it starts, measured with PROFILE); an OR of
// the two in one MATCH plans as a scan from the top or a union of two full seeks. A candidate of
// which an entity is gone since the run (its relationship went with it) is left out until the
// next run removes it.
// Parameters: $kind (a MatchKind, or null for both), $minScore, $scope (both entities' ids start
//   with it; '' for all), $afterScore and $afterId (the cursor's position: the page starts after
//   it; for the first page a score above any (2) and ''), $limit (integer).
// Columns: id, kind, a, b (the entities' ids, a < b), score, featureNames, featureWeights,
//   featureDetails, computedAtMs (when the run computed it, epoch milliseconds).
// @param kind: string | null
// @param minScore: float
// @param scope: string
// @param afterScore: float
// @param afterId: string
// @param limit: integer
// @column id: string
// @column kind: string
// @column a: string
// @column b: string
// @column score: float
// @column featureNames: string[]
// @column featureWeights: float[]
// @column featureDetails: string[]
// @column computedAtMs: integer
CALL () {
  MATCH (candidate:MatchCandidate)
  WHERE candidate.score = $afterScore AND candidate.id > $afterId
    AND ($kind IS NULL OR candidate.kind = $kind)
    AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
    AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  RETURN candidate
  UNION ALL
  MATCH (candidate:MatchCandidate)
  WHERE candidate.score < $afterScore AND candidate.score >= $minScore
    AND ($kind IS NULL OR candidate.kind = $kind)
    AND left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
    AND COUNT { (candidate)-[:CANDIDATE]->() } = 2
  RETURN candidate
  ORDER BY candidate.score DESC, candidate.id
  LIMIT $limit
}
WITH candidate
ORDER BY candidate.score DESC, candidate.id
LIMIT $limit
RETURN candidate.id AS id, candidate.kind AS kind, candidate.aId AS a, candidate.bId AS b, candidate.score AS score,
  candidate.featureNames AS featureNames, candidate.featureWeights AS featureWeights,
  candidate.featureDetails AS featureDetails, candidate.computedAt.epochMillis AS computedAtMs
