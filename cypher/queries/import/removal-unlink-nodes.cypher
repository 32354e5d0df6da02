// Source removal: for each node a batch reached that has none of the source's relationships left,
// deletes its SOURCED_FROM to the source, then settles the node by what other sources say of it:
// - `backed`: another source backs it too; it stays as it is, since merged properties cannot be
//   told apart by source;
// - `cleared`: no source backs it, but other sources' relationships reach it (they mentioned it):
//   it stays as such a mention is made (merge-mentioned-nodes), its id and labels only;
// - `deleted`: nothing else states it; it goes, with any relationship no source states.
// Parameters: $nodes (element ids), $sourceId.
// Columns: label (the node's label other than Synthetic), fate (backed, cleared or deleted), count.
// @param nodes: string[]
// @param sourceId: string
// @column label: string
// @column fate: string
// @column count: integer
UNWIND $nodes AS key
MATCH (node)-[provenance:SOURCED_FROM]->(:Source {id: $sourceId})
WHERE elementId(node) = key AND NOT EXISTS { (node)-[rel]-() WHERE rel.sourceId = $sourceId }
WITH node, provenance, [label IN labels(node) WHERE label <> "Synthetic"][0] AS label
DELETE provenance
WITH node, label,
     CASE
       WHEN EXISTS { (node)-[:SOURCED_FROM]->(:Source) } THEN "backed"
       WHEN EXISTS { (node)-[rel]-() WHERE rel.sourceId IS NOT NULL } THEN "cleared"
       ELSE "deleted"
     END AS fate
CALL (node, fate) {
  WITH node WHERE fate = "cleared"
  SET node = {id: node.id}
}
CALL (node, fate) {
  WITH node WHERE fate = "deleted"
  DETACH DELETE node
}
RETURN label, fate, count(*) AS count
