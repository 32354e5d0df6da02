// Every node related to each node of a batch, for one relationship field (src/domain/relations.ts).
// Template slots: FROM (a NodeLabel), LEFT and RIGHT (the arrow pieces giving the direction),
// TYPE (a RelType), TO (one or more NodeLabels, as a label expression such as Place|Country).
// Parameters: $ids (list of ids of FROM nodes).
// Columns: key (the id asked for), node (properties of the related node), labels (its labels),
// rel (properties of the relationship). Ordered by key, then the relationship's `seq`, then node id.
UNWIND $ids AS key
MATCH (:{{FROM}} {id: key}){{LEFT}}[rel:{{TYPE}}]{{RIGHT}}(node:{{TO}})
RETURN key, node {.*, synthetic: node:Synthetic} AS node, labels(node) AS labels, properties(rel) AS rel
ORDER BY key, rel.seq, node.id
