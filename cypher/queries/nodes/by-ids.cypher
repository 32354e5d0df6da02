// Nodes of one label by id, for lookups and DataLoader batches.
// Template slots: LABEL (a NodeLabel).
// Parameters: $ids (list of ids).
// Columns: key (an id that exists), node (its properties). Unknown ids give no row.
// @slot LABEL: NodeLabel
// @param ids: string[]
// @column key: string
// @column node: NodeProperties
UNWIND $ids AS key
MATCH (node:{{LABEL}} {id: key})
RETURN key, node {.*, synthetic: node:Synthetic} AS node
