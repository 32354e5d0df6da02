// As merge-relationships, for a symmetric relationship (two countries border each other): stored
// once per pair and source, from the lower id to the higher; sourceRow is the first row stating it.
// Template slots: FROM and TO (the same NodeLabel), TYPE (a RelType).
// Parameters: $rows (list of {from, to (from < to), row (integer), properties (map, no nulls)}; one
// per pair), $sourceId.
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
WITH from, to, row, EXISTS { (from)-[:{{TYPE}} {sourceId: $sourceId}]->(to) } AS known
MERGE (from)-[rel:{{TYPE}} {sourceId: $sourceId}]->(to)
ON CREATE SET rel.sourceRow = row.row
SET rel += row.properties
WITH count(CASE WHEN known THEN null ELSE 1 END) AS added
MATCH (source:Source {id: $sourceId})
SET source.`relationships.{{TYPE}}` = coalesce(source.`relationships.{{TYPE}}`, 0) + added
RETURN added
