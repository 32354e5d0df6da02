// Direct equivalent of the benchmark's GraphQL list page, as one query. The application's own
// cypher/queries/seizure/count.cypher and seizure/list.cypher are pasted in, unchanged, in place of
// the two placeholder lines below; the nested data the GraphQL request asks for is added around them.
// Parameters: those of seizure/list.cypher ($dateFrom, $dateTo, $country, ..., $after, $limit).
// Columns: totalCount (integer), nodes (list of maps shaped like the GraphQL edges' `node`).
CALL () {
{{COUNT}}
}
CALL () {
  CALL () {
{{PAGE}}
  }
  // The page query returns ids, so each seizure is found again by its key.
  MATCH (seizure:Seizure {id: id})
  WITH seizure, COLLECT {
    MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
    OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
    RETURN line {.product, .weightKg, species: species {.scientificName}} AS item
    ORDER BY line.id
  } AS commodities
  ORDER BY seizure.id
  RETURN collect(seizure {.id, .date, commodities: commodities}) AS nodes
}
RETURN count AS totalCount, nodes
