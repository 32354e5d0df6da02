// Creates or updates relationships of one type between two labels, one per data row that states
// them: the merge key is (ends, type, sourceId, sourceRow). What it creates is added to the source's
// kept count `relationships.<TYPE>` in the same transaction (see source-counts.cypher).
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to (node ids), row (integer), properties (map, no nulls)}; one
// per key), $sourceId.
// Columns: added (how many relationships were created).
// @slot FROM: NodeLabel
// @slot TO: NodeLabel
// @slot TYPE: RelType
// @param rows: RelationshipRowInput[]
// @param sourceId: string
// @column added: integer
UNWIND $rows AS row
MATCH (from:{{FROM}} {id: row.from})
MATCH (to:{{TO}} {id: row.to})
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row}]->(to)
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.`relationships.{{TYPE}}` = coalesce(source.`relationships.{{TYPE}}`, 0) + added
RETURN added
