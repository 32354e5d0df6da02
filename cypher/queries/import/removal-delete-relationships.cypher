// Source removal: deletes the relationships a batch read chose (removal-next-batch or
// removal-stray-relationships), each only while it still carries the source's id.
// Parameters: $relationships (element ids), $sourceId.
// Columns: type, count (relationships of that type deleted).
// @param relationships: string[]
// @param sourceId: string
// @column type: string
// @column count: integer
UNWIND $relationships AS key
MATCH ()-[rel]->()
WHERE elementId(rel) = key AND rel.sourceId = $sourceId
WITH rel, type(rel) AS type
DELETE rel
RETURN type, count(*) AS count
