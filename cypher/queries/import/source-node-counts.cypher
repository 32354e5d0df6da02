// How many nodes of each label a source backs (its SOURCED_FROM relationships), for tests and to count,
// once, a Source made before its counts were kept (see source-counts.cypher).
// Parameters: $sourceId.
// Columns: label (the node's label other than Synthetic), count.
// @param sourceId: string
// @column label: string
// @column count: integer
MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node)
RETURN [label IN labels(node) WHERE label <> "Synthetic"][0] AS label, count(*) AS count
ORDER BY label
