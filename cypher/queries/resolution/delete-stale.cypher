// Resolution, store: removes the candidates of a scope (both entities' ids start with it) that the
// run just written did not find again (same transaction as write-candidates): pairs that no longer
// score enough, and pairs of which an entity is gone.
// Parameters: $scope ('' for the whole graph), $computedAt (the run's time: what it wrote carries it).
// Columns: deleted (candidates removed).
// @param scope: string
// @param computedAt: datetime
// @column deleted: integer
MATCH (candidate:MatchCandidate)
WHERE left(candidate.aId, size($scope)) = $scope AND left(candidate.bId, size($scope)) = $scope
  AND candidate.computedAt <> $computedAt
DETACH DELETE candidate
RETURN count(candidate) AS deleted
