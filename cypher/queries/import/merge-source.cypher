// Creates or updates the Source node of an import (the dataset a mapping file describes). A Source
// made here starts with kept counts (`countsKept`): the import queries add to its `nodes.<Label>`
// and `relationships.<TYPE>` properties as they write (see source-counts.cypher).
// Parameters: $source (map: id, title, publisher, url, licence, retrievedOn (Date), reliability,
// kind; and, once, for a Source made before counts were kept, its counted `nodes.<Label>` and
// `relationships.<TYPE>` with `countsKept: true`).
// Columns: none.
// @param source: ParameterMap
MERGE (source:Source {id: $source.id})
ON CREATE SET source.countsKept = true
SET source += $source
