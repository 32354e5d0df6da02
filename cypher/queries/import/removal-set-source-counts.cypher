// Source removal: the Source's kept counts (source-counts.cypher) less what a batch deleted, set in
// the batch's transaction, so that they stay exact while a removal is under way or was stopped.
// Parameters: $sourceId, $counts (map of `nodes.<Label>` and `relationships.<TYPE>` to integers).
// Columns: none.
// @param sourceId: string
// @param counts: ParameterMap
MATCH (source:Source {id: $sourceId})
SET source += $counts
