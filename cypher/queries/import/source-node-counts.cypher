// How many nodes of each label a source backs (its SOURCED_FROM relationships), for import reports and tests.
// Parameters: $sourceId.
// Columns: label (the node's label other than Synthetic), count.
MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node)
RETURN [label IN labels(node) WHERE label <> "Synthetic"][0] AS label, count(*) AS count
ORDER BY label
