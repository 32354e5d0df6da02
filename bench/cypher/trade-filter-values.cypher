// The commonest value of each trade filter among the seizures, for the analyst benchmark's check
// that the trade tallies answer as counting the facts does (bench/analyst/check.ts): a filter that
// matches many seizures compares many cells.
// Parameters: none.
// Columns: species (a Species id), product, mode (of the intercepted shipment), year (of the
// seizure date).
CALL () {
  MATCH (:Seizure)-[:RECOVERED]->(:CommodityLine)-[:OF_SPECIES]->(species:Species)
  WITH species.id AS species, count(*) AS lines
  RETURN species ORDER BY lines DESC, species LIMIT 1
}
CALL () {
  MATCH (:Seizure)-[:RECOVERED]->(line:CommodityLine)
  WHERE line.product IS NOT NULL
  WITH line.product AS product, count(*) AS lines
  RETURN product ORDER BY lines DESC, product LIMIT 1
}
CALL () {
  MATCH (:Seizure)-[:INTERCEPTED]->(shipment:Shipment)
  WHERE shipment.mode IS NOT NULL
  WITH shipment.mode AS mode, count(*) AS shipments
  RETURN mode ORDER BY shipments DESC, mode LIMIT 1
}
CALL () {
  MATCH (seizure:Seizure)
  WHERE seizure.date IS NOT NULL
  WITH seizure.date.year AS year, count(*) AS seizures
  RETURN year ORDER BY seizures DESC, year LIMIT 1
}
RETURN species, product, mode, year
