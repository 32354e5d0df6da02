// How many relationships of each type a source made: those with its sourceId, and its SOURCED_FROM.
// Scans every relationship; meant for import reports and tests, not for requests.
// Parameters: $sourceId.
// Columns: type, count.
MATCH ()-[rel]->()
WHERE rel.sourceId = $sourceId
RETURN type(rel) AS type, count(*) AS count
UNION ALL
MATCH (:Source {id: $sourceId})<-[rel:SOURCED_FROM]-()
RETURN type(rel) AS type, count(*) AS count
