// What the flows of flows/links.cypher add up to, over all links (not only the first $limit):
// the seizures and shipments with at least one hop at that level, and the number of links.
// Parameters: $level ('COUNTRY' or 'PLACE'), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null).
// Columns: seizureCount, shipmentCount, linkCount.
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column seizureCount: integer
// @column shipmentCount: integer
// @column linkCount: integer
MATCH (shipment:Shipment)-[here:STOPS_AT]->(hereStop)
WHERE here.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[next:STOPS_AT]->(nextStop)
WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
  AND NOT EXISTS { MATCH (shipment)-[between:STOPS_AT]->() WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq }
OPTIONAL MATCH (hereStop:Place)-[:IN_COUNTRY]->(hereCountry:Country)
OPTIONAL MATCH (nextStop:Place)-[:IN_COUNTRY]->(nextCountry:Country)
WITH DISTINCT shipment,
  CASE WHEN $level = 'PLACE' THEN hereStop ELSE coalesce(hereCountry, hereStop) END AS source,
  CASE WHEN $level = 'PLACE' THEN nextStop ELSE coalesce(nextCountry, nextStop) END AS target
WHERE source <> target
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($product IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($species IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(line:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species})
                                    WHERE $product IS NULL OR line.product = $product })
RETURN count(DISTINCT seizure) AS seizureCount, count(DISTINCT shipment) AS shipmentCount,
  count(DISTINCT [source.id, target.id]) AS linkCount
