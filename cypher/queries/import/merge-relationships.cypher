// Creates or updates relationships of one type between two labels, one per data row that states
// them: the merge key is (ends, type, sourceId, sourceRow).
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to (node ids), row (integer), properties (map, no nulls)}), $sourceId.
// Columns: none.
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row}]->(to)
SET rel += row.properties
