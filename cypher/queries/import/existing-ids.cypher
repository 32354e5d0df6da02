// Which of the given ids name an existing node of one label, for references to reference data.
// Template slot: LABEL (a NodeLabel).
// Parameters: $ids (list of ids), $synthetic (boolean: whether synthetic nodes count).
// Columns: id (each existing id once).
// @slot LABEL: NodeLabel
// @param ids: string[]
// @param synthetic: boolean
// @column id: string
UNWIND $ids AS id
MATCH (node:{{LABEL}} {id: id})
WHERE $synthetic OR NOT node:Synthetic
RETURN DISTINCT node.id AS id
