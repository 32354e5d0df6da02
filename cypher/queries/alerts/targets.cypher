// Which of these ids are nodes of a label: a watch's target must exist when it is made.
// Template slots: LABEL (a NodeLabel).
// Parameters: $ids
// Columns: id (one row per id found)
// @slot LABEL: NodeLabel
// @param ids: string[]
// @column id: string
UNWIND $ids AS id
MATCH (node:{{LABEL}} {id: id})
RETURN node.id AS id
