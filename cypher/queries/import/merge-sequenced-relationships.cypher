// As merge-relationships, for relationships a row may state several times between the same two
// nodes (a route through one country twice): the merge key also holds `seq`.
// Template slots: FROM and TO (NodeLabels), TYPE (a RelType).
// Parameters: $rows (list of {from, to, row, seq (integers), properties (map, no nulls)}; one per
// key), $sourceId.
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
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId, sourceRow: row.row, seq: row.seq}]->(to)
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.`relationships.{{TYPE}}` = coalesce(source.`relationships.{{TYPE}}`, 0) + added
RETURN added
