// The observed routes between two countries: every shipment whose record names a stop in $from and
// a later stop in $to (the first not a destination, the second not an origin), grouped by the
// route its record describes, whoever seized it and wherever.
// A record's route is its origins, then its transits in order, then its destinations. Several
// origins or destinations are alternatives, not stops in a row, so a record describes one route
// per origin and destination; the origin is the $from stop itself when that is an origin (the
// destination likewise), else every origin the record names. Consecutive stops at the same key
// (the country, or at place level the place, else the country) make one stop.
// Parameters: $from, $to (country ids), $level ('COUNTRY' or 'PLACE'), $species (species id or
// null), $product (Product or null), $mode (TransportMode or null), $source (Source id or null:
// only seizures it reports), $dateFrom, $dateTo (Date or null), $evidenceLimit (integer: seizure ids kept per route).
// Columns: route (list of {key, country, place}: place is null at country level or for a stop
// named by its country only), seizureCount, shipmentCount, weighedSeizureCount (seizures with a
// known weight), totalWeightKg (null when no weight is known), lastSeen (latest seizure date),
// evidence (seizure ids, latest first, at most $evidenceLimit).
// @param from: string
// @param to: string
// @param level: string
// @param species: string | null
// @param product: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @param evidenceLimit: integer
// @column route: RouteStopMap[]
// @column seizureCount: integer
// @column shipmentCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column lastSeen: date | null
// @column evidence: string[]
MATCH (fromCountry:Country {id: $from})
CALL (fromCountry) {
  MATCH (shipment:Shipment)-[start:STOPS_AT]->(fromCountry)
  RETURN shipment, start
  UNION
  MATCH (shipment:Shipment)-[start:STOPS_AT]->(:Place)-[:IN_COUNTRY]->(fromCountry)
  RETURN shipment, start
}
WITH shipment, start
WHERE start.role <> 'DESTINATION' AND ($mode IS NULL OR shipment.mode = $mode)
  // Only seized shipments count; most are not, so they are dropped before their stops are read.
  AND EXISTS { (shipment)<-[:INTERCEPTED]-(:Seizure) }
MATCH (shipment)-[end:STOPS_AT]->(endStop)
WHERE end.seq > start.seq AND end.role <> 'ORIGIN'
  AND ((endStop:Country AND endStop.id = $to) OR EXISTS { (endStop:Place)-[:IN_COUNTRY]->(:Country {id: $to}) })
WITH shipment, collect(DISTINCT {start: start.seq, startRole: start.role, end: end.seq, endRole: end.role}) AS spans
CALL (shipment) {
  MATCH (shipment)-[stopsAt:STOPS_AT]->(stop)
  OPTIONAL MATCH (stop:Place)-[:IN_COUNTRY]->(placeCountry:Country)
  WITH stopsAt, stop, placeCountry
  ORDER BY stopsAt.seq
  RETURN collect({
    seq: stopsAt.seq,
    role: stopsAt.role,
    country: CASE WHEN stop:Country THEN stop.id ELSE placeCountry.id END,
    place: CASE WHEN stop:Place THEN stop.id END
  }) AS stops
}
UNWIND spans AS span
WITH shipment, span,
  [stop IN stops WHERE stop.role = 'ORIGIN'] AS origins,
  [stop IN stops WHERE stop.role = 'TRANSIT'] AS transits,
  [stop IN stops WHERE stop.role = 'DESTINATION'] AS destinations
UNWIND CASE
  WHEN span.startRole = 'ORIGIN' THEN [stop IN origins WHERE stop.seq = span.start]
  WHEN origins = [] THEN [null]
  ELSE origins
END AS origin
UNWIND CASE
  WHEN span.endRole = 'DESTINATION' THEN [stop IN destinations WHERE stop.seq = span.end]
  WHEN destinations = [] THEN [null]
  ELSE destinations
END AS destination
WITH shipment, [stop IN [origin] + transits + [destination] WHERE stop IS NOT NULL | {
  key: CASE WHEN $level = 'PLACE' THEN coalesce(stop.place, stop.country) ELSE stop.country END,
  country: stop.country,
  place: CASE WHEN $level = 'PLACE' THEN stop.place END
}] AS hops
WITH DISTINCT shipment, [i IN range(0, size(hops) - 1) WHERE i = 0 OR hops[i].key <> hops[i - 1].key | hops[i]] AS route
MATCH (seizure:Seizure)-[:INTERCEPTED]->(shipment)
WHERE ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH route, shipment, seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
WITH route,
  count(DISTINCT shipment) AS shipmentCount,
  collect(DISTINCT seizure) AS seizures,
  collect(DISTINCT line) AS weighed,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount
CALL (seizures) {
  UNWIND seizures AS seizure
  WITH seizure
  ORDER BY seizure.date IS NULL, seizure.date DESC, seizure.id
  RETURN collect(seizure.id)[..$evidenceLimit] AS evidence, max(seizure.date) AS lastSeen
}
WITH route, size(seizures) AS seizureCount, shipmentCount, weighedSeizureCount, lastSeen, evidence,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg
RETURN route, seizureCount, shipmentCount, weighedSeizureCount, totalWeightKg, lastSeen, evidence
ORDER BY seizureCount DESC, totalWeightKg IS NULL, totalWeightKg DESC, lastSeen IS NULL, lastSeen DESC, [hop IN route | hop.key]
