// Country-to-country legs leaving some countries: a stop in one of $sources followed by the stop
// of the next layer of the same record (origins, then each transit, then destinations) in another
// country. What inferred routes are chained from.
// Parameters: $sources (country ids), $targets (country ids, or null for any country), $species
// (species id or null), $product (Product or null), $mode (TransportMode or null), $source (Source
// id or null: only seizures it reports), $dateFrom, $dateTo (Date or null).
// Columns: source, target (country ids), seizureCount (seizures of records with that leg).
// @param sources: string[]
// @param targets: string[] | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column source: string
// @column target: string
// @column seizureCount: integer
UNWIND $sources AS sourceId
MATCH (source:Country {id: sourceId})
CALL (source) {
  MATCH (shipment:Shipment)-[here:STOPS_AT]->(source)
  RETURN shipment, here
  UNION
  MATCH (shipment:Shipment)-[here:STOPS_AT]->(:Place)-[:IN_COUNTRY]->(source)
  RETURN shipment, here
}
WITH source, shipment, here
WHERE here.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[next:STOPS_AT]->(nextStop)
WHERE next.seq > here.seq AND next.role <> 'ORIGIN'
  AND NOT EXISTS { MATCH (shipment)-[between:STOPS_AT]->() WHERE between.role = 'TRANSIT' AND here.seq < between.seq < next.seq }
OPTIONAL MATCH (nextStop:Place)-[:IN_COUNTRY]->(nextCountry:Country)
WITH source, shipment, coalesce(nextCountry, nextStop) AS target
WHERE target:Country AND target <> source AND ($targets IS NULL OR target.id IN $targets)
WITH DISTINCT source, target, shipment
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
  AND ($product IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(:CommodityLine {product: $product}) })
  AND ($species IS NULL OR EXISTS { (seizure)-[:RECOVERED]->(line:CommodityLine)-[:OF_SPECIES]->(:Species {id: $species})
                                    WHERE $product IS NULL OR line.product = $product })
RETURN source.id AS source, target.id AS target, count(DISTINCT seizure) AS seizureCount
ORDER BY seizureCount DESC, source, target
