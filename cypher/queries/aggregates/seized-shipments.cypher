// Shipments that a seizure intercepted, or that an entity still counts, by id after $after, at most
// $limit: what a rebuild of the trade entities walks through (a shipment no longer seized leaves
// its entities).
// Parameters: $after (a shipment id, '' for the first), $limit (integer).
// Columns: id.
// @param after: string
// @param limit: integer
// @column id: string
MATCH (shipment:Shipment)
WHERE shipment.id > $after
  AND (EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) } OR EXISTS { (shipment)-[:COUNTED_IN]->(:TradeEntity) })
RETURN shipment.id AS id
ORDER BY id
LIMIT $limit
