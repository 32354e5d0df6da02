// How many nodes each node of a batch reaches through one relationship field. Slots as in related/all.
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), count (integer). Unknown ids give no row.
// Distinct nodes, as related/page lists them: parallel relationships (one per source row) count once.
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @column key: string
// @column count: integer
UNWIND $ids AS key
MATCH (from:{{FROM}} {id: key})
RETURN key, COUNT { MATCH (from){{LEFT}}[:{{TYPE}}]{{RIGHT}}(node:{{TO}}) RETURN DISTINCT node } AS count
