// Source removal, last: deletes the Source node once no node has a SOURCED_FROM to it (the removal
// has deleted its relationships before).
// Parameters: $sourceId.
// Columns: removed (1 when the Source was deleted, else 0).
// @param sourceId: string
// @column removed: integer
OPTIONAL MATCH (source:Source {id: $sourceId})
WHERE NOT EXISTS { (source)<-[:SOURCED_FROM]-() }
DELETE source
RETURN count(source) AS removed
