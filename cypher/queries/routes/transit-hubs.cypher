// Transit hubs: the countries (or places) that records name as transit stops, ranked by the
// shipments passing through them, with their share of all shipments that name a transit.
// Parameters: $level ('COUNTRY' or 'PLACE'), $origins, $destinations (lists of country ids, such
// as a region's: the record must name one of them as an origin, or as a destination; or null), $species (species id or null), $product (Product or
// null), $mode (TransportMode or null), $source (Source id or null: only seizures it reports),
// $dateFrom, $dateTo (Date or null), $limit (integer).
// Columns: hub (Country or Place id), shipmentCount, seizureCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known), share (shipmentCount over the shipments with a
// transit under the same filter, 0 to 1), totalShipmentCount (that denominator).
// @param level: string
// @param origins: string[] | null
// @param destinations: string[] | null
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param limit: integer
// @column hub: string
// @column shipmentCount: integer
// @column seizureCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column share: float
// @column totalShipmentCount: integer
MATCH (shipment:Shipment)-[transit:STOPS_AT {role: 'TRANSIT'}]->(stop)
WHERE ($mode IS NULL OR shipment.mode = $mode)
  AND ($origins IS NULL
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(country:Country) WHERE country.id IN $origins }
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'ORIGIN'}]->(:Place)-[:IN_COUNTRY]->(country:Country) WHERE country.id IN $origins })
  AND ($destinations IS NULL
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(country:Country) WHERE country.id IN $destinations }
       OR EXISTS { MATCH (shipment)-[:STOPS_AT {role: 'DESTINATION'}]->(:Place)-[:IN_COUNTRY]->(country:Country) WHERE country.id IN $destinations })
OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(stopCountry:Country)
WITH DISTINCT shipment, CASE WHEN $level = 'PLACE' THEN stop ELSE coalesce(stopCountry, stop) END AS hub
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH hub, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH collect({hub: hub, shipment: shipment, seizure: seizure, line: line}) AS rows, count(DISTINCT shipment) AS totalShipmentCount
UNWIND rows AS row
WITH totalShipmentCount, row.hub AS hub,
  count(DISTINCT row.shipment) AS shipmentCount,
  count(DISTINCT row.seizure) AS seizureCount,
  count(DISTINCT CASE WHEN row.line.weightKg IS NOT NULL THEN row.seizure END) AS weighedSeizureCount,
  collect(DISTINCT row.line) AS weighed
RETURN hub.id AS hub, shipmentCount, seizureCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg,
  toFloat(shipmentCount) / totalShipmentCount AS share, totalShipmentCount
ORDER BY shipmentCount DESC, seizureCount DESC, hub
LIMIT $limit
