// The first related nodes of each node of a batch, for a relationship field that can reach
// thousands of nodes (a port's seizures, a species' commodity lines). Slots as in related/all.
// Parameters: $ids (list of ids of FROM nodes), $after (a node id or null), $limit (integer).
// Columns: key, node, labels, rels, as in related/all; at most $limit rows per key, by node id.
// A page is of nodes (its cursor is a node id): each related node once, however many relationships
// join the two, so pages agree with related/count. The page is cut before the relationships'
// properties are read, so that only its own nodes' are.
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @param after: string | null
// @param limit: integer
// @column key: string
// @column node: NodeProperties
// @column labels: string[]
// @column rels: Properties[]
UNWIND $ids AS key
CALL (key) {
  MATCH (from:{{FROM}} {id: key}){{LEFT}}[:{{TYPE}}]{{RIGHT}}(node:{{TO}})
  WHERE $after IS NULL OR node.id > $after
  WITH DISTINCT from, node
  ORDER BY node.id
  LIMIT $limit
  RETURN from, node
}
CALL (from, node) {
  MATCH (from){{LEFT}}[rel:{{TYPE}}]{{RIGHT}}(node)
  WITH rel
  ORDER BY rel.sourceId, rel.sourceRow
  RETURN collect(properties(rel)) AS rels
}
RETURN key, node {.*, synthetic: node:Synthetic} AS node, labels(node) AS labels, rels
ORDER BY key, node.id
