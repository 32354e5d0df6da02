// Whether any watch is live. An import batch runs alerts/match-batch.cypher only then: planning
// that query costs about as much as writing a batch of thousands of rows, and Neo4j plans it again
// whenever the graph's counts have changed much since, as they do all through an import.
// Parameters: none
// Columns: watching (boolean)
// @column watching: boolean
RETURN EXISTS { MATCH (live:Watch) WHERE live.removedAt IS NULL } AS watching
