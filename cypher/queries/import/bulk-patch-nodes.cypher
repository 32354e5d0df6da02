// After a bulk load (src/import/bulk/), what its files could not say about nodes already in them:
// the values of a later row that describes a node an earlier row made (later values win, as in
// consecutive MERGE batches), and the label Synthetic that a later synthetic source adds. Rows
// come in the order of the input, so a node's changes apply in that order.
// Template slot: LABEL (a NodeLabel).
// Parameters: $rows (list of {id, properties (map, no nulls), synthetic (boolean: add the label)}).
// Columns: none.
// @slot LABEL: NodeLabel
// @param rows: ParameterMap[]
UNWIND $rows AS row
MATCH (node:{{LABEL}} {id: row.id})
SET node += row.properties
FOREACH (_ IN CASE WHEN row.synthetic THEN [1] ELSE [] END | SET node:Synthetic)
