// How many relationships of each type a source made: those with its sourceId, and its SOURCED_FROM.
// Scans every relationship: for tests (a count independent of the kept counts, source-counts.cypher)
// and to count, once, a Source made before its counts were kept; never per batch or per request.
// Parameters: $sourceId.
// Columns: type, count.
// @param sourceId: string
// @column type: string
// @column count: integer
MATCH ()-[rel]->()
WHERE rel.sourceId = $sourceId
RETURN type(rel) AS type, count(*) AS count
UNION ALL
MATCH (:Source {id: $sourceId})<-[rel:SOURCED_FROM]-()
RETURN type(rel) AS type, count(*) AS count
