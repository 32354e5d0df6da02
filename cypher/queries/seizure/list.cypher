// One page of seizures matching a filter, in id order (keyset pagination).
// Parameters: $dateFrom, $dateTo (Date or null), $country (ISO code or null), $place (place id
// or null), $species (species id or null), $product (Product or null), $mode (TransportMode or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: node (the seizure's properties).
MATCH (node:Seizure)
WHERE ($dateFrom IS NULL OR node.date >= $dateFrom)
  AND ($dateTo IS NULL OR node.date <= $dateTo)
  AND ($country IS NULL OR EXISTS { (node)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($place IS NULL OR EXISTS { (node)-[:SEIZED_AT]->(:Place {id: $place}) })
  AND ($species IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($mode IS NULL OR EXISTS { (node)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($after IS NULL OR node.id > $after)
RETURN node {.*, synthetic: node:Synthetic} AS node
ORDER BY node.id
LIMIT $limit
