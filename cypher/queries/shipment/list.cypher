// One page of shipments matching a filter, in id order (keyset pagination).
// Parameters: $dateFrom, $dateTo (Date or null, on the departure date), $mode (TransportMode or
// null), $country, $origin, $destination (ISO codes or null: any stop, the origin, the destination in
// that country), $place (place id or null), $species (species id or null), $product (Product or null).
// Also: $after (the last id of the previous page, or null), $limit (integer).
// Columns: id (the node's id; the nested read reads what is asked of it).
// @param dateFrom: date | null
// @param dateTo: date | null
// @param mode: string | null
// @param country: string | null
// @param origin: string | null
// @param destination: string | null
// @param place: string | null
// @param species: string | null
// @param product: string | null
// @param after: string | null
// @param limit: integer
// @column id: string
MATCH (node:Shipment)
WHERE ($dateFrom IS NULL OR node.departedOn >= $dateFrom)
  AND ($dateTo IS NULL OR node.departedOn <= $dateTo)
  AND ($mode IS NULL OR node.mode = $mode)
  AND ($country IS NULL OR EXISTS { (node)-[:STOPS_AT]->(stop) WHERE stop.id = $country OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $country}) } })
  AND ($origin IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "ORIGIN"}]->(stop) WHERE stop.id = $origin OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $origin}) } })
  AND ($destination IS NULL OR EXISTS { (node)-[:STOPS_AT {role: "DESTINATION"}]->(stop) WHERE stop.id = $destination OR EXISTS { (stop)-[:IN_COUNTRY]->(:Country {id: $destination}) } })
  AND ($place IS NULL OR EXISTS { (node)-[:STOPS_AT]->(:Place {id: $place}) })
  AND ($species IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species}) })
  AND ($product IS NULL OR EXISTS { (node)-[:CARRIED]->(:CommodityLine {product: $product}) })
  AND ($after IS NULL OR node.id > $after)
// The page is cut before anything more of its nodes is read.
WITH node ORDER BY node.id LIMIT $limit
RETURN node.id AS id
