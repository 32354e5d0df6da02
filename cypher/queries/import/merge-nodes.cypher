// Creates or updates the nodes of one label made from a batch of rows, each with its provenance:
// one SOURCED_FROM per node and source, whose `row` is the first data row that made the node.
// It also adds the SOURCED_FROM it made to the source's kept counts (`nodes.<LABEL>` and
// `relationships.SOURCED_FROM` on the Source node), in the batch's own transaction, so import
// reports need not count the graph (see source-counts.cypher).
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id, row (integer), properties (map; no nulls, so other sources'
// values are never erased)}; one per id), $sourceId, $synthetic (boolean: add the label Synthetic).
// Columns: added (how many nodes this source did not back before).
// @slot LABEL: NodeLabel
// @param rows: NodeRowInput[]
// @param sourceId: string
// @param synthetic: boolean
// @column added: integer
MATCH (source:Source {id: $sourceId})
UNWIND $rows AS row
MERGE (node:{{LABEL}} {id: row.id})
SET node += row.properties
FOREACH (_ IN CASE WHEN $synthetic THEN [1] ELSE [] END | SET node:Synthetic)
WITH source, node, row, EXISTS { (node)-[:SOURCED_FROM]->(source) } AS known
MERGE (node)-[provenance:SOURCED_FROM]->(source)
ON CREATE SET provenance.row = row.row
WITH source, count(CASE WHEN known THEN null ELSE 1 END) AS added
SET source.`nodes.{{LABEL}}` = coalesce(source.`nodes.{{LABEL}}`, 0) + added,
    source.`relationships.SOURCED_FROM` = coalesce(source.`relationships.SOURCED_FROM`, 0) + added
RETURN added
