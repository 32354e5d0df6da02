// Direct equivalent of the benchmark's GraphQL lookup, as one query: a seizure with its country,
// its place, its commodity lines with their species, and its shipments with their routes.
// Orders match the API's loaders: lines and shipments by id, stops by `seq`. Projections are
// aliased (`AS item`) so that ORDER BY sees the node: an unaliased `line {...}` takes its name.
// Parameters: $id (a seizure id).
// Columns: seizure (a map shaped like the GraphQL `data.seizure`); no row for an unknown id.
MATCH (seizure:Seizure {id: $id})
OPTIONAL MATCH (seizure)-[:SEIZED_IN]->(country:Country)
OPTIONAL MATCH (seizure)-[:SEIZED_AT]->(place:Place)
RETURN seizure {
  .id,
  .date,
  country: country {.name},
  place: place {.name},
  commodities: COLLECT {
    MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
    OPTIONAL MATCH (line)-[:OF_SPECIES]->(species:Species)
    RETURN line {.product, .quantity, species: species {.scientificName}} AS item
    ORDER BY line.id
  },
  shipments: COLLECT {
    MATCH (seizure)-[:INTERCEPTED]->(shipment:Shipment)
    RETURN shipment {
      .mode,
      route: COLLECT {
        MATCH (shipment)-[stop:STOPS_AT]->(at)
        WHERE at:Place OR at:Country
        // A stop at a place reports the place's country; a stop at a country, that country.
        OPTIONAL MATCH (at:Place)-[:IN_COUNTRY]->(placeCountry:Country)
        RETURN {
          sequence: stop.seq,
          role: stop.role,
          place: CASE WHEN at:Place THEN at {.name} END,
          country: CASE WHEN at:Place THEN placeCountry {code: placeCountry.id} ELSE at {code: at.id} END
        } AS item
        ORDER BY stop.seq, at.id
      }
    } AS item
    ORDER BY shipment.id
  }
} AS seizure
