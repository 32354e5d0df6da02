// Hop-to-hop flows: each stop of a record to the stop of its next layer (origins, then each transit
// in order, then destinations), at country level (a place's country; hops inside one country are
// left out) or place level (the place where known, else the country).
// Parameters: $level ('COUNTRY' or 'PLACE'), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null), $limit (integer).
// Columns: source, target (Country or Place ids), seizureCount, shipmentCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known). Largest first.
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param limit: integer
// @column source: string
// @column target: string
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
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
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH source, target, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH source, target,
  count(DISTINCT seizure) AS seizureCount,
  count(DISTINCT shipment) AS shipmentCount,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount,
  collect(DISTINCT line) AS weighed
RETURN source.id AS source, target.id AS target, seizureCount, shipmentCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg
ORDER BY seizureCount DESC, source, target
LIMIT $limit
