// The shipments a source backs: what a load that did not go through the import (the hand-made
// fixture) gives the trade tallies to count (aggregates/touch-shipments.cypher).
// Parameters: $sourceId.
// Columns: id.
// @param sourceId: string
// @column id: string
MATCH (shipment:Shipment)-[:SOURCED_FROM]->(:Source {id: $sourceId})
RETURN shipment.id AS id
ORDER BY id
