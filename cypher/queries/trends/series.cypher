// Seizure counts and weights per period, optionally split by species (or its genus or order),
// product or seizure country, with the number of distinct sources behind each figure. Seizures
// without a date are left out. A seizure counts once in each key its goods fall under: a seizure of
// two pangolin species is one seizure of the genus Manis.
// Parameters: $interval ('YEAR' or 'MONTH'), $by ('SPECIES', 'GENUS', 'ORDER', 'PRODUCT', 'COUNTRY'
// or 'NONE'), $species (species id or null), $product (Product or null), $country (ISO code of the
// seizure country, or null), $mode (TransportMode or null), $source (Source id or null: only
// seizures it reports), $dateFrom, $dateTo (Date or null).
// Columns: period ('2015' or '2015-04'), key (species id, genus or order as the species index names
// it, product, country id; null for NONE or when unknown), seizureCount, weighedSeizureCount,
// totalWeightKg (null when no weight is known), sourceCount (all sources that report the seizures
// counted, not only $source). In period order, then key order.
// @param interval: string
// @param by: string
// @param species: string | null
// @param product: string | null
// @param country: string | null
// @param mode: string | null
// @param source: string | null
// @param dateFrom: date | null
// @param dateTo: date | null
// @column period: string
// @column key: string | null
// @column seizureCount: integer
// @column weighedSeizureCount: integer
// @column totalWeightKg: float | null
// @column sourceCount: integer
MATCH (seizure:Seizure)
WHERE seizure.date IS NOT NULL
  AND ($dateFrom IS NULL OR seizure.date >= $dateFrom) AND ($dateTo IS NULL OR seizure.date <= $dateTo)
  AND ($country IS NULL OR EXISTS { (seizure)-[:SEIZED_IN]->(:Country {id: $country}) })
  AND ($mode IS NULL OR EXISTS { (seizure)-[:INTERCEPTED]->(:Shipment {mode: $mode}) })
  AND ($source IS NULL OR EXISTS { (seizure)-[:SOURCED_FROM]->(:Source {id: $source}) })
OPTIONAL MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
WHERE ($product IS NULL OR line.product = $product)
  AND ($species IS NULL OR EXISTS { (line)-[:OF_SPECIES]->(:Species {id: $species}) })
WITH seizure, collect(line) AS lines
WHERE ($species IS NULL AND $product IS NULL) OR lines <> []
UNWIND CASE WHEN lines = [] THEN [null] ELSE lines END AS line
OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
OPTIONAL MATCH (seizure)-[:SEIZED_IN]->(country:Country)
WITH seizure, line,
  CASE $interval WHEN 'MONTH' THEN substring(toString(seizure.date), 0, 7) ELSE toString(seizure.date.year) END AS period,
  CASE $by
    WHEN 'SPECIES' THEN species.id WHEN 'GENUS' THEN species.genus WHEN 'ORDER' THEN species.order
    WHEN 'PRODUCT' THEN line.product WHEN 'COUNTRY' THEN country.id
  END AS key
WITH period, key,
  collect(DISTINCT seizure) AS seizures,
  collect(DISTINCT line) AS weighed,
  count(DISTINCT CASE WHEN line.weightKg IS NOT NULL THEN seizure END) AS weighedSeizureCount
CALL (seizures) {
  UNWIND seizures AS seizure
  MATCH (seizure)-[:SOURCED_FROM]->(source:Source)
  RETURN count(DISTINCT source) AS sourceCount
}
RETURN period, key, size(seizures) AS seizureCount, weighedSeizureCount,
  reduce(total = null, line IN [line IN weighed WHERE line.weightKg IS NOT NULL] | coalesce(total, 0.0) + line.weightKg) AS totalWeightKg,
  sourceCount
ORDER BY period, key
