// As merge-relationships, for a symmetric relationship (two countries border each other): stored
// once per pair and source, from the lower id to the higher; sourceRow is the first row stating it.
// Template slots: FROM and TO (the same NodeLabel), TYPE (a RelType).
// Parameters: $rows (list of {from, to (from < to), row (integer), properties (map, no nulls)}), $sourceId.
// Columns: none.
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId}]->(to)
ON CREATE SET rel.sourceRow = row.row
SET rel += row.properties
