// Source removal, the next batch read: up to $limit pairs of a node the source backs (through its
// SOURCED_FROM) and a relationship of that node the source states (its `sourceId`), or the node
// alone when it has none. Read before anything is deleted, so that the trade facts the batch
// touches are known while they still exist; the removal statements then take the element ids.
// Pairs, not nodes, are limited: a node with more of the source's relationships than $limit takes
// several batches, and every batch deletes at least one relationship or one SOURCED_FROM.
// Parameters: $sourceId, $limit (integer: pairs per batch).
// Columns: nodes (element ids of the nodes reached), relationships (element ids of the source's
// relationships among the pairs), ends (element ids of those relationships' other ends, with
// repeats), shipments, seizures, lines, places (ids of the Shipment, Seizure, CommodityLine and
// Place nodes among the nodes reached and the ends, with repeats). One row, of empty lists when the
// source backs no node any more.
// @param sourceId: string
// @param limit: integer
// @column nodes: string[]
// @column relationships: string[]
// @column ends: string[]
// @column shipments: string[]
// @column seizures: string[]
// @column lines: string[]
// @column places: string[]
MATCH (:Source {id: $sourceId})<-[:SOURCED_FROM]-(node)
OPTIONAL MATCH (node)-[rel]-(end)
WHERE rel.sourceId = $sourceId
WITH node, rel, end
LIMIT $limit
WITH collect(DISTINCT node) AS nodes, collect(DISTINCT rel) AS rels, collect(end) AS ends
WITH nodes, rels, ends, nodes + ends AS touched
RETURN [node IN nodes | elementId(node)] AS nodes,
       [rel IN rels | elementId(rel)] AS relationships,
       [end IN ends | elementId(end)] AS ends,
       [node IN touched WHERE node:Shipment | node.id] AS shipments,
       [node IN touched WHERE node:Seizure | node.id] AS seizures,
       [node IN touched WHERE node:CommodityLine | node.id] AS lines,
       [node IN touched WHERE node:Place | node.id] AS places
