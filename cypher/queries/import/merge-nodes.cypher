// Creates or updates the nodes of one label made from a batch of rows, each with its provenance:
// one SOURCED_FROM per node and source, whose `row` is the first data row that made the node.
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id, row (integer), properties (map; no nulls, so other sources'
// values are never erased)}), $sourceId, $synthetic (boolean: add the label Synthetic).
// Columns: none.
MATCH (source:Source {id: $sourceId})
UNWIND $rows AS row
MERGE (node:{{LABEL}} {id: row.id})
SET node += row.properties
FOREACH (_ IN CASE WHEN $synthetic THEN [1] ELSE [] END | SET node:Synthetic)
MERGE (node)-[provenance:SOURCED_FROM]->(source)
ON CREATE SET provenance.row = row.row
