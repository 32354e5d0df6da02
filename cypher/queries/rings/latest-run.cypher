// The rings root field: the latest ring analysis of a scope, if any has run.
// Parameters: $scope ('' for the whole graph), $minSize (integer: rings counted from this size).
// Columns: run ({id, scope, parameters (JSON text), durationMs, partyCount, linkCount,
//   communityCount, ringCount, computedAtMs (epoch milliseconds)}), matching (rings of at least
//   $minSize members). No row when the scope was never analysed.
// @param scope: string
// @param minSize: integer
// @column run: RingRunMap
// @column matching: integer
MATCH (run:AnalysisRun {kind: 'rings', scope: $scope})
WITH run
ORDER BY run.computedAt DESC
LIMIT 1
RETURN run {.id, .scope, .parameters, .durationMs, .partyCount, .linkCount, .communityCount, .ringCount,
  computedAtMs: run.computedAt.epochMillis} AS run,
  COUNT { (run)-[:FOUND]->(ring:Ring) WHERE ring.size >= $minSize } AS matching
