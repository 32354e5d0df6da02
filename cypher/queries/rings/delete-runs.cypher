// Ring analysis, store: removes a scope's ring runs other than the one just written, with their
// rings and membership links (same transaction as write-run and write-rings).
// Parameters: $scope ('' for the whole graph), $keepRunId (the new run's id).
// Columns: deleted (runs removed).
// @param scope: string
// @param keepRunId: string
// @column deleted: integer
MATCH (run:AnalysisRun {kind: 'rings', scope: $scope})
WHERE run.id <> $keepRunId
CALL (run) {
  OPTIONAL MATCH (run)-[:FOUND]->(ring:Ring)
  DETACH DELETE ring
}
DETACH DELETE run
RETURN count(run) AS deleted
