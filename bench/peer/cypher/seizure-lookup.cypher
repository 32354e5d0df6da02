// The nested seizure lookup by hand, in one statement: a seizure with its country, place,
// commodities and their species, and the shipments it intercepted with their route (each stop's
// place and country: a place's own country, or the country a stop names) and their parties.
// Each fact once: parallel relationships stating the same fact are one row.
// Parameters: $id (a seizure id).
// Columns: seizure (id, date, country {code, name}, place {id, name}, commodities [{id, product,
// quantity, weightKg, species {id, scientificName}}] by id, shipments [{id, mode, route [{sequence,
// role, place {id, name}, country}] by sequence, parties [{role, kind, id, name}]}] by id); no row
// for an unknown id.
MATCH (seizure:Seizure {id: $id})
RETURN seizure {
  .id,
  .date,
  country: COLLECT { MATCH (seizure)-[:SEIZED_IN]->(country:Country) RETURN DISTINCT country {code: country.id, .name} }[0],
  place: COLLECT { MATCH (seizure)-[:SEIZED_AT]->(place:Place) RETURN DISTINCT place {.id, .name} }[0],
  commodities: COLLECT {
    MATCH (seizure)-[:RECOVERED]->(line:CommodityLine)
    WITH DISTINCT line
    ORDER BY line.id
    RETURN line {
      .id, .product, .quantity, .weightKg,
      species: COLLECT { MATCH (line)-[:OF_SPECIES]->(species:Species) RETURN DISTINCT species {.id, .scientificName} }[0]
    }
  },
  shipments: COLLECT {
    MATCH (seizure)-[:INTERCEPTED]->(shipment:Shipment)
    WITH DISTINCT shipment
    ORDER BY shipment.id
    RETURN shipment {
      .id, .mode,
      route: COLLECT {
        MATCH (shipment)-[stop:STOPS_AT]->(at:Place|Country)
        WITH DISTINCT stop.seq AS sequence, stop.role AS role, at
        ORDER BY sequence, role
        RETURN {
          sequence: sequence,
          role: role,
          place: CASE WHEN at:Place THEN at {.id, .name} END,
          country: CASE WHEN at:Place THEN COLLECT { MATCH (at)-[:IN_COUNTRY]->(country:Country) RETURN country.id }[0] ELSE at.id END
        }
      },
      parties: COLLECT {
        MATCH (shipment)<-[party:PARTY_TO]-(who:Person|Company)
        RETURN DISTINCT {role: party.role, kind: CASE WHEN who:Person THEN "Person" ELSE "Company" END, id: who.id, name: who.name}
      }
    }
  }
} AS seizure
