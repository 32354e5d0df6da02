// As merge-relationships, for relationships a row may state several times between the same two
// nodes (a route through one country twice): the merge key also holds `seq`.
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to, row, seq (integers), properties (map, no nulls)}), $sourceId.
// Columns: none.
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(to)
SET rel += row.properties
