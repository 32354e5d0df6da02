// Source removal, the last batches read: up to $limit relationships the source states (its
// `sourceId`) that no node it backs reaches, such as a file of relationships between nodes that
// other sources describe. Once the source backs no node, only such relationships are left. It
// scans every relationship (no index holds `sourceId`), so it runs after the batches of
// removal-next-batch, where a removal whose relationships all touch its own nodes finds nothing
// in one scan.
// Parameters: $sourceId, $limit (integer: relationships per batch).
// Columns: as removal-next-batch's; nodes is empty.
// @param sourceId: string
// @param limit: integer
// @column nodes: string[]
// @column relationships: string[]
// @column ends: string[]
// @column shipments: string[]
// @column seizures: string[]
// @column lines: string[]
// @column places: string[]
MATCH (from)-[rel]->(to)
WHERE rel.sourceId = $sourceId
WITH from, rel, to
LIMIT $limit
WITH collect(rel) AS rels, collect(from) + collect(to) AS ends
RETURN [] AS nodes,
       [rel IN rels | elementId(rel)] AS relationships,
       [end IN ends | elementId(end)] AS ends,
       [node IN ends WHERE node:Shipment | node.id] AS shipments,
       [node IN ends WHERE node:Seizure | node.id] AS seizures,
       [node IN ends WHERE node:CommodityLine | node.id] AS lines,
       [node IN ends WHERE node:Place | node.id] AS places
