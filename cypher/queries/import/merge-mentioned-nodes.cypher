// Makes sure the nodes a batch of rows only mentions exist (a neighbouring country, named by the row
// of another), so relationships can reach them. They get no properties and no SOURCED_FROM here:
// the row that describes such a node gives both.
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id}), $synthetic (boolean: add the label Synthetic).
// Columns: none.
// @slot LABEL: NodeLabel
// @param rows: IdInput[]
// @param synthetic: boolean
UNWIND $rows AS row
MERGE (node:{{LABEL}} {id: row.id})
FOREACH (_ IN CASE WHEN $synthetic THEN [1] ELSE [] END | SET node:Synthetic)
