// Countries -> seizures -> commodities -> species by hand: the countries bordering one country (in
// either direction of BORDERS), by code, each with its first seizures by id, their commodities and
// species.
// Parameters: $code (ISO code), $first (countries, and seizures per country).
// Columns: code, name, seizures ([{id, date, commodities [{product, species}]}]), by code.
MATCH (:Country {id: $code})-[:BORDERS]-(country:Country)
WITH DISTINCT country
ORDER BY country.id
LIMIT $first
RETURN country.id AS code, country.name AS name, COLLECT {
  MATCH (country)<-[:SEIZED_IN]-(seizure:Seizure)
  WITH DISTINCT seizure
  ORDER BY seizure.id
  LIMIT $first
  RETURN seizure {
    .id, .date,
    commodities: COLLECT {
      MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
      WITH DISTINCT line
      RETURN line {.product, species: COLLECT { MATCH (line)-[:OF_SPECIES]->(species:Species) RETURN species.scientificName }[0]}
    }
  }
} AS seizures
ORDER BY code
