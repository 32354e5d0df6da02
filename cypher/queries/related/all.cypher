// Every node related to each node of a batch, for one relationship field (src/domain/relations.ts).
// Template slots: FROM (a NodeLabel), LEFT and RIGHT (the arrow pieces giving the direction),
// TYPE (a RelType), TO (one or more NodeLabels, as a label expression such as Place|Country).
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), node (properties of the related node), labels (its labels),
// rels (the properties of every relationship between the two, by sourceId then sourceRow).
// One row per key and related node, ordered by key, then node id: the import writes a relationship
// once per source row, so parallel relationships are one node here. The repository splits them
// further where a relationship property tells facts apart (src/domain/relation-facts.ts).
// @slot FROM: NodeLabel
// @slot LEFT: Arrow
// @slot TYPE: RelType
// @slot RIGHT: Arrow
// @slot TO: NodeLabels
// @param ids: string[]
// @column key: string
// @column node: NodeProperties
// @column labels: string[]
// @column rels: Properties[]
UNWIND $ids AS key
MATCH (:{{FROM}} {id: key}){{LEFT}}[rel:{{TYPE}}]{{RIGHT}}(node:{{TO}})
WITH key, node, rel
ORDER BY rel.sourceId, rel.sourceRow
WITH key, node, collect(properties(rel)) AS rels
RETURN key, node {.*, synthetic: node:Synthetic} AS node, labels(node) AS labels, rels
ORDER BY key, node.id
