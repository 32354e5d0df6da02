// Source removal: deletes the nodes that were only mentioned at the end of the source's deleted
// relationships (merge-mentioned-nodes: an id, no properties, no SOURCED_FROM) and that nothing
// reaches any more. A node with any property or relationship left stays.
// Parameters: $ends (element ids, each once).
// Columns: label (the node's label other than Synthetic), count.
// @param ends: string[]
// @column label: string
// @column count: integer
UNWIND $ends AS key
MATCH (node)
WHERE elementId(node) = key AND keys(node) = ["id"] AND NOT EXISTS { (node)--() }
WITH node, [label IN labels(node) WHERE label <> "Synthetic"][0] AS label
DELETE node
RETURN label, count(*) AS count
