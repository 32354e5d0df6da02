// The filtered list page by hand: the seizures made in one country within a date window, how many
// there are, and the first page of them in id order with their commodities and species. Starts
// from the country (by its key) rather than from every seizure.
// Parameters: $country (ISO code), $dateFrom, $dateTo (Date, both included), $first (page size).
// Columns: totalCount, nodes ([{id, date, commodities [{product, weightKg, species}]}]).
MATCH (:Country {id: $country})<-[:SEIZED_IN]-(seizure:Seizure)
WHERE $dateFrom <= seizure.date <= $dateTo
WITH DISTINCT seizure
ORDER BY seizure.id
WITH collect(seizure) AS matching
CALL (matching) {
  UNWIND matching[..$first] AS seizure
  RETURN collect(seizure {
    .id, .date,
    commodities: COLLECT {
      MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
      WITH DISTINCT line
      RETURN line {.product, .weightKg, species: COLLECT { MATCH (line)-[:OF_SPECIES]->(species:Species) RETURN species.scientificName }[0]}
    }
  }) AS nodes
}
RETURN size(matching) AS totalCount, nodes
